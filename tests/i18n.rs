//! The interface in German and in right-to-left Arabic, chosen by the `lang` configuration key.
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

async fn mounted(
    lang: &str,
) -> (
    web_sys::HtmlElement,
    web_sys::Element,
    mfa_manager::MountHandle,
) {
    let element = host();
    let config = js_sys::JSON::parse(&format!(
        r#"{{"domain":"acme.us.auth0.com","client_id":"abc","lang":"{lang}"}}"#
    ))
    .unwrap();
    let handle = mfa_manager::mount(element.clone(), config, None);
    sleep(Duration::from_millis(30)).await;
    let root = element.query_selector("main.mfa-manager").unwrap().unwrap();
    (element, root, handle)
}

#[wasm_bindgen_test]
async fn german_config_shows_german_texts() {
    let (element, root, mut handle) = mounted("de").await;
    let text = element.text_content().unwrap_or_default();
    assert!(text.contains("Sicherheitseinstellungen"), "{text}");
    assert!(
        text.contains("Melden Sie sich an, um Ihre Sicherheitseinstellungen zu verwalten"),
        "{text}"
    );
    let button = element.query_selector("#mfa-sign-in").unwrap().unwrap();
    assert_eq!(button.text_content().unwrap_or_default(), "Anmelden");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    handle.unmount();
}

#[wasm_bindgen_test]
async fn arabic_config_mirrors_the_layout() {
    let (element, root, mut handle) = mounted("ar").await;
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ar"));
    let text = element.text_content().unwrap_or_default();
    assert!(text.contains("إعدادات الأمان"), "{text}");
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&root)
        .unwrap()
        .unwrap();
    assert_eq!(style.get_property_value("direction").unwrap(), "rtl");
    handle.unmount();
}

#[wasm_bindgen_test]
async fn english_is_the_default() {
    let element = host();
    let config =
        js_sys::JSON::parse(r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#).unwrap();
    let mut handle = mfa_manager::mount(element.clone(), config, None);
    sleep(Duration::from_millis(30)).await;
    let root = element.query_selector("main.mfa-manager").unwrap().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(root.get_attribute("dir").as_deref(), Some("ltr"));
    let text = element.text_content().unwrap_or_default();
    assert!(text.contains("Security settings"), "{text}");
    assert!(
        text.contains("You will sign in at acme.us.auth0.com."),
        "{text}"
    );
    handle.unmount();
}
