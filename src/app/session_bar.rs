//! The secure-session countdown: visible time left, a warning in the last minute, and renewal
//! when the MFA token expires.

use super::flow::Flow;
use crate::auth::session::{clock, Phase};
use leptos::prelude::*;
use std::time::Duration;

/// Countdown of the MFA session with a "Stay signed in" action in the last minute.
#[component]
pub fn SessionBar() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(tick) =
        set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(1))
    {
        on_cleanup(move || tick.clear());
    }
    let phase = Memo::new(move |_| {
        let now = now.get();
        flow.session.with(|s| s.as_ref().map(|s| s.phase(now)))
    });
    let renewing = RwSignal::new(false);
    Effect::new(move |_| {
        if phase.get() == Some(Phase::Expired) && !renewing.get_untracked() {
            renewing.set(true);
            flow.renew("Your secure session ended after 10 minutes.");
        }
    });
    view! {
        {move || match phase.get() {
            Some(Phase::Active { seconds_left }) => view! {
                <p class="mfa-session" id="mfa-session">
                    "Secure session: " <span class="mfa-countdown">{clock(seconds_left)}</span> " left"
                </p>
            }.into_any(),
            Some(Phase::Expiring { seconds_left }) => view! {
                <div class="mfa-session mfa-warning" id="mfa-session-warning" role="alert">
                    <p>"Your secure session ends in " <span class="mfa-countdown">{clock(seconds_left)}</span> "."</p>
                    <button type="button" class="mfa-button" id="mfa-stay"
                        on:click=move |_| { renewing.set(true); flow.renew("You asked to stay signed in."); }>
                        "Stay signed in"
                    </button>
                </div>
            }.into_any(),
            Some(Phase::Expired) => view! {
                <p class="mfa-session mfa-warning" role="status">"Your secure session ended. Renewing…"</p>
            }.into_any(),
            None => ().into_any(),
        }}
    }
}
