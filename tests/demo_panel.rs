//! Demo mode's outbox panel as the demo tenant module draws it (headless Chromium).
#![cfg(target_arch = "wasm32")]

use mfa_demo_tenant::DemoTenant;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The panel's texts as the page passes them.
fn texts() -> JsValue {
    let texts = js_sys::Object::new();
    for (key, value) in [
        ("title", "Demo mode"),
        ("empty", "No messages sent yet."),
        ("sms", "Text message"),
        ("to", "{what} to {to}"),
        ("code", ": code {code}"),
    ] {
        let _ = js_sys::Reflect::set(&texts, &key.into(), &value.into());
    }
    texts.into()
}

#[wasm_bindgen_test]
fn a_sent_code_shows_in_the_panel_as_soon_as_the_call_returns() {
    let document = web_sys::window().unwrap().document().unwrap();
    let panel = document.create_element("aside").unwrap();
    document.body().unwrap().append_child(&panel).unwrap();
    let tenant = DemoTenant::new();
    tenant.show_outbox(panel.clone(), &texts());
    let shown = || panel.text_content().unwrap_or_default();
    assert!(shown().contains("No messages sent yet."), "{}", shown());

    let answer = tenant.associate(
        r#"{"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+442079460958"}"#,
    );
    assert_eq!(answer.status, 200, "{}", answer.body);
    // Checked before yielding to the browser: the panel's own once-a-second look has not run,
    // so this is the redraw that follows every call.
    let outbox: serde_json::Value = serde_json::from_str(&tenant.outbox()).unwrap();
    let code = outbox[0]["code"].as_str().unwrap();
    assert!(
        shown().contains(&format!("Text message to +442079460958: code {code}")),
        "{}",
        shown()
    );
    panel.remove();
}
