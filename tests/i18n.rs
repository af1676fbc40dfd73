//! The interface in other languages than English, chosen by the `lang` configuration key;
//! right-to-left Arabic; waits and countdowns written by the browser's `Intl`.
#![cfg(target_arch = "wasm32")]

use support::{find, has, mount_widget, settle_until, text};
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// The widget mounted with the configuration `json`, once its root shows `title` and the
/// signed-out screen's sign-in button: the host element, the widget's `main.mfa-manager` root
/// and the handle that unmounts it.
async fn mounted(
    json: &str,
    title: &str,
) -> (
    web_sys::HtmlElement,
    web_sys::Element,
    mfa_manager::MountHandle,
) {
    let (element, handle) = mount_widget(json);
    settle_until(&format!("the signed-out screen titled {title:?}"), || {
        has(&element, "main.mfa-manager #mfa-sign-in") && text(&element).contains(title)
    })
    .await;
    let root = find(&element, "main.mfa-manager");
    (element, root, handle)
}

/// The configuration for the tenant `acme.us.auth0.com` in the language `lang`.
fn acme_in(lang: &str) -> String {
    format!(r#"{{"domain":"acme.us.auth0.com","client_id":"abc","lang":"{lang}"}}"#)
}

#[wasm_bindgen_test]
async fn german_config_shows_german_texts() {
    let (element, root, mut handle) = mounted(&acme_in("de"), "Sicherheitseinstellungen").await;
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
    let (element, root, mut handle) = mounted(&acme_in("ar"), "إعدادات الأمان").await;
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
    let (element, root, mut handle) = mounted(
        r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#,
        "Security settings",
    )
    .await;
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

#[wasm_bindgen_test]
fn waits_and_countdowns_are_written_by_the_browser_in_each_language() {
    use mfa_manager::i18n::{intl, Lang};
    assert_eq!(intl::wait(40, "en"), "40 seconds");
    assert_eq!(intl::wait(61, "en"), "2 minutes");
    assert_eq!(intl::wait(5400, "en"), "1 hour, 30 minutes");
    assert_eq!(intl::wait(1, "de"), "1 Sekunde");
    assert_eq!(intl::wait(120, "de"), "2 Minuten");
    assert_eq!(intl::wait(120, "fr"), "2 minutes");
    assert_eq!(intl::wait(120, "pt-BR"), "2 minutos");
    // Arabic has a dual: two minutes are one word.
    assert_eq!(intl::wait(120, "ar"), "دقيقتان");
    assert_eq!(intl::clock(545, "en"), "09:05");
    assert_eq!(intl::clock(-3, "de"), "00:00");
    for lang in Lang::ALL {
        let wait = intl::wait(5400, lang.tag());
        assert!(
            wait.contains("30") || wait.contains("٣٠"),
            "{lang:?}: {wait}"
        );
        if lang != Lang::En {
            assert_ne!(wait, intl::wait(5400, "en"), "{lang:?}");
        }
    }
}
