//! Adding an authenticator app (TOTP): QR code and plain setup key, then a code to confirm.

use super::api_error::ApiErrorView;
use super::code_field::CodeForm;
use super::context::{Factors, Panel};
use super::qr_view::QrCode;
use super::row::FactorKind;
use super::secret::{group_secret, parse_otpauth};
use crate::api::{ApiError, Associate, Confirm, Enrollment};
use leptos::prelude::*;

/// Wrong codes after which the user is told to check their phone's clock.
const CLOCK_HINT_AFTER: u32 = 2;

/// The authenticator-app enrollment panel.
#[component]
pub fn AddApp() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let enrollment = LocalResource::new(move || {
        let api = factors.api();
        async move { api.0.associate(Associate::Otp).await }
    });
    view! {
        <section class="mfa-card" aria-labelledby="mfa-add-app-title">
            <h2 id="mfa-add-app-title" class="mfa-panel-title" tabindex="-1">"Add an authenticator app"</h2>
            {move || match enrollment.get() {
                None => view! { <p class="mfa-status" role="status">"Preparing your setup key…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ApiErrorView error />
                    <div class="mfa-actions">
                        <button type="button" class="mfa-button" on:click=move |_| enrollment.refetch()>"Try again"</button>
                        <button type="button" class="mfa-button" on:click=move |_| factors.panel.set(Panel::List)>"Cancel"</button>
                    </div>
                }.into_any(),
                Some(Ok(enrollment)) => view! { <AppSteps enrollment /> }.into_any(),
            }}
        </section>
    }
}

/// Scan (or type) the key, then verify a code.
#[component]
fn AppSteps(enrollment: Enrollment) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let uri = enrollment.barcode_uri.clone().unwrap_or_default();
    let secret = enrollment.secret.clone().unwrap_or_default();
    let details = parse_otpauth(&uri).ok();
    let recovery = enrollment.recovery_codes.first().cloned();
    let failures = RwSignal::new(0u32);
    let verify = Action::new_local(move |code: &String| {
        let api = factors.api();
        let otp = code.clone();
        async move { api.0.confirm(Confirm::Otp { otp }).await }
    });
    Effect::new(move |_| match verify.value().get() {
        Some(Ok(confirmed)) => factors.enrolled(
            FactorKind::AuthenticatorApp,
            "Authenticator app",
            recovery.clone().or(confirmed.recovery_code),
        ),
        Some(Err(ApiError::InvalidOtp)) => failures.update(|f| *f += 1),
        _ => {}
    });
    let copied = RwSignal::new(false);
    let copy_secret = secret.clone();
    view! {
        <ol class="mfa-steps">
            <li>
                <p>"Scan this QR code with your authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password)."</p>
                <QrCode data=uri.clone() label="QR code to add this account to your authenticator app" />
                <p><a href=uri.clone() id="mfa-otpauth-link">"Open in an authenticator app on this device"</a></p>
            </li>
            <li>
                <p>"Or type this setup key:"</p>
                <p class="mfa-secret" id="mfa-otp-secret">{group_secret(&secret)}</p>
                <button type="button" class="mfa-button" id="mfa-copy-secret"
                    on:click=move |_| { super::clipboard::copy(&copy_secret); copied.set(true); }>
                    {move || if copied.get() { "Copied" } else { "Copy" }}
                </button>
                <details class="mfa-details">
                    <summary>"Can't scan?"</summary>
                    <dl>
                        <dt>"Account"</dt><dd>{details.as_ref().map(|d| d.account.clone())}</dd>
                        <dt>"Issuer"</dt><dd>{details.as_ref().map(|d| d.issuer.clone())}</dd>
                        <dt>"Type"</dt><dd>"Time-based"</dd>
                        <dt>"Algorithm"</dt><dd>{details.as_ref().map(|d| d.algorithm.clone())}</dd>
                        <dt>"Digits"</dt><dd>{details.as_ref().map(|d| d.digits)}</dd>
                        <dt>"Interval"</dt><dd>{details.as_ref().map(|d| format!("{} seconds", d.period))}</dd>
                    </dl>
                </details>
            </li>
            <li>
                <CodeForm
                    id="mfa-otp-code"
                    help="Enter the 6-digit code your app shows for this account.".into()
                    busy=verify.pending()
                    on_code=move |code| { verify.dispatch(code); }
                />
                {move || match verify.value().get() {
                    Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                    _ => None,
                }}
                {move || (failures.get() >= CLOCK_HINT_AFTER).then(|| view! {
                    <p class="mfa-hint" id="mfa-clock-hint">
                        "Codes keep failing? Check that your phone's date and time are set automatically: the codes depend on the exact time."
                    </p>
                })}
            </li>
        </ol>
        <button type="button" class="mfa-button" on:click=move |_| factors.panel.set(Panel::List)>"Cancel"</button>
    }
}
