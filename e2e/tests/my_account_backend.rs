//! The same screens on the tenant's My Account API (`api: "my-account"` and `"auto"`): sign
//! in for the `/me/` audience, list, enroll, a recovery code when the user asks for one,
//! remove; the free plan's limit of two writes a minute met and waited out without a lost
//! action; and `auto` falling back to the MFA API, silently for the user, where the tenant
//! has the API off.

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

/// Waits for `text` in `css` through a rate limit's wait (up to a minute and a quarter).
async fn wait_long(h: &Harness, css: &str, text: &str) -> TestResult<String> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(75);
    loop {
        match h.browser.wait_text(css, text).await {
            Ok(found) => return Ok(found),
            Err(e) if std::time::Instant::now() > deadline => return Err(e),
            Err(_) => {}
        }
    }
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
    // An authenticator app, confirmed with its code. No recovery code is made unasked (every
    // write counts against the tenant's limit): the user asks for one.
    h.browser.click("#mfa-add-app").await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    let list = h.browser.find("#mfa-list").await?.text().await?;
    assert!(!list.contains("Recovery code"), "{list}");
    h.browser.click("#mfa-add-recovery").await?;
    h.save_recovery_code().await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    assert!(h.browser.is_absent("#mfa-add-recovery").await?);
    // A phone, confirmed with the code the tenant sent by voice.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+1 (415) 555-0100", "+14155550100").await?;
    let message = h.tenant.last_message("sms").await?;
    let code = message["code"].as_str().ok_or("no code")?.to_owned();
    h.enter_oob_code(&code).await?;
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    // Removing the phone: the dialog names the ways left.
    h.browser.click("button[data-remove^='phone|']").await?;
    h.browser
        .wait_text(
            "#mfa-ways-left",
            "still be able to sign in with: Authenticator app, Recovery code",
        )
        .await?;
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
async fn the_free_plans_write_limit_is_waited_out_without_losing_the_action() -> TestResult {
    let h = start("my-account").await?;
    h.tenant
        .control("POST", "my-account", Some(json!({"plan": "free"})))
        .await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    // Two writes: the app's start and verify.
    h.browser.click("#mfa-add-app").await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    // The third write this minute is refused; the button counts down and sends it again.
    h.rename("button[id^='mfa-rename-totp']", "Phone app")
        .await?;
    h.browser
        .wait_text("#mfa-rename-save", "Trying again in")
        .await?;
    h.browser.wait_text(".mfa-error", "again in").await?;
    let renamed = wait_long(&h, "#mfa-announce", "Renamed to Phone app.").await?;
    assert!(renamed.contains("Phone app"), "{renamed}");
    let patches = h.tenant.statuses("PATCH", "/me/v1/").await?;
    // Refused by the user's write limit (and, when the rename follows the enrollment within
    // the same second, first by the tenant's two calls a second), each time sent again by
    // itself after the wait, until it went through.
    let (last, refused) = patches.split_last().ok_or("no rename sent")?;
    assert!(
        *last == 200 && !refused.is_empty() && refused.iter().all(|s| *s == 429),
        "{patches:?}"
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
