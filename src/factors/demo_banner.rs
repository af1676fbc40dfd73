//! Demo mode's banner: every screen of demo mode says that nothing on it is the visitor's real
//! account, so a link with `?demo` cannot pass invented sign-in methods off as theirs. The app
//! shows it above every stage, and the removal dialog, which covers the page, shows it again
//! inside itself; it lives here because views do not import the app. A note, not an alert:
//! screen readers read it in place instead of announcing it again on every change of screen.

use crate::i18n::texts;
use leptos::prelude::*;

/// The banner shown in demo mode.
#[component]
pub fn DemoBanner() -> impl IntoView {
    view! { <p class="mfa-demo-banner" role="note">{texts().demo_banner}</p> }
}
