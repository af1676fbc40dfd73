//! Showing an [`ApiError`] to the user: message, likely cause, and renewal of an expired session.

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
        dispatch_error(&host, &error.message_in(t));
    }
    let renewing = error.needs_sign_in().then(|| {
        view! { <p class="mfa-hint">{t.renewing_then_retry}</p> }
    });
    view! {
        <div class="mfa-error mfa-inline-error" role="alert">
            <p class="mfa-error-message">{error.message_in(t)}</p>
            {error.hint_in(t).map(|h| view! { <p class="mfa-hint">{h}</p> })}
            {renewing}
        </div>
    }
}
