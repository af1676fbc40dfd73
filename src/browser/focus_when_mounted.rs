//! Moving keyboard focus to an element as soon as it is in the page.

use crate::reactive::effect;
use leptos::prelude::*;

/// Moves keyboard focus to `node`'s element as soon as it is in the page.
pub fn focus_when_mounted<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    effect(move || {
        if let Some(element) = node.get() {
            if let Some(element) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(&element) {
                let _ = element.focus();
            }
        }
    });
}
