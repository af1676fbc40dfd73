//! Accessibility: every screen passes axe-core's WCAG 2.2 AA rules, and a keyboard-only user
//! (Tab, Enter, Escape) can enroll and remove a factor.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{ConfigFile, Harness, Setup, TestResult};
use mfa_emulator::model::totp;
use serde_json::json;
use std::time::{SystemTime, UNIX_EPOCH};
use thirtyfour::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_out_and_configuration_errors_are_accessible() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    h.assert_accessible("signed out").await?;
    h.finish().await?;

    let h = Harness::start(Setup {
        config: Some(ConfigFile::Json(
            json!({"domain": "login.acme.com", "mode": "tab"}),
        )),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser.find(".mfa-config-errors").await?;
    h.assert_accessible("configuration error").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_signed_in_screen_is_accessible() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.browser.wait_text(".mfa-factor", "2046").await?;
    h.assert_accessible("factor list").await?;

    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    h.assert_accessible("add authenticator app").await?;
    h.browser
        .find("#mfa-otp-code")
        .await?
        .send_keys("000000")
        .await?;
    h.browser
        .click("#mfa-otp-code ~ button[type=submit]")
        .await?;
    h.browser.wait_text("[role=alert]", "code").await?;
    h.assert_accessible("wrong code").await?;
    h.browser.click(".mfa-card > .mfa-button").await?;

    h.browser.click("#mfa-add-phone").await?;
    h.browser
        .find("#mfa-destination")
        .await?
        .send_keys("12")
        .await?;
    h.browser.click("#mfa-send-code").await?;
    h.browser.find("#mfa-destination-error").await?;
    h.assert_accessible("add phone with an invalid number")
        .await?;
    let field = h.browser.find("#mfa-destination").await?;
    field.clear().await?;
    field.send_keys("+14155550123").await?;
    h.browser.click("#mfa-send-code").await?;
    h.browser.find("#mfa-code-sent").await?;
    h.assert_accessible("code sent").await?;
    h.browser
        .click(".mfa-card > .mfa-button:last-child")
        .await?;

    h.browser.click("#mfa-add-push").await?;
    h.browser.find("#mfa-push-waiting").await?;
    h.assert_accessible("add push").await?;
    h.browser.click("#mfa-cancel-push").await?;

    h.browser.click("[data-remove^='sms|']").await?;
    h.browser.find("#mfa-remove-text").await?;
    h.assert_accessible("remove dialog").await?;
    h.browser.click("#mfa-cancel-remove").await?;

    h.browser.click("#mfa-done").await?;
    h.browser.find("#mfa-finished").await?;
    h.assert_accessible("finished").await?;
    h.finish().await
}

/// The My Account API's screens: the list with dates, the passkey panel, renaming (and its
/// error), and the removal dialog that asks for the name of the last way in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_account_screens_are_accessible() -> TestResult {
    let h = Harness::signed_in_new_user_on("my-account").await?;
    h.browser.click("#mfa-add-passkey").await?;
    h.browser.find("#mfa-create-passkey").await?;
    h.assert_accessible("add passkey").await?;
    h.browser.click("#mfa-cancel-passkey").await?;
    h.browser.click("#mfa-add-app").await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Not used yet")
        .await?;
    h.assert_accessible("list with dates").await?;
    h.rename("button[id^='mfa-rename-totp']", "").await?;
    h.browser.find("#mfa-rename-error").await?;
    h.assert_accessible("rename with an empty name").await?;
    h.browser.click("#mfa-rename-cancel").await?;
    h.browser.click("button[data-remove^='totp|']").await?;
    h.browser.find("#mfa-no-way-left").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser.find("#mfa-confirm-name-error").await?;
    h.assert_accessible("removing the last way in").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn recovery_code_and_demo_screens_are_accessible() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.assert_accessible("demo list").await?;
    h.browser.click("#mfa-add-app").await?;
    let secret = h.browser.find("#mfa-otp-secret").await?.text().await?;
    h.browser
        .find("#mfa-otp-code")
        .await?
        .send_keys(current_code(&secret)?)
        .await?;
    h.browser
        .click("#mfa-otp-code ~ button[type=submit]")
        .await?;
    h.browser.find("#mfa-recovery-code").await?;
    h.assert_accessible("recovery code").await?;
    h.save_recovery_code().await?;
    // The demonstration banner inside the removal dialog, and on the finished screen.
    h.browser.click("[data-remove^='totp|']").await?;
    h.browser
        .find("[role=alertdialog] .mfa-demo-banner")
        .await?;
    h.assert_accessible("demo remove dialog").await?;
    h.browser.click("#mfa-cancel-remove").await?;
    h.browser.click("#mfa-done").await?;
    h.browser.find("#mfa-finished").await?;
    h.assert_accessible("demo finished").await?;
    h.finish().await
}

fn current_code(secret: &str) -> TestResult<String> {
    let key = totp::decode_secret(&secret.replace(' ', "")).ok_or("bad secret")?;
    let now = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    Ok(totp::code_at(&key, now))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keyboard_only_enrollment_and_removal() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;

    // Enroll an authenticator app with Tab and Enter only.
    h.tab_to("Add authenticator app").await?;
    h.press(Key::Enter).await?;
    h.browser.find("#mfa-otp-secret").await?;
    assert!(
        h.focus_arrives("Add an authenticator app").await?,
        "focus moves to the panel"
    );
    let secret = h.browser.find("#mfa-otp-secret").await?.text().await?;
    h.tab_to("mfa-otp-code").await?;
    h.type_text(&current_code(&secret)?).await?;
    h.press(Key::Enter).await?;
    h.browser.find("#mfa-recovery-code").await?;
    assert!(
        h.focus_arrives("Save your recovery code").await?,
        "focus moves to the recovery code's panel"
    );
    h.tab_to("mfa-saved-recovery").await?;
    h.press(Key::Enter).await?;
    h.tab_to("Continue").await?;
    h.press(Key::Enter).await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    assert!(
        h.focus_arrives("mfa-announce").await?,
        "focus lands on the announcement, not the page"
    );

    // Open the removal dialog: focus moves into it; Escape closes it and focus returns.
    h.tab_to("Remove").await?;
    h.press(Key::Enter).await?;
    h.browser.find("#mfa-remove-text").await?;
    assert!(
        h.focused_matches("mfa-cancel-remove").await?,
        "focus moves to the dialog"
    );
    h.press(Key::Escape).await?;
    assert!(
        h.focused_matches("Remove").await?,
        "focus returns to the Remove button"
    );
    assert!(h.browser.is_absent("#mfa-remove-text").await?);

    // Tab stays inside the dialog; Enter on Remove removes; the result is announced.
    h.press(Key::Enter).await?;
    h.browser.find("#mfa-remove-text").await?;
    h.press(Key::Tab).await?;
    assert!(
        h.focused_matches("mfa-confirm-remove").await?,
        "Tab wraps within the dialog"
    );
    h.press(Key::Enter).await?;
    h.browser.wait_text("#mfa-announce", "Removed").await?;
    assert!(
        h.focused_matches("mfa-announce").await?,
        "focus lands on the announcement"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_check_reports_violations() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    // A negative control: an unlabeled button must be reported.
    h.browser
        .driver
        .execute(
            "document.querySelector('main').appendChild(document.createElement('button'));",
            Vec::new(),
        )
        .await?;
    let report = h.assert_accessible("broken on purpose").await;
    let message = report.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("button-name"),
        "axe must flag it: {message}"
    );
    h.finish().await
}
