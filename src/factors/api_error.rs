//! Showing an [`ApiError`] to the user: message, likely cause, and renewal of an expired session.

use crate::api::ApiError;
use crate::app::flow::Flow;
use leptos::prelude::*;

/// An error box (`role=alert`). Server text is rendered as text only.
#[component]
pub fn ApiErrorView(
    /// The error to show.
    error: ApiError,
) -> impl IntoView {
    if error.needs_sign_in() {
        if let Some(flow) = use_context::<Flow>() {
            flow.renew("Your secure session expired.");
        }
    }
    let renewing = error.needs_sign_in().then(|| {
        view! { <p class="mfa-hint">"Renewing your secure session… then try again."</p> }
    });
    view! {
        <div class="mfa-error mfa-inline-error" role="alert">
            <p class="mfa-error-message">{error.message()}</p>
            {error.hint().map(|h| view! { <p class="mfa-hint">{h}</p> })}
            {renewing}
        </div>
    }
}
