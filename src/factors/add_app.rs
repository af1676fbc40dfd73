//! Adding an authenticator app (TOTP): QR code and plain setup key, then a code to confirm.

use super::api_error::ApiErrorView;
use super::code_field::CodeForm;
use super::context::Factors;
use super::enrollment_panel::EnrollmentPanel;
use super::qr_view::QrCode;
use super::row::FactorKind;
use super::secret::{group_secret, parse_otpauth};
use crate::api::{ApiError, Associate, Confirm, Enrollment};
use crate::browser::use_clipboard;
use crate::i18n::fill;
use crate::reactive::{effect, Submit};
use leptos::prelude::*;

/// Wrong codes after which the user is told to check their phone's clock.
const CLOCK_HINT_AFTER: u32 = 2;

/// The authenticator-app enrollment panel.
#[component]
pub fn AddApp() -> impl IntoView {
    let t = expect_context::<Factors>().texts;
    view! {
        <EnrollmentPanel
            kind=Associate::Otp
            title_id="mfa-add-app-title"
            title=t.add_app_title
            preparing=t.preparing_key
            cancel_id="mfa-cancel-app"
            steps=|enrollment, _| view! { <AppSteps enrollment /> }.into_any()
        />
    }
}

/// Scan (or type) the key, then verify a code.
#[component]
fn AppSteps(enrollment: Enrollment) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let uri = enrollment.barcode_uri.clone().unwrap_or_default();
    let secret = enrollment.secret.clone().unwrap_or_default();
    let details = parse_otpauth(&uri).ok();
    // Only a URI read as `otpauth:` becomes a link (a tenant could send `javascript:`); the QR
    // code and the typed key still work for anything else.
    let link = details.as_ref().map(|d| d.link.clone());
    let qr_data = link.clone().unwrap_or(uri);
    let recovery = enrollment.recovery_codes.first().cloned();
    let failures = RwSignal::new(0u32);
    let t = factors.texts;
    let verify = Submit::new(move |code: &String| {
        let api = factors.api();
        let otp = code.clone();
        async move { api.0.confirm(Confirm::Otp { otp }).await }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    effect(move || match verify.value().get() {
        Some(Ok(confirmed)) => factors.enrolled(
            FactorKind::AuthenticatorApp,
            t.title_app,
            recovery.clone().or(confirmed.recovery_code),
        ),
        Some(Err(ApiError::InvalidOtp)) => failures.update(|f| *f += 1),
        _ => {}
    });
    let clipboard = use_clipboard();
    let copy_secret = secret.clone();
    view! {
        <ol class="mfa-steps">
            <li>
                <p>{t.scan_app}</p>
                <QrCode data=qr_data label=t.qr_app_label />
                {link.map(|href| view! {
                    <p><a href=href id="mfa-otpauth-link">{t.open_in_app}</a></p>
                })}
            </li>
            <li>
                <p>{t.or_type_key}</p>
                <p class="mfa-secret" id="mfa-otp-secret">{group_secret(&secret)}</p>
                <button type="button" class="mfa-button" id="mfa-copy-secret"
                    on:click=move |_| { clipboard.copy(&copy_secret); }>
                    {move || if clipboard.copied.get() { t.copied } else { t.copy }}
                </button>
                <details class="mfa-details">
                    <summary>{t.cant_scan}</summary>
                    <dl>
                        <dt>{t.key_account}</dt><dd>{details.as_ref().map(|d| d.account.clone())}</dd>
                        <dt>{t.key_issuer}</dt><dd>{details.as_ref().map(|d| d.issuer.clone())}</dd>
                        <dt>{t.key_type}</dt><dd>{t.key_time_based}</dd>
                        <dt>{t.key_algorithm}</dt><dd>{details.as_ref().map(|d| d.algorithm.clone())}</dd>
                        <dt>{t.key_digits}</dt><dd>{details.as_ref().map(|d| d.digits)}</dd>
                        <dt>{t.key_interval}</dt><dd>{details.as_ref().map(|d| fill(t.key_interval_seconds, &[("seconds", &d.period.to_string())]))}</dd>
                    </dl>
                </details>
            </li>
            <li>
                <CodeForm
                    id="mfa-otp-code"
                    help=t.otp_help.into()
                    busy=verify.pending()
                    waiting=verify.waiting()
                    on_code=move |code| { verify.dispatch(code); }
                />
                {move || match verify.value().get() {
                    Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                    _ => None,
                }}
                {move || (failures.get() >= CLOCK_HINT_AFTER).then(|| view! {
                    <p class="mfa-hint" id="mfa-clock-hint">
                        {t.clock_hint}
                    </p>
                })}
            </li>
        </ol>
    }
}
