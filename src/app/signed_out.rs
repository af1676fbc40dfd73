//! The first screen: explains the page and offers to sign in.

use super::flow::Flow;
use crate::config::Config;
use crate::i18n::{around, texts};
use leptos::prelude::*;

/// Signed-out screen with the sign-in button.
#[component]
pub fn SignedOut(
    /// The validated configuration (names the tenant the user signs in to).
    config: Config,
    /// Called when the user presses "Sign in".
    #[prop(into)]
    on_sign_in: Callback<()>,
    /// True after a sign-in failed: the button then reads "Sign in again" (the error above
    /// it has no button of its own, so there is one button for one action).
    #[prop(optional, into)]
    again: Signal<bool>,
) -> impl IntoView {
    let host = config.domain.host().to_owned();
    let t = texts();
    let (before, after) = around(t.sign_in_at, "host");
    view! {
        <section class="mfa-card" aria-labelledby="mfa-signed-out-title">
            <h2 id="mfa-signed-out-title">{t.signed_out_title}</h2>
            <p>{t.signed_out_intro}</p>
            <p class="mfa-hint">{before} <strong>{host}</strong> {after}</p>
            <button
                type="button"
                class="mfa-button mfa-primary"
                id="mfa-sign-in"
                on:click=move |_| on_sign_in.run(())
            >
                {move || if again.get() { t.sign_in_again } else { t.sign_in }}
            </button>
        </section>
    }
}

/// [`SignedOut`] wired to the page's sign-in flow.
#[component]
pub fn SignedOutScreen() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let again = Signal::derive(move || flow.error.with(Option::is_some));
    view! { <SignedOut config=flow.config.get_value() on_sign_in=move |()| flow.sign_in() again /> }
}
