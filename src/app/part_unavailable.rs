//! A part of the page (a lazily loaded chunk) that could not be fetched, with the way to try
//! again.

use crate::i18n::texts;
use leptos::prelude::*;

/// Says that a part could not be loaded; `retry` fetches it again.
#[component]
pub fn PartUnavailable(retry: Callback<()>) -> impl IntoView {
    let t = texts();
    view! {
        <div class="mfa-card mfa-error" role="alert" id="mfa-part-unavailable">
            <p class="mfa-error-message">{t.part_unavailable}</p>
            <p class="mfa-hint">{t.hint_part_unavailable}</p>
            <button type="button" class="mfa-button" id="mfa-part-retry" on:click=move |_| retry.run(())>
                {t.try_again}
            </button>
        </div>
    }
}
