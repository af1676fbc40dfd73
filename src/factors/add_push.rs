//! Adding push notifications: scan the enrollment QR with the Guardian app, then wait for the
//! approval, polling politely until approved, rejected, expired or cancelled.

use super::api_error::ApiErrorView;
use super::context::Factors;
use super::enrollment_panel::EnrollmentPanel;
use super::qr_view::QrCode;
use super::row::FactorKind;
use crate::api::{ApiError, Associate, Confirm, Enrollment};
use crate::browser::sleep;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Polling interval the tenant expects (it answers `slow_down` when polled faster).
const POLL_EVERY: Duration = Duration::from_secs(5);

/// The interval after a `slow_down` answer: the tenant's wait when it gave one, else the
/// current interval plus [`POLL_EVERY`] — never shorter than [`POLL_EVERY`], so a wait of 0 (or
/// a rate-limit reset already past) cannot turn polling into a busy loop.
fn slower(every: Duration, retry_after: Option<u64>) -> Duration {
    retry_after
        .map(Duration::from_secs)
        .unwrap_or(every + POLL_EVERY)
        .max(POLL_EVERY)
}

/// The push enrollment panel.
#[component]
pub fn AddPush() -> impl IntoView {
    let t = expect_context::<Factors>().texts;
    view! {
        <EnrollmentPanel
            kind=Associate::Push
            title_id="mfa-add-push-title"
            title=t.add_push_title
            preparing=t.preparing_enrollment
            cancel_id="mfa-cancel-push"
            steps=|enrollment, on_retry| view! { <PushSteps enrollment on_retry /> }.into_any()
        />
    }
}

/// The QR code and the waiting state.
#[component]
fn PushSteps(enrollment: Enrollment, on_retry: Callback<()>) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let failed = RwSignal::new(None::<ApiError>);
    let t = factors.texts;
    let live = RwSignal::new(true);
    on_cleanup(move || live.set(false));
    let oob_code = enrollment.oob_code.clone().unwrap_or_default();
    let recovery = enrollment.recovery_codes.first().cloned();
    spawn_local(async move {
        let mut every = POLL_EVERY;
        loop {
            sleep(every).await;
            if !live.get_untracked() {
                return;
            }
            let answer = factors
                .api()
                .0
                .confirm(Confirm::Oob {
                    oob_code: oob_code.clone(),
                    binding_code: None,
                })
                .await;
            if !live.get_untracked() {
                return;
            }
            match answer {
                Ok(confirmed) => {
                    return factors.enrolled(
                        FactorKind::Push,
                        t.title_push,
                        recovery.or(confirmed.recovery_code),
                    );
                }
                Err(ApiError::AuthorizationPending) => {}
                Err(ApiError::SlowDown { retry_after }) => every = slower(every, retry_after),
                Err(error) => return failed.set(Some(error)),
            }
        }
    });
    view! {
        <p>{t.scan_guardian}</p>
        <QrCode data=enrollment.barcode_uri.clone().unwrap_or_default() label=t.qr_guardian_label />
        {move || match failed.get() {
            None => view! { <p class="mfa-status" role="status" id="mfa-push-waiting">{t.waiting_for_approval}</p> }.into_any(),
            Some(ApiError::Rejected) => view! {
                <div class="mfa-error mfa-inline-error" role="alert" id="mfa-push-rejected">
                    <p>{t.push_declined}</p>
                </div>
                <button type="button" class="mfa-button" on:click=move |_| on_retry.run(())>{t.try_again}</button>
            }.into_any(),
            Some(error) => view! {
                <ApiErrorView error />
                <button type="button" class="mfa-button" on:click=move |_| on_retry.run(())>{t.try_again}</button>
            }.into_any(),
        }}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slowing_down_keeps_a_floor() {
        let every = POLL_EVERY;
        assert_eq!(slower(every, Some(12)), Duration::from_secs(12));
        assert_eq!(slower(every, None), POLL_EVERY * 2);
        assert_eq!(slower(POLL_EVERY * 2, None), POLL_EVERY * 3);
        // `Retry-After: 0`, or a reset in the past read as 0: no busy loop.
        assert_eq!(slower(every, Some(0)), POLL_EVERY);
        assert_eq!(slower(every, Some(1)), POLL_EVERY);
    }
}
