//! The first screen: explains the page and offers to sign in.

use super::flow::Flow;
use crate::config::Config;
use leptos::prelude::*;

/// Signed-out screen with the sign-in button.
#[component]
pub fn SignedOut(
    /// The validated configuration (names the tenant the user signs in to).
    config: Config,
    /// Called when the user presses "Sign in".
    #[prop(into)]
    on_sign_in: Callback<()>,
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
            <button
                type="button"
                class="mfa-button mfa-primary"
                id="mfa-sign-in"
                on:click=move |_| on_sign_in.run(())
            >
                "Sign in"
            </button>
        </section>
    }
}

/// [`SignedOut`] wired to the page's sign-in flow.
#[component]
pub fn SignedOutScreen() -> impl IntoView {
    let flow = expect_context::<Flow>();
    view! { <SignedOut config=flow.config.get_value() on_sign_in=move |()| flow.sign_in() /> }
}
