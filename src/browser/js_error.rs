//! What a rejected promise or thrown JavaScript value says, in the browser's words.

use wasm_bindgen::{JsCast, JsValue};

/// The message of a thrown `Error`, a thrown string as it is, anything else as debugged.
pub fn message(thrown: &JsValue) -> String {
    thrown
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| thrown.as_string())
        .unwrap_or_else(|| format!("{thrown:?}"))
}
