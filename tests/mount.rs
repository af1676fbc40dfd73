//! The widget entry point `mount(element, config, onDone)` in a real browser.
#![cfg(target_arch = "wasm32")]

use mfa_manager::browser::sleep;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn host() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn config(json: &str) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
async fn mount_shows_the_widget_and_unmount_removes_it() {
    let element = host();
    let mut handle = mfa_manager::mount(
        element.clone(),
        config(r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#),
        None,
    );
    sleep(Duration::from_millis(30)).await;
    let text = element.text_content().unwrap_or_default();
    assert!(
        text.contains("Sign in to manage your security settings"),
        "{text}"
    );
    assert!(text.contains("acme.us.auth0.com"), "{text}");
    handle.unmount();
    assert_eq!(
        element.child_element_count(),
        0,
        "unmount empties the host element"
    );
}

#[wasm_bindgen_test]
async fn mount_with_a_bad_config_names_each_field() {
    let element = host();
    let _handle = mfa_manager::mount(
        element.clone(),
        config(r#"{"domain":"http://acme.auth0.com","mode":"tab"}"#),
        None,
    );
    sleep(Duration::from_millis(30)).await;
    for field in ["domain", "client_id", "mode"] {
        assert!(
            element
                .query_selector(&format!("li[data-field={field}]"))
                .unwrap()
                .is_some(),
            "no error for {field}: {}",
            element.text_content().unwrap_or_default()
        );
    }
}
