//! Events the component raises on its host element for the embedding page.

use crate::auth::IssuedToken;
use crate::factors::change::{kind_name, FactorChange};
use wasm_bindgen::JsValue;

/// Name of the event carrying the app-audience token.
pub const DONE_EVENT: &str = "mfa-manager:done";
/// Name of the event raised when the user's list of sign-in methods changed.
pub const CHANGE_EVENT: &str = "mfa-manager:change";
/// Name of the event raised when a sign-in, API or configuration error is shown.
pub const ERROR_EVENT: &str = "mfa-manager:error";

/// `{access_token, expires_in, scope, token_type}` for the host page.
pub fn done_detail(token: &IssuedToken) -> js_sys::Object {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &value);
    };
    set(
        "access_token",
        JsValue::from_str(token.access_token.secret()),
    );
    set("expires_in", JsValue::from_f64(token.expires_in as f64));
    set("scope", JsValue::from_str(&token.scope));
    set("token_type", JsValue::from_str("Bearer"));
    detail
}

/// Dispatches `mfa-manager:done` (bubbling, composed) with the token `detail`.
pub fn dispatch_done(host: &web_sys::HtmlElement, detail: &js_sys::Object) {
    dispatch(host, DONE_EVENT, detail);
}

/// `{reason, kind}` for the host page, e.g. `{reason: "added", kind: "authenticator-app"}`.
pub fn change_detail(change: FactorChange) -> js_sys::Object {
    object(&[
        ("reason", change.reason.name()),
        ("kind", kind_name(change.kind)),
    ])
}

/// Dispatches `mfa-manager:change` (bubbling, composed) for a change to the factor list.
pub fn dispatch_change(host: &web_sys::EventTarget, change: FactorChange) {
    dispatch(host, CHANGE_EVENT, &change_detail(change));
}

/// Dispatches `mfa-manager:error` (bubbling, composed) with `{message}`, the text shown.
pub fn dispatch_error(host: &web_sys::EventTarget, message: &str) {
    dispatch(host, ERROR_EVENT, &object(&[("message", message)]));
}

/// An object of string properties.
fn object(entries: &[(&str, &str)]) -> js_sys::Object {
    let detail = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    detail
}

/// Dispatches a bubbling, composed `CustomEvent` named `name` with `detail` on `target`.
fn dispatch(target: &web_sys::EventTarget, name: &str, detail: &js_sys::Object) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
