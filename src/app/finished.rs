//! Final screens: the popup fallback's click, and "all set".

use super::flow::Flow;
use leptos::prelude::*;

/// Shown when the silent return failed in popup mode: a click is needed to open the popup.
#[component]
pub fn NeedsClickScreen(
    /// Why the silent path failed.
    reason: String,
) -> impl IntoView {
    let flow = expect_context::<Flow>();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-needs-click-title">
            <h2 id="mfa-needs-click-title">"One more step"</h2>
            <p>{reason}</p>
            <button type="button" class="mfa-button mfa-primary" id="mfa-continue"
                on:click=move |_| flow.done_with_popup()>
                "Continue"
            </button>
        </section>
    }
}

/// The app token was handed back.
#[component]
pub fn FinishedScreen() -> impl IntoView {
    view! {
        <section class="mfa-card" aria-labelledby="mfa-finished-title" id="mfa-finished">
            <h2 id="mfa-finished-title">"All set"</h2>
            <p>"Your security settings are saved. You can close this page."</p>
        </section>
    }
}
