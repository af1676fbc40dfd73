//! The factor journeys of the MFA API, on the My Account API (`api: "my-account"`): the same
//! screens, the same user actions (the shared steps of `e2e::factor_steps`), another
//! backend. The recovery code comes when the user asks for it there, so no journey here
//! saves one after a first enrollment, and a push is listed without an app twin.

use e2e::{Harness, TestResult};

async fn signed_in_new_user() -> TestResult<Harness> {
    Harness::signed_in_new_user_on("my-account").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_codes_explain_and_suggest_checking_the_clock() -> TestResult {
    let h = signed_in_new_user().await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    h.wrong_app_codes(2).await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn email_enrollment_with_the_code_from_the_outbox() -> TestResult {
    let h = signed_in_new_user().await?;
    h.enroll_email("jane@example.org", str::to_owned).await?;
    h.browser.wait_text("#mfa-announce", "Email added.").await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "jane@example.org")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_enrollment_approved_on_the_phone() -> TestResult {
    let h = signed_in_new_user().await?;
    h.answer_push_enrollment(true).await?;
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
    h.answer_push_enrollment(false).await?;
    h.browser
        .wait_text("#mfa-push-rejected", "declined")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_shows_the_time_to_wait_and_retry_works() -> TestResult {
    let h = signed_in_new_user().await?;
    h.rate_limited_app_enrollment("/me/v1/authentication-methods")
        .await?;
    h.finish().await
}
