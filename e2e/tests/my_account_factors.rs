//! The factor journeys of the MFA API, on the My Account API (`api: "my-account"`): the same
//! screens, the same user actions, another backend. The recovery code comes when the user
//! asks for it there, so no journey here saves one after a first enrollment.

use e2e::{Harness, Setup, TestResult};
use serde_json::json;

async fn signed_in_new_user() -> TestResult<Harness> {
    let h = Harness::start(Setup {
        config_extra: json!({ "api": "my-account" }),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser.find("#mfa-add-app").await?;
    Ok(h)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_explain_and_suggest_checking_the_clock() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    for attempt in 1..=2 {
        h.browser.type_into("#mfa-otp-code", "000000").await?;
        h.browser
            .click("#mfa-otp-code ~ button[type=submit]")
            .await?;
        h.browser.wait_text("[role=alert]", "code").await?;
        if attempt >= 2 {
            h.browser
                .wait_text("#mfa-clock-hint", "date and time")
                .await?;
        }
    }
    h.verify_app_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_enrollment_with_the_code_from_the_outbox() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser.click("#mfa-add-email").await?;
    h.send_code("jane@example.org", "jane@example.org").await?;
    let message = h.tenant.last_message("email").await?;
    let code = message["code"].as_str().ok_or("no code")?.to_owned();
    h.enter_oob_code(&code).await?;
    h.browser.wait_text("#mfa-announce", "Email added.").await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "jane@example.org")
        .await?;
    h.finish().await
}

async fn start_push(h: &Harness) -> TestResult<u64> {
    h.browser.click("#mfa-add-push").await?;
    h.browser.find("svg.mfa-qr").await?;
    h.browser
        .wait_text("#mfa-push-waiting", "Waiting for your approval")
        .await?;
    let message = h.tenant.last_message("push").await?;
    message["id"]
        .as_u64()
        .ok_or_else(|| "push message has no id".into())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_approved_on_the_phone() -> TestResult {
    let h = signed_in_new_user().await?;
    let id = start_push(&h).await?;
    h.tenant
        .control("POST", &format!("push/{id}/approve"), None)
        .await?;
    h.browser
        .wait_text("#mfa-announce", "Push notifications added.")
        .await?;
    let list = h.browser.find("#mfa-list").await?.text().await?;
    assert!(
        !list.contains("Authenticator app"),
        "the push's app twin is not listed on this API: {list}"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_rejected_on_the_phone() -> TestResult {
    let h = signed_in_new_user().await?;
    let id = start_push(&h).await?;
    h.tenant
        .control("POST", &format!("push/{id}/reject"), None)
        .await?;
    h.browser
        .wait_text("#mfa-push-rejected", "declined")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_shows_the_time_to_wait_and_retry_works() -> TestResult {
    let h = signed_in_new_user().await?;
    h.tenant
        .inject(
            json!({"kind": "rate_limit", "retry_after_seconds": 360, "count": 1,
                       "path_prefix": "/me/v1/authentication-methods"}),
        )
        .await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.wait_text("[role=alert]", "6 minutes").await?;
    h.browser.wait_text("button", "Try again").await?;
    h.browser
        .click(".mfa-card .mfa-actions .mfa-button")
        .await?;
    h.browser.find("#mfa-otp-secret").await?;
    h.finish().await
}
