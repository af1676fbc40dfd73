//! Adding push notifications: scan the enrollment QR with the Guardian app, then wait for the
//! approval, polling politely until approved, rejected, expired or cancelled.

use super::api_error::ApiErrorView;
use super::context::{Factors, Panel};
use super::manager::try_again;
use super::qr_view::QrCode;
use super::row::FactorKind;
use super::timer::sleep;
use crate::api::{ApiError, Associate, Confirm, Enrollment};
use crate::reactive::Load;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Polling interval the tenant expects (it answers `slow_down` when polled faster).
const POLL_EVERY: Duration = Duration::from_secs(5);

/// The push enrollment panel.
#[component]
pub fn AddPush() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let enrollment = Load::new(move || {
        let api = factors.api();
        async move { api.0.associate(Associate::Push).await }
    });
    view! {
        <section class="mfa-card" aria-labelledby="mfa-add-push-title">
            <h2 id="mfa-add-push-title" class="mfa-panel-title" tabindex="-1">{t.add_push_title}</h2>
            {move || match enrollment.get() {
                None => view! { <p class="mfa-status" role="status">{t.preparing_enrollment}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ApiErrorView error />
                    <button type="button" class="mfa-button" on:click=move |_| try_again("#mfa-add-push-title", || enrollment.reload())>{t.try_again}</button>
                }.into_any(),
                Some(Ok(e)) => view! { <PushSteps enrollment=e on_retry=Callback::new(move |()| enrollment.reload()) /> }.into_any(),
            }}
            <button type="button" class="mfa-button" id="mfa-cancel-push" on:click=move |_| factors.panel.set(Panel::List)>{t.cancel}</button>
        </section>
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
                Err(ApiError::SlowDown { retry_after }) => {
                    every = retry_after
                        .map(Duration::from_secs)
                        .unwrap_or(every + POLL_EVERY);
                }
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
                <button type="button" class="mfa-button" on:click=move |_| try_again("#mfa-add-push-title", || on_retry.run(()))>{t.try_again}</button>
            }.into_any(),
            Some(error) => view! {
                <ApiErrorView error />
                <button type="button" class="mfa-button" on:click=move |_| try_again("#mfa-add-push-title", || on_retry.run(()))>{t.try_again}</button>
            }.into_any(),
        }}
    }
}
