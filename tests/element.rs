//! The `<mfa-manager>` custom element in a real browser: defined by the module, configured by
//! attributes, mounted while on the page and emptied when removed.
#![cfg(target_arch = "wasm32")]

use mfa_manager::element::{define_element, ELEMENT_NAME};
use std::cell::RefCell;
use std::rc::Rc;
use support::{document, expect_field_errors, settle_until, settle_until_shows, text};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// A new, not yet attached `<mfa-manager>` with `attributes`.
fn element(attributes: &[(&str, &str)]) -> web_sys::Element {
    define_element();
    let element = document().create_element(ELEMENT_NAME).unwrap();
    for (name, value) in attributes {
        element.set_attribute(name, value).unwrap();
    }
    element
}

#[wasm_bindgen_test]
async fn attached_element_shows_the_signed_out_screen_and_detaching_empties_it() {
    let widget = element(&[
        ("domain", "acme.us.auth0.com"),
        ("client-id", "abc"),
        ("app-audience", "https://api.acme.com/"),
        ("lang", "en"),
    ]);
    let body = document().body().unwrap();
    body.append_child(&widget).unwrap();
    settle_until_shows(&widget, "Sign in to manage your security settings").await;
    let shown = text(&widget);
    assert!(
        shown.contains("Sign in to manage your security settings"),
        "{shown}"
    );
    assert!(shown.contains("acme.us.auth0.com"), "{shown}");
    assert!(widget.query_selector("#mfa-sign-in").unwrap().is_some());

    body.remove_child(&widget).unwrap();
    assert_eq!(widget.child_element_count(), 0, "detaching unmounts");

    // Defining again is harmless, and attaching again mounts again.
    define_element();
    body.append_child(&widget).unwrap();
    settle_until_shows(&widget, "acme.us.auth0.com").await;
    assert!(text(&widget).contains("acme.us.auth0.com"));
    body.remove_child(&widget).unwrap();
}

#[wasm_bindgen_test]
async fn changing_an_attribute_mounts_with_the_new_configuration() {
    let widget = element(&[("domain", "acme.us.auth0.com"), ("client-id", "abc")]);
    document().body().unwrap().append_child(&widget).unwrap();
    settle_until_shows(&widget, "acme.us.auth0.com").await;
    widget.set_attribute("domain", "beta.eu.auth0.com").unwrap();
    settle_until("the new tenant only", || {
        text(&widget).contains("beta.eu.auth0.com") && !text(&widget).contains("acme.us.auth0.com")
    })
    .await;
    let shown = text(&widget);
    assert!(shown.contains("beta.eu.auth0.com"), "{shown}");
    assert!(!shown.contains("acme.us.auth0.com"), "{shown}");
    assert_eq!(
        widget.query_selector_all("main").unwrap().length(),
        1,
        "one widget, not two"
    );
    widget.remove();
}

#[wasm_bindgen_test]
async fn bad_attributes_name_each_field_and_raise_an_error_event() {
    let widget = element(&[("domain", "http://acme.auth0.com"), ("mode", "tab")]);
    let messages = Rc::new(RefCell::new(Vec::<String>::new()));
    let seen = Rc::clone(&messages);
    let listener = Closure::<dyn Fn(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
        let message = js_sys::Reflect::get(&e.detail(), &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        seen.borrow_mut().push(message);
    });
    // Heard on the document: the event bubbles out of the element.
    document()
        .add_event_listener_with_callback("mfa-manager:error", listener.as_ref().unchecked_ref())
        .unwrap();
    document().body().unwrap().append_child(&widget).unwrap();
    expect_field_errors(&widget, &["domain", "client_id", "mode"]).await;
    settle_until("the error event", || !messages.borrow().is_empty()).await;
    document()
        .remove_event_listener_with_callback("mfa-manager:error", listener.as_ref().unchecked_ref())
        .unwrap();
    let messages = messages.borrow();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("\"client_id\" is missing"),
        "{messages:?}"
    );
    widget.remove();
}

#[wasm_bindgen_test]
async fn demo_is_a_boolean_attribute() {
    let widget = element(&[("demo", "")]);
    document().body().unwrap().append_child(&widget).unwrap();
    settle_until_shows(&widget, "Your sign-in methods").await;
    let shown = text(&widget);
    assert!(shown.contains("Your sign-in methods"), "{shown}");
    widget.remove();
}
