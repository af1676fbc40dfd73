//! The secure-session countdown: visible time left, a warning in the last minute, and renewal
//! when the MFA token expires.

use super::flow::Flow;
use crate::auth::session::Phase;
use crate::browser::use_timestamp;
use crate::i18n::intl::clock;
use crate::i18n::{around, texts};
use crate::reactive::effect;
use leptos::prelude::*;
use std::time::Duration;

/// Countdown of the MFA session with a "Stay signed in" action in the last minute.
#[component]
pub fn SessionBar() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let t = texts();
    let (left_before, left_after) = around(t.session_left, "clock");
    let (ends_before, ends_after) = around(t.session_ends, "clock");
    let now = use_timestamp(Duration::from_secs(1));
    let phase_now = move || {
        flow.session
            .with(|s| s.as_ref().map(|s| s.phase(now.get())))
    };
    // The bar follows the phase; only the clocks inside tick. The warning's clock is not a
    // live region of its own (`aria-live="off"`), so a screen reader announces the alert when
    // it appears rather than again every second.
    let phase = Memo::new(move |_| phase_now().map(Phase::without_countdown));
    let left = move || clock(phase_now().map_or(0, Phase::seconds_left), t.locale);
    // Each expiry renews once (the phase changes again when it worked); a renewal already
    // under way is joined rather than started twice.
    effect(move || {
        if phase.get() == Some(Phase::Expired) {
            // The renewal runs to its end by itself; nothing here waits for it.
            drop(flow.renew(t.session_ended_after));
        }
    });
    view! {
        {move || match phase.get() {
            Some(Phase::Active { .. }) => view! {
                <p class="mfa-session" id="mfa-session">
                    {left_before} <span class="mfa-countdown">{left}</span> {left_after}
                </p>
            }.into_any(),
            Some(Phase::Expiring { .. }) => view! {
                <div class="mfa-session mfa-warning" id="mfa-session-warning" role="alert">
                    <p>{ends_before} <span class="mfa-countdown" aria-live="off">{left}</span> {ends_after}</p>
                    <button type="button" class="mfa-button" id="mfa-stay"
                        on:click=move |_| drop(flow.renew(t.asked_to_stay))>
                        {t.stay_signed_in}
                    </button>
                </div>
            }.into_any(),
            Some(Phase::Expired) => view! {
                <p class="mfa-session mfa-warning" role="status">{t.session_ended_renewing}</p>
            }.into_any(),
            None => ().into_any(),
        }}
    }
}
