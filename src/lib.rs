//! mfa-manager: a self-service page and widget with which a signed-in user manages their own
//! Auth0 multi-factor authenticators.
//!
//! Module index:
//! - [`config`]: runtime configuration (`config.json`), its validation and precise errors.
//! - [`auth`]: sign-in (PKCE, popup, silent re-authorize) and the memory-only session.
//! - [`app`]: the top-level component and its screens.
//! - [`api`]: the MFA API behind one trait, its wire types and typed errors.
//! - [`factors`]: the user's sign-in methods as rows, and the pieces of an enrollment.

pub mod api;
pub mod app;
pub mod auth;
pub mod config;
pub mod factors;

/// Mounts the application on `<body>` of the current page.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
