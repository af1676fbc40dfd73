//! Showing an [`ApiError`] to the user: message, likely cause, and renewal of an expired session.

use super::describe::{api_hint, api_message};
use crate::api::ApiError;
use crate::app::events::dispatch_error;
use crate::app::flow::Flow;
use crate::i18n::texts;
use leptos::prelude::*;

/// An error box (`role=alert`). Server text is rendered as text only.
#[component]
pub fn ApiErrorView(
    /// The error to show.
    error: ApiError,
) -> impl IntoView {
    let t = texts();
    if error.needs_sign_in() {
        if let Some(flow) = use_context::<Flow>() {
            flow.renew(t.session_expired_reason);
        }
    }
    // The embedding page hears about each error shown (`mfa-manager:error`).
    if let Some(host) = use_context::<Flow>().and_then(|flow| flow.host.get_untracked()) {
        dispatch_error(&host, &api_message(&error, t));
    }
    let renewing = error.needs_sign_in().then(|| {
        view! { <p class="mfa-hint">{t.renewing_then_retry}</p> }
    });
    view! {
        <div class="mfa-error mfa-inline-error" role="alert">
            <p class="mfa-error-message">{api_message(&error, t)}</p>
            {api_hint(&error, t).map(|h| view! { <p class="mfa-hint">{h}</p> })}
            {renewing}
        </div>
    }
}
