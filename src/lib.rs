//! mfa-manager: a self-service page and widget with which a signed-in user manages their own
//! Auth0 multi-factor authenticators.
//!
//! Module index:
//! - [`config`]: runtime configuration (`config.json`), its validation and precise errors.
//! - [`auth`]: sign-in (PKCE, popup, silent re-authorize) and the memory-only session.
//! - [`app`]: the top-level component and its screens.
//! - [`api`]: the MFA API behind one trait, its wire types and typed errors.
//! - [`factors`]: the user's sign-in methods as rows, and the pieces of an enrollment.
//! - [`json`]: reading JSON text, through one reader.
//! - [`i18n`]: every user-facing text, one table per language, and the [`i18n::Lang`] enum.
//! - [`first_screen`]: taking over from the page's first screen, drawn before the app loads.
//! - [`mount`]: the JavaScript `mount(element, config, onDone)` entry point for widgets.
//! - [`element`]: the `<mfa-manager>` custom element, configured by attributes.
//! - [`browser`]: browser helpers for components (timers, clipboard, focus), one per file.
//! - [`reactive`]: effects, async loads and submissions, each one shared instance of Leptos's
//!   machinery.

pub mod api;
pub mod app;
pub mod auth;
pub mod browser;
pub mod chunk;
pub mod config;
pub mod element;
pub mod factors;
pub mod first_screen;
pub mod i18n;
pub mod json;
pub mod mount;
pub mod reactive;
#[cfg(test)]
mod typescript_declarations;

pub use mount::{mount, MountHandle};

/// Defines the `<mfa-manager>` element, and mounts the stand-alone page on `<body>` when the
/// document is mfa-manager's own page (`<body data-mfa-manager="page">`). Host pages that embed
/// the widget load the same module and use `<mfa-manager>` or call [`mount`] instead.
pub fn start() {
    element::define_element();
    let is_page = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .and_then(|b| b.get_attribute("data-mfa-manager"))
        .is_some_and(|v| v == "page");
    if is_page {
        let first_screen = first_screen::FirstScreen::page();
        leptos::mount::mount_to_body(|| leptos::view! { <app::App page=true first_screen /> });
    }
}
