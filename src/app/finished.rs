//! Final screens: the popup fallback's click, and "all set".

use super::flow::Flow;
use crate::i18n::texts;
use leptos::prelude::*;

/// Shown when the silent return failed in popup mode: a click is needed to open the popup.
#[component]
pub fn NeedsClickScreen(
    /// Why the silent path failed.
    reason: String,
) -> impl IntoView {
    let flow = expect_context::<Flow>();
    let t = texts();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-needs-click-title">
            <h2 id="mfa-needs-click-title">{t.needs_click_title}</h2>
            <p>{reason}</p>
            <button type="button" class="mfa-button mfa-primary" id="mfa-continue"
                on:click=move |_| flow.done_with_popup()>
                {t.continue_}
            </button>
        </section>
    }
}

/// The app token was handed back.
#[component]
pub fn FinishedScreen() -> impl IntoView {
    let t = texts();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-finished-title" id="mfa-finished">
            <h2 id="mfa-finished-title">{t.finished_title}</h2>
            <p>{t.finished_text}</p>
        </section>
    }
}
