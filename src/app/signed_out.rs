//! The first screen: explains the page and offers to sign in.

use crate::config::Config;
use leptos::prelude::*;

/// Signed-out screen with the sign-in button.
#[component]
pub fn SignedOut(
    /// The validated configuration (names the tenant the user signs in to).
    config: Config,
) -> impl IntoView {
    let host = config.domain.host().to_owned();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-signed-out-title">
            <h2 id="mfa-signed-out-title">"Sign in to manage your security settings"</h2>
            <p>
                "Add or remove the ways you prove it's you when signing in: an authenticator app, "
                "text messages, phone calls, email or push notifications."
            </p>
            <p class="mfa-hint">"You will sign in at " <strong>{host}</strong> "."</p>
            <button type="button" class="mfa-button mfa-primary" id="mfa-sign-in">
                "Sign in"
            </button>
        </section>
    }
}
