//! "Create a recovery code", where the backend makes one only when asked (the My Account
//! API): offered once the user has a method to recover, and not while they have a code.

use super::api_error::ApiErrorView;
use super::button_text::button_text;
use super::context::Factors;
use super::row::FactorKind;
use crate::api::ApiError;
use crate::reactive::{effect, Submit};
use leptos::prelude::*;

/// The button, its progress and its error.
#[component]
pub fn AddRecoveryButton() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let wanted = Memo::new(move |_| {
        factors.rows.with(|rows| {
            rows.iter()
                .any(|r| r.active && r.kind != FactorKind::RecoveryCode)
                && !rows.iter().any(|r| r.kind == FactorKind::RecoveryCode)
        })
    });
    let create = Submit::new(move |_: &()| {
        let api = factors.api();
        async move { api.0.add_recovery_code().await }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    effect(move || {
        if let Some(Ok(code)) = create.value().get() {
            factors.enrolled(FactorKind::RecoveryCode, t.title_recovery, Some(code));
        }
    });
    view! {
        <Show when=move || wanted.get()>
            <button type="button" class="mfa-button" id="mfa-add-recovery"
                disabled=move || create.pending().get()
                on:click=move |_| create.dispatch(())>
                {move || button_text(create.waiting().get(), create.pending().get(), (t.creating, t.add_recovery_code), t)}
            </button>
            {move || match create.value().get() {
                Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                _ => None,
            }}
        </Show>
    }
}
