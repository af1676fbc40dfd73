//! Keeping keyboard focus inside a modal dialog.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Keeps Tab and Shift+Tab cycling through the dialog's enabled buttons.
pub fn trap_focus(dialog: &web_sys::HtmlElement, ev: &leptos::ev::KeyboardEvent) {
    let Ok(buttons) = dialog.query_selector_all("button:not([disabled])") else {
        return;
    };
    let count = buttons.length();
    let item = |i: u32| {
        buttons
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (item(0), item(count.saturating_sub(1))) else {
        return;
    };
    let active = document().active_element();
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.as_ref() as &web_sys::Element)
    };
    if ev.shift_key() && at(&first) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && at(&last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
