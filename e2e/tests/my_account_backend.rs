//! The same screens on the tenant's My Account API (`api: "my-account"` and `"auto"`): sign
//! in for the `/me/` audience, list, enroll with a recovery code, remove; and `auto` falling
//! back to the MFA API, silently for the user, where the tenant has the API off.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};
use serde_json::json;

/// The tenant's API calls so far (`/me/v1/…` or `/mfa/…`), without CORS preflights.
async fn api_calls(h: &Harness) -> TestResult<Vec<String>> {
    Ok(h.tenant
        .calls()
        .await?
        .into_iter()
        .filter(|(method, _, _)| method != "OPTIONS")
        .map(|(method, path, _)| format!("{method} {path}"))
        .filter(|call| call.contains(" /me/") || call.contains(" /mfa/"))
        .collect())
}

async fn start(api: &str) -> TestResult<Harness> {
    Harness::start(Setup {
        config_extra: json!({ "api": api }),
        ..Setup::default()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screens_manage_methods_with_the_my_account_api() -> TestResult {
    let h = start("my-account").await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    // An authenticator app, confirmed with its code; the first method brings a recovery code.
    h.enroll_authenticator_app().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    // A phone, confirmed with the code the tenant sent by voice.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+1 (415) 555-0100", "+14155550100").await?;
    let message = h.tenant.last_message("sms").await?;
    let code = message["code"].as_str().ok_or("no code")?.to_owned();
    h.enter_oob_code(&code).await?;
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    // Removing the phone.
    h.browser.click("button[data-remove^='phone|']").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Phone")
        .await?;
    let calls = api_calls(&h).await?;
    assert!(
        calls.iter().all(|c| c.contains(" /me/v1/")),
        "only the My Account API was used: {calls:?}"
    );
    for expected in [
        "GET /me/v1/authentication-methods",
        "POST /me/v1/authentication-methods",
        "DELETE /me/v1/authentication-methods/phone%7Cdev_",
    ] {
        assert!(
            calls.iter().any(|c| c.starts_with(expected)),
            "{expected} in {calls:?}"
        );
    }
    let verifies = calls.iter().filter(|c| c.ends_with("/verify")).count();
    assert_eq!(
        verifies, 3,
        "app, recovery code and phone verified: {calls:?}"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_uses_the_my_account_api_where_the_tenant_has_it() -> TestResult {
    let h = start("auto").await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    let calls = api_calls(&h).await?;
    assert_eq!(calls, ["GET /me/v1/authentication-methods"], "{calls:?}");
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auto_falls_back_to_the_mfa_api_without_troubling_the_user() -> TestResult {
    let h = start("auto").await?;
    h.tenant
        .control("POST", "my-account", Some(json!({"active": false})))
        .await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    // The tenant refuses the /me/ audience at once; the page asks again for the MFA API and
    // the user signs in once.
    h.tenant_login(mfa_emulator::model::seed::NEW_USER).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    assert!(
        h.browser.is_absent("#mfa-error").await?,
        "no error for the user"
    );
    let calls = api_calls(&h).await?;
    assert_eq!(calls, ["GET /mfa/authenticators"], "{calls:?}");
    let console = h.browser.console_log().await?;
    assert!(
        console
            .iter()
            .any(|line| line.contains("refused the My Account API")),
        "developers are told in the console: {console:?}"
    );
    h.finish().await
}
