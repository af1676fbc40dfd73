//! The widget entry point `mount(element, config, onDone)` in a real browser.
#![cfg(target_arch = "wasm32")]

use support::{expect_field_errors, mount_widget, settle_until_shows};
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn mount_shows_the_widget_and_unmount_removes_it() {
    let (element, mut handle) = mount_widget(r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#);
    settle_until_shows(&element, "Sign in to manage your security settings").await;
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
async fn the_widget_stays_when_the_host_drops_its_handle() {
    let (element, handle) = mount_widget(r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#);
    // The browser frees a handle the host page keeps no reference to.
    {
        let _freed = handle;
    }
    settle_until_shows(&element, "Sign in to manage your security settings").await;
    assert!(
        element.child_element_count() > 0,
        "the widget is still on the page"
    );
}

#[wasm_bindgen_test]
async fn mount_with_a_bad_config_names_each_field() {
    let (element, _handle) = mount_widget(r#"{"domain":"http://acme.auth0.com","mode":"tab"}"#);
    expect_field_errors(&element, &["domain", "client_id", "mode"]).await;
}
