//! Events the component raises on its host element for the embedding page.

use crate::auth::IssuedToken;
use wasm_bindgen::JsValue;

/// Name of the event carrying the app-audience token.
pub const DONE_EVENT: &str = "mfa-manager:done";

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
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(DONE_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}
