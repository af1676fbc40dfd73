//! The JavaScript entry point for embedding: `mount(element, config, onDone)`.

use crate::app::{App, ConfigResult};
use crate::config::{ConfigError, RawConfig};
use crate::first_screen::FirstScreen;
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// A mounted widget; `unmount()` removes it and forgets its session. The widget stays on the
/// page until then, whether or not the host keeps the handle: a handle the host drops (and
/// the browser frees) does not take the widget with it.
#[wasm_bindgen]
pub struct MountHandle {
    id: Option<usize>,
}

thread_local! {
    /// The mounted widgets (Leptos' unmount handles); a handle names its widget's index, and
    /// an unmounted widget leaves an empty slot (a page mounts few).
    static MOUNTED: RefCell<Vec<Option<Box<dyn Any>>>> = const { RefCell::new(Vec::new()) };
}

#[wasm_bindgen]
impl MountHandle {
    /// Removes the widget from the page (once; later calls do nothing).
    pub fn unmount(&mut self) {
        if let Some(id) = self.id.take() {
            // Dropped after the borrow ends: unmounting may run code that mounts again.
            let widget = MOUNTED.with(|m| m.borrow_mut().get_mut(id).and_then(Option::take));
            drop(widget);
        }
    }
}

/// Mounts mfa-manager inside `element`. `config` is an object with the keys of `config.json`
/// (`mode` defaults to `"popup"`, so the host page is never navigated away). `on_done`, if
/// given, receives `{access_token, expires_in, scope, token_type}` when the user is done; the
/// same detail is dispatched as a `mfa-manager:done` event. A bad configuration is shown inside
/// the element, naming each wrong field. `first_screen` is the signed-out screen the entry
/// module `mfa-manager.js` drew before the app was here, which the widget takes over
/// (`undefined` when the glue module is used directly).
#[wasm_bindgen]
pub fn mount(
    element: web_sys::HtmlElement,
    config: JsValue,
    on_done: Option<js_sys::Function>,
    first_screen: JsValue,
) -> MountHandle {
    let first_screen = FirstScreen::given(first_screen);
    mount_config(element, widget_config(&config), on_done, first_screen)
}

/// Mounts mfa-manager inside `element` with an already read configuration (shared by
/// [`mount`] and the `<mfa-manager>` element).
pub(crate) fn mount_config(
    element: web_sys::HtmlElement,
    given: ConfigResult,
    on_done: Option<js_sys::Function>,
    first_screen: Option<FirstScreen>,
) -> MountHandle {
    let handle = leptos::mount::mount_to(element, move || {
        view! { <App given=Some(given) on_done first_screen /> }
    });
    let id = MOUNTED.with(|m| {
        let mut mounted = m.borrow_mut();
        mounted.push(Some(Box::new(handle) as Box<dyn Any>));
        mounted.len() - 1
    });
    MountHandle { id: Some(id) }
}

/// Validates a configuration object given by the embedding page.
fn widget_config(config: &JsValue) -> ConfigResult {
    let text = js_sys::JSON::stringify(config)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default();
    let raw: RawConfig =
        crate::json::from_text(&text).map_err(|e| vec![ConfigError::NotJson(e.to_string())])?;
    validate_widget(raw)
}

/// Validates a widget's configuration; `mode` defaults to `popup` so the host page is never
/// navigated away.
pub(crate) fn validate_widget(mut raw: RawConfig) -> ConfigResult {
    if raw.mode.is_none() {
        raw.mode = Some("popup".into());
    }
    let page_url = crate::config::page_url().map_err(|e| vec![e])?;
    raw.validate(&page_url)
}
