//! Showing an [`ApiError`] to the user: message and likely cause. An expired session never gets
//! here while it can be renewed: the API client renews it and retries by itself.

use super::context::Factors;
use super::describe::{api_hint, api_message};
use crate::api::ApiError;
use leptos::prelude::*;

/// An error box (`role=alert`). Server text is rendered as text only.
#[component]
pub fn ApiErrorView(
    /// The error to show.
    error: ApiError,
) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let message = api_message(&error, t);
    // The embedding page hears about each error shown (`mfa-manager:error`).
    factors.report_error(&message);
    view! {
        <div class="mfa-error mfa-inline-error" role="alert">
            <p class="mfa-error-message">{message}</p>
            {api_hint(&error, t).map(|h| view! { <p class="mfa-hint">{h}</p> })}
        </div>
    }
}
