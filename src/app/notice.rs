//! The error and note banners above every screen. Tenant text is rendered as text only.

use super::describe::{auth_hint, auth_message};
use super::events::dispatch_error;
use super::flow::{Flow, Stage};
use crate::i18n::texts;
use crate::reactive::effect;
use leptos::prelude::*;

/// Shows the last sign-in error (with its likely cause) and any note for the user.
#[component]
pub fn Notices() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let t = texts();
    // The embedding page hears about each error shown (`mfa-manager:error`).
    effect(move || {
        if let (Some(error), Some(host)) = (flow.error.get(), flow.host.get_untracked()) {
            dispatch_error(&host, &auth_message(&error, t));
        }
    });
    view! {
        {move || flow.error.get().map(|e| view! {
            <div class="mfa-card mfa-error mfa-notice" role="alert" id="mfa-error">
                <p class="mfa-error-message">{auth_message(&e, t)}</p>
                {auth_hint(&e, t).map(|h| view! { <p class="mfa-hint">{h}</p> })}
                // The signed-out screen below has the sign-in button; elsewhere the error offers it.
                {(flow.stage.get() != Stage::SignedOut).then(|| view! {
                    <button type="button" class="mfa-button" id="mfa-retry"
                        on:click=move |_| flow.sign_in()>
                        {t.sign_in_again}
                    </button>
                })}
            </div>
        })}
        {move || flow.note.get().map(|n| view! {
            <p class="mfa-note" role="status" id="mfa-note">{n}</p>
        })}
    }
}
