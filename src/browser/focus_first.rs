//! Moving keyboard focus to an element found by a selector.

use leptos::prelude::document;

/// Moves keyboard focus to the first element matching `selector`, if any.
pub fn focus_first(selector: &str) {
    let element = document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}
