//! The `<mfa-manager>` custom element: embedding without any script of the host's own beyond
//! loading the module.
//!
//! ```html
//! <mfa-manager domain="acme.us.auth0.com" client-id="YOUR_SPA_CLIENT_ID"
//!              app-audience="https://api.acme.com/"></mfa-manager>
//! ```
//!
//! Each attribute in [`ATTRIBUTES`] is the `config.json` key of the same name with `-` for
//! `_`; `demo` is a boolean attribute (present means on). Inserting the element mounts the
//! widget inside it (popup sign-in unless `mode` says otherwise), removing it unmounts it, and
//! changing an attribute while it is on the page mounts it afresh with the new configuration
//! (the session is forgotten). The `mfa-manager:*` events bubble out of it.
//!
//! The element's class is a small module of its own, `src/element.js` (no inline script, no
//! `eval`), so pages with `script-src 'self' 'wasm-unsafe-eval'` can use it. The widget's entry
//! module `mfa-manager.js` defines it with the same text before the app is here, so that the
//! element shows its first screen at once; the module's start then finds it defined.

use crate::config::RawConfig;
use crate::first_screen::FirstScreen;
use crate::mount::{mount_config, validate_widget, MountHandle};
use wasm_bindgen::prelude::*;

/// Tag name of the element.
pub const ELEMENT_NAME: &str = "mfa-manager";

/// The attributes read by the element, in the order of the configuration table.
pub const ATTRIBUTES: [&str; 11] = [
    "domain",
    "canonical-domain",
    "client-id",
    "redirect-uri",
    "app-audience",
    "app-scope",
    "return-to",
    "mode",
    "api",
    "lang",
    "demo",
];

#[wasm_bindgen(module = "/src/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = defineMfaManagerElement)]
    fn define_custom_element(
        name: &str,
        attributes: js_sys::Array,
        connect: &Closure<dyn Fn(web_sys::HtmlElement) -> JsValue>,
    ) -> bool;
}

/// Defines `<mfa-manager>` on this page (once; later calls do nothing). Elements already in
/// the document are upgraded and mount at once.
pub fn define_element() {
    let connect =
        Closure::<dyn Fn(web_sys::HtmlElement) -> JsValue>::new(|element: web_sys::HtmlElement| {
            JsValue::from(mount_element(element, JsValue::UNDEFINED))
        });
    let attributes = ATTRIBUTES.iter().copied().map(JsValue::from_str).collect();
    if define_custom_element(ELEMENT_NAME, attributes, &connect) {
        // The element class keeps calling it for as long as the page lives.
        connect.forget();
    }
}

/// Mounts the widget inside `element`, an `<mfa-manager>`, configured by its attributes; the
/// element's class calls it when the element is added to the page. `first_screen` is the
/// signed-out screen the entry module `mfa-manager.js` drew before the app was here, which
/// the widget takes over (`undefined` for none).
#[wasm_bindgen(js_name = mountElement)]
pub fn mount_element(element: web_sys::HtmlElement, first_screen: JsValue) -> MountHandle {
    let raw = raw_config(|name| element.get_attribute(name));
    let first_screen = FirstScreen::given(first_screen);
    mount_config(element, validate_widget(raw), None, first_screen)
}

/// The configuration written as attributes; `attribute` reads one by name.
pub fn raw_config(attribute: impl Fn(&str) -> Option<String>) -> RawConfig {
    RawConfig {
        domain: attribute("domain"),
        canonical_domain: attribute("canonical-domain"),
        client_id: attribute("client-id"),
        redirect_uri: attribute("redirect-uri"),
        app_audience: attribute("app-audience"),
        app_scope: attribute("app-scope"),
        return_to: attribute("return-to"),
        mode: attribute("mode"),
        api: attribute("api"),
        lang: attribute("lang"),
        demo: attribute("demo").map(|_| true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn from(attributes: &[(&str, &str)]) -> RawConfig {
        raw_config(|name| {
            assert!(ATTRIBUTES.contains(&name), "{name} is not observed");
            attributes
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn attributes_become_the_config_keys() {
        let raw = from(&[
            ("domain", "login.acme.com"),
            ("canonical-domain", "acme.us.auth0.com"),
            ("client-id", "abc"),
            ("redirect-uri", "https://acme.com/cb"),
            ("app-audience", "https://api.acme.com/"),
            ("app-scope", "openid read:things"),
            ("return-to", "/home"),
            ("mode", "redirect"),
            ("lang", "fr"),
        ]);
        assert_eq!(raw.domain.as_deref(), Some("login.acme.com"));
        assert_eq!(raw.canonical_domain.as_deref(), Some("acme.us.auth0.com"));
        assert_eq!(raw.client_id.as_deref(), Some("abc"));
        assert_eq!(raw.redirect_uri.as_deref(), Some("https://acme.com/cb"));
        assert_eq!(raw.app_audience.as_deref(), Some("https://api.acme.com/"));
        assert_eq!(raw.app_scope.as_deref(), Some("openid read:things"));
        assert_eq!(raw.return_to.as_deref(), Some("/home"));
        assert_eq!(raw.mode.as_deref(), Some("redirect"));
        assert_eq!(raw.lang.as_deref(), Some("fr"));
        assert_eq!(raw.demo, None);
    }

    #[test]
    fn the_entry_module_observes_the_same_attributes() {
        // The entry module defines the element before the wasm is here, with its own list.
        let entry = include_str!("first_screen/widget.js");
        let start = entry
            .find("const ATTRIBUTES = [")
            .expect("the entry's list")
            + 20;
        let end = start + entry[start..].find(']').unwrap();
        let listed: Vec<String> = entry[start..end]
            .split(',')
            .map(|name| name.trim().trim_matches('"').to_owned())
            .filter(|name| !name.is_empty())
            .collect();
        assert_eq!(listed, ATTRIBUTES);
    }

    #[test]
    fn demo_is_a_boolean_attribute() {
        assert_eq!(from(&[("demo", "")]).demo, Some(true));
        assert_eq!(from(&[("demo", "demo")]).demo, Some(true));
        assert_eq!(from(&[]).demo, None);
    }
}
