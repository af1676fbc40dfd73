//! The language the browser asks for: the first of `navigator.languages` (the visitor's
//! preferences, best first) that this page has.

use super::Lang;

/// The browser's preferred language among this page's, when it has one of them.
#[cfg(target_arch = "wasm32")]
pub fn browser_lang() -> Option<Lang> {
    let languages = web_sys::window()?.navigator().languages();
    let tags: Vec<String> = languages.iter().filter_map(|tag| tag.as_string()).collect();
    Lang::first_supported(tags.iter().map(String::as_str))
}

/// The browser's preferred language among this page's: none outside a browser.
#[cfg(not(target_arch = "wasm32"))]
pub fn browser_lang() -> Option<Lang> {
    None
}
