//! Factor management journeys: enroll, confirm, recovery code, remove, errors.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::qr::read_qr;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;

async fn signed_in_new_user() -> TestResult<Harness> {
    Harness::signed_in_new_user_on("mfa").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn totp_enrollment_with_qr_secret_and_one_time_recovery_code() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    let fetched = h.browser.fetched_urls().await?;
    assert!(
        !fetched.iter().any(|url| url.contains("/demo/")),
        "a real sign-in must not download demo mode's tenant: {fetched:?}"
    );
    h.browser.click("#mfa-add-app").await?;
    let link = h.browser.find("#mfa-otpauth-link").await?;
    let uri = link.attr("href").await?.ok_or("no otpauth link")?;
    assert!(uri.starts_with("otpauth://totp/"), "{uri}");
    let qr = read_qr(&h.browser, "svg.mfa-qr").await?;
    assert_eq!(qr, uri, "the QR code encodes the otpauth link");
    let secret = h.browser.find("#mfa-otp-secret").await?.text().await?;
    assert!(
        secret.split(' ').all(|group| group.len() <= 4),
        "grouped in fours: {secret}"
    );
    assert!(uri.contains(&format!("secret={}", secret.replace(' ', ""))));
    h.verify_app_code().await?;
    let recovery = h.save_recovery_code().await?;
    assert_eq!(recovery.len(), 24, "{recovery}");
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;

    // A second app: the recovery code is only issued on the first enrollment.
    h.browser.click("#mfa-add-app").await?;
    h.tenant.advance_clock(30).await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    assert!(h.browser.is_absent("#mfa-recovery-code").await?);
    h.audit_no_token_leak("after enrollment").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_explain_and_suggest_checking_the_clock() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    h.browser.type_into("#mfa-otp-code", "12 34").await?;
    h.browser
        .click("#mfa-otp-code ~ button[type=submit]")
        .await?;
    h.browser.wait_text(".mfa-field-error", "6 digits").await?;
    h.wrong_app_codes(3).await?;
    // The enrollment in progress still works after the mistakes.
    h.verify_app_code().await?;
    h.save_recovery_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sms_enrollment_and_removing_the_phone_removes_its_voice_twin() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser.click("#mfa-add-phone").await?;
    h.browser
        .type_into("#mfa-destination", "415 555 0100")
        .await?;
    h.browser.click("#mfa-send-code").await?;
    h.browser.wait_text("#mfa-destination-error", "+").await?;
    h.send_code("+1 (415) 555-0100", "+14155550100").await?;
    h.browser
        .wait_text("#mfa-resend", "Send a new code (00:")
        .await?;
    let message = h.tenant.last_message("sms").await?;
    assert_eq!(message["to"], "+14155550100");
    let code = message["code"].as_str().ok_or("no code")?.to_owned();
    h.enter_oob_code(&code).await?;
    h.save_recovery_code().await?;
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    let row = h
        .browser
        .wait_text(".mfa-factor[data-active=true]", "0100")
        .await?;
    assert!(
        row.contains("voice"),
        "the voice twin shares the row: {row}"
    );

    h.browser
        .click(".mfa-factor[data-active=true] .mfa-danger")
        .await?;
    let text = h.browser.wait_text("#mfa-remove-text", "0100").await?;
    assert!(text.contains("voice"), "the dialog names the twin: {text}");
    h.browser
        .wait_text("#mfa-last-warning", "password alone")
        .await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Phone ••••0100")
        .await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    let remaining = h.browser.find(".mfa-factors").await?.text().await?;
    assert!(
        !remaining.contains("0100"),
        "the phone and its twin are gone: {remaining}"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_enrollment_with_the_code_from_the_outbox() -> TestResult {
    let h = signed_in_new_user().await?;
    h.enroll_email("jane@example.org", |code| {
        format!("{} {}", &code[..3], &code[3..])
    })
    .await?;
    h.save_recovery_code().await?;
    h.browser.wait_text("#mfa-announce", "Email added.").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_approved_on_the_phone() -> TestResult {
    let h = signed_in_new_user().await?;
    h.answer_push_enrollment(true).await?;
    h.save_recovery_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Push notifications added.")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_rejected_on_the_phone() -> TestResult {
    let h = signed_in_new_user().await?;
    h.answer_push_enrollment(false).await?;
    h.browser
        .wait_text("#mfa-push-rejected", "declined")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_cancelled_stops_polling() -> TestResult {
    let h = signed_in_new_user().await?;
    h.start_push().await?;
    h.browser.click("#mfa-cancel-push").await?;
    h.browser.find("#mfa-add-push").await?;
    h.tenant.control("DELETE", "requests", None).await?;
    tokio::time::sleep(std::time::Duration::from_secs(7)).await;
    let requests = h.tenant.control("GET", "requests", None).await?;
    let polls = requests
        .as_array()
        .map(|r| r.iter().filter(|r| r["path"] == "/oauth/token").count())
        .unwrap_or(0);
    assert_eq!(polls, 0, "no polling after Cancel: {requests}");
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_shows_the_time_to_wait_and_retry_works() -> TestResult {
    let h = signed_in_new_user().await?;
    h.rate_limited_app_enrollment("/mfa/associate").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrolled_user_sees_twins_as_one_row_and_unfinished_setups() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let phone = h.browser.wait_text(".mfa-factor", "2046").await?;
    assert!(phone.contains("text message and voice call"), "{phone}");
    h.browser
        .wait_text(".mfa-factor[data-active=false]", "Setup not finished")
        .await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_the_last_second_step_warns_although_a_verified_email_is_listed() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "enro")
        .await?;

    // With the phone left, removing the app leaves a second step: no warning.
    h.browser
        .click(&format!("button[data-remove='{}']", seed::ENROLLED_TOTP_ID))
        .await?;
    h.browser
        .wait_text("#mfa-remove-text", "Authenticator app")
        .await?;
    assert!(h.browser.is_absent("#mfa-last-warning").await?);
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Authenticator app")
        .await?;
    // The refreshed list is on screen before the next click, which could otherwise land on a
    // row moving under it as the list is drawn again.
    h.browser
        .wait_absent(&format!("button[data-remove='{}']", seed::ENROLLED_TOTP_ID))
        .await?;

    // The verified email is still listed, but the tenant asks nothing of an email-only user:
    // removing the phone leaves the password alone, and the dialog says so.
    h.browser
        .click(&format!("button[data-remove='{}']", seed::ENROLLED_SMS_ID))
        .await?;
    h.browser.wait_text("#mfa-remove-text", "2046").await?;
    h.browser
        .wait_text(
            "#mfa-last-warning",
            "your account will be protected by your password alone",
        )
        .await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Phone ••••2046")
        .await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "enro")
        .await?;

    // The warning told the truth: a fresh sign-in asks for the password and nothing else.
    h.tenant.clear_sessions().await?;
    h.browser.driver.refresh().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login(seed::ENROLLED_USER).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "enro")
        .await?;
    h.finish().await
}
