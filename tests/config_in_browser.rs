//! The configuration tests of `src/config/tests.rs`, run in a real browser, where the URLs
//! are read by the browser's own parser instead of the `url` crate.
#![cfg(target_arch = "wasm32")]

// What the shared tests see as `super`: the configuration's public face.
pub use mfa_manager::config::*;
pub use mfa_manager::i18n::{Lang, SUPPORTED};
// The shared tests name the language tables as `crate::i18n::…`.
pub use mfa_manager::i18n;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "../src/config/tests.rs"]
mod tests;
