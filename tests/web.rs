//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mfa_manager::app::config_error::ConfigErrorView;
use mfa_manager::app::signed_out::SignedOut;
use mfa_manager::config::{Config, ConfigError};
use support::{container, find, settle_until};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// A valid configuration for the tenant `acme.us.auth0.com`.
fn acme_config() -> Config {
    Config::from_json(
        r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#,
        "https://app.example.com/",
    )
    .unwrap()
}

#[wasm_bindgen_test]
fn signed_out_screen_names_the_tenant_and_offers_sign_in() {
    let config = acme_config();
    let root = container();
    let clicks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counted = clicks.clone();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let counted = counted.clone();
        view! { <SignedOut config on_sign_in=move |()| { counted.fetch_add(1, std::sync::atomic::Ordering::SeqCst); } /> }
    });
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Sign in to manage your security settings"),
        "{text}"
    );
    assert!(text.contains("acme.us.auth0.com"), "{text}");
    let button: web_sys::HtmlElement = find(&root, "button#mfa-sign-in");
    assert_eq!(button.text_content().unwrap().trim(), "Sign in");
    button.click();
    assert_eq!(
        clicks.load(std::sync::atomic::Ordering::SeqCst),
        1,
        "the button starts sign-in"
    );
}

#[wasm_bindgen_test]
async fn after_a_failed_sign_in_the_button_offers_to_sign_in_again() {
    let config = acme_config();
    let root = container();
    let failed = RwSignal::new(false);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        view! { <SignedOut config on_sign_in=|()| {} again=failed /> }
    });
    let label = || {
        find::<web_sys::Element>(&root, "button#mfa-sign-in")
            .text_content()
            .unwrap()
    };
    assert_eq!(label().trim(), "Sign in");
    failed.set(true);
    // Leptos redraws on its next turn.
    settle_until("the label to change", || label().trim() == "Sign in again").await;
    assert_eq!(label().trim(), "Sign in again");
    assert_eq!(root.query_selector_all("button").unwrap().length(), 1);
}

#[wasm_bindgen_test]
fn config_errors_are_listed_as_text_with_their_field() {
    let errors = vec![
        ConfigError::Missing("client_id"),
        ConfigError::NotJson("<b>bold</b> is not JSON".into()),
    ];
    let root = container();
    let _handle =
        leptos::mount::mount_to(root.clone(), move || view! { <ConfigErrorView errors /> });
    let items = root.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 2);
    let first: web_sys::Element = items.item(0).unwrap().unchecked_into();
    assert_eq!(
        first.get_attribute("data-field").as_deref(),
        Some("client_id")
    );
    // Server or file text is rendered as text, never parsed as HTML.
    assert!(root.query_selector("li b").unwrap().is_none());
    assert!(root
        .text_content()
        .unwrap()
        .contains("<b>bold</b> is not JSON"));
}
