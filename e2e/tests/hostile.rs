//! Hostile input and faults: tenant text is shown as text, forged or replayed answers are
//! refused, and every server failure ends in a specific message and a retry that works,
//! without losing an enrollment in progress.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed::{default_seed, SeedAuthenticator, ENROLLED_USER};
use serde_json::json;
use thirtyfour::By;

const HOSTILE: &str = "<img src=x onerror=\"window.__pwned=1\">Phone";

async fn not_pwned(h: &Harness) -> TestResult {
    let pwned = h
        .browser
        .driver
        .execute("return window.__pwned === 1;", Vec::new())
        .await?
        .json()
        .clone();
    assert_eq!(pwned, json!(false), "markup from the tenant was executed");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn factor_names_and_error_texts_with_markup_are_shown_as_text() -> TestResult {
    let mut seed = default_seed(&[]);
    let user = seed
        .users
        .iter_mut()
        .find(|u| u.email == ENROLLED_USER)
        .ok_or("no enrolled user in the seed")?;
    user.authenticators.push(SeedAuthenticator::Push {
        dev_id: "HostileDevice000".into(),
        otp_dev_id: "HostileDeviceOtp".into(),
        device_name: HOSTILE.into(),
        active: true,
    });
    let h = Harness::start(Setup {
        seed: Some(seed),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.browser.wait_text(".mfa-factor", HOSTILE).await?;
    assert!(h.browser.is_absent(".mfa-factors img").await?);

    h.tenant
        .inject(
            json!({"kind": "error", "status": 400, "error": "invalid_request",
                       "error_description": "<script>window.__pwned=1</script>bad", "count": 1,
                       "path_prefix": "/mfa/associate"}),
        )
        .await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser
        .wait_text("[role=alert]", "<script>window.__pwned=1</script>bad")
        .await?;
    not_pwned(&h).await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replayed_authorization_code_is_refused() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    // The callback URL the browser arrived on, code included (the address bar no longer has it).
    let callback: String = h
        .browser
        .eval("return performance.getEntriesByType('navigation')[0].name;")
        .await?;
    let code = url_param(&callback, "code").ok_or("the callback had no code")?;
    h.browser.driver.refresh().await?;
    // Without a tenant session the login form waits, so the callback can be forged meanwhile.
    h.tenant.clear_sessions().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.find("#username").await?;
    let state =
        url_param(h.browser.driver.current_url().await?.as_str(), "state").ok_or("no state")?;
    // Same state as this sign-in, but a code that was already exchanged.
    h.browser
        .open(&format!("{}?code={code}&state={state}", h.site.url))
        .await?;
    h.browser
        .wait_text("#mfa-error", "Invalid authorization code")
        .await?;
    h.browser.wait_text("#mfa-sign-in", "Sign in again").await?;
    h.finish().await
}

fn url_param(url: &str, name: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    parsed
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn foreign_messages_are_ignored_and_a_wrong_state_is_refused() -> TestResult {
    let h = Harness::open_popup_app().await?;
    let main = h.click_sign_in().await?;
    h.browser
        .wait_text("[role=status]", "Waiting for the sign-in window")
        .await?;
    // A message from the page's own origin (not the tenant) is not a sign-in answer.
    h.browser
        .driver
        .execute(
            "window.postMessage({type: 'authorization_response',
                                 response: {code: 'evil', state: 'evil'}}, '*');",
            Vec::new(),
        )
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(h.browser.is_absent("#mfa-error").await?);
    h.browser
        .wait_text("[role=status]", "Waiting for the sign-in window")
        .await?;
    // A message from the tenant's origin with another state is refused.
    let popup = h
        .browser
        .driver
        .windows()
        .await?
        .into_iter()
        .find(|w| *w != main)
        .ok_or("no popup")?;
    h.browser.driver.switch_to_window(popup).await?;
    h.browser.find("#username").await?;
    h.browser
        .driver
        .execute(
            "window.opener.postMessage({type: 'authorization_response',
                                        response: {code: 'evil', state: 'not-ours'}}, '*');",
            Vec::new(),
        )
        .await?;
    h.browser.driver.switch_to_window(main).await?;
    h.browser
        .wait_text(
            "#mfa-error",
            "does not belong to the sign-in this page started",
        )
        .await?;
    h.finish().await
}

/// Signs in the new user with the list request failing by `fault`, checks the message, then
/// retries.
async fn list_fault(fault: serde_json::Value, expected: &str) -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let mut fault = fault;
    fault["count"] = json!(1);
    fault["path_prefix"] = json!("/mfa/authenticators");
    h.tenant.inject(fault).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text(".mfa-list [role=alert]", expected)
        .await?;
    h.browser.click(".mfa-list button").await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.audit_no_token_leak(expected).await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_from_the_tenant() -> TestResult {
    list_fault(json!({"kind": "malformed"}), "answered unexpectedly").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_answer_from_the_tenant() -> TestResult {
    list_fault(json!({"kind": "oversized", "bytes": 400000}), "too large").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_errors_500_and_503() -> TestResult {
    list_fault(json!({"kind": "status", "status": 500}), "HTTP 500").await?;
    list_fault(json!({"kind": "status", "status": 503}), "HTTP 503").await
}

/// A 403 for a missing scope is a step-up: the page gets a new token (silently where the
/// tenant session allows) and asks again, so the user sees the list, not an error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_scope_gets_a_new_token_and_the_list() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.tenant
        .inject(json!({"kind": "error", "status": 403, "error": "access_denied",
                       "error_description": "Insufficient scope, expected any of: read:authenticators",
                       "count": 1, "path_prefix": "/mfa/authenticators"}))
        .await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    assert!(h.browser.is_absent(".mfa-list [role=alert]").await?);
    let log = h.tenant.calls().await?;
    assert_eq!(lists(&log), [403, 200], "{log:?}");
    assert!(
        log.iter()
            .any(|(_, path, _)| path.starts_with("/authorize")),
        "a new token was asked for: {log:?}"
    );
    h.finish().await
}

/// The statuses of the list requests in `log`.
fn lists(log: &[(String, String, u64)]) -> Vec<u64> {
    log.iter()
        .filter(|(method, path, _)| method == "GET" && path == "/mfa/authenticators")
        .map(|(_, _, status)| *status)
        .collect()
}

/// A 401 on the list (the tenant revoked the token) is recovered by the page itself: it
/// renews the session silently and asks again, so the user sees the list, not an error.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unauthorized_answer_renews_the_session_and_retries() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    h.tenant.clear_requests().await?;
    h.tenant
        .inject(json!({"kind": "error", "status": 401, "error": "invalid_grant",
                       "error_description": "The mfa_token provided is invalid. Try getting a new token.",
                       "count": 1, "path_prefix": "/mfa/authenticators"}))
        .await?;
    // Another tab's change makes this one list again; the refused list is retried.
    h.browser
        .eval::<()>(
            r#"new BroadcastChannel("mfa-manager").postMessage("factors-changed"); return null;"#,
        )
        .await?;
    h.browser
        .wait_text("#mfa-announce", "changed in another window")
        .await?;
    // The page asks again after renewing; wait (bounded) until the log shows it.
    let mut log = Vec::new();
    for _ in 0..100 {
        log = h.tenant.calls().await?;
        if lists(&log).len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let lists = lists(&log);
    assert_eq!(lists, vec![401, 200], "{log:?}");
    assert!(
        log.iter().any(|(_, path, _)| path == "/authorize"),
        "no renewal between the refused and the accepted list: {log:?}"
    );
    assert!(h.browser.is_absent(".mfa-list [role=alert]").await?);
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    h.audit_no_token_leak("after the renewal").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrollment_survives_a_dropped_connection_and_a_503() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser.click("#mfa-add-app").await?;
    let secret = h.browser.find("#mfa-otp-secret").await?.text().await?;
    let code = h.tenant.totp(&secret.replace(' ', ""))?;
    // Chromium silently retries a request once when a kept-alive connection closes without
    // an answer, so the connection is dropped twice to reach the page; leftovers are cleared.
    for (fault, expected) in [
        (
            json!({"kind": "drop", "count": 2, "path_prefix": "/oauth/token"}),
            "could not be reached",
        ),
        (
            json!({"kind": "status", "status": 503, "count": 1, "path_prefix": "/oauth/token"}),
            "HTTP 503",
        ),
    ] {
        h.tenant.inject(fault).await?;
        let field = h.browser.find("#mfa-otp-code").await?;
        field.clear().await?;
        field.send_keys(&code).await?;
        h.browser
            .click("#mfa-otp-code ~ button[type=submit]")
            .await?;
        h.browser.wait_text("[role=alert]", expected).await?;
        h.tenant.control("DELETE", "faults", None).await?;
    }
    // The same setup key and code still finish the enrollment.
    assert_eq!(
        h.browser.find("#mfa-otp-secret").await?.text().await?,
        secret
    );
    h.browser
        .click("#mfa-otp-code ~ button[type=submit]")
        .await?;
    h.browser.find("#mfa-recovery-code").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_without_an_answer_times_out_and_can_be_retried() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.tenant
        .inject(
            json!({"kind": "latency", "ms": 25000, "count": 1, "path_prefix": "/mfa/associate"}),
        )
        .await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser
        .wait_text("#mfa-add-app-title", "Add an authenticator app")
        .await?;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let alerts = h.browser.driver.find_all(By::Css("[role=alert]")).await?;
        let mut found = false;
        for alert in alerts {
            found |= alert.text().await?.contains("no answer within 20 seconds");
        }
        if found {
            break;
        }
        if std::time::Instant::now() > deadline {
            return Err("the hanging request was never given up".into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    h.browser.wait_text(".mfa-card button", "Try again").await?;
    h.browser
        .click(".mfa-card .mfa-actions .mfa-button")
        .await?;
    h.browser.find("#mfa-otp-secret").await?;
    h.finish().await
}

/// The code exchange at `/oauth/token` that never answers does not leave the page on
/// "Finishing sign-in…": after its 20-second deadline the page says sign-in did not answer in
/// time, and "Sign in again" signs the user in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_request_without_an_answer_times_out_and_sign_in_again_works() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.tenant
        .inject(json!({"kind": "latency", "ms": 25000, "count": 1, "path_prefix": "/oauth/token"}))
        .await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser
        .wait_text("[role=status]", "Finishing sign-in")
        .await?;
    // Bounded: the deadline is 20 s, the tenant would answer after 25 s.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let alerts = h.browser.driver.find_all(By::Css("[role=alert]")).await?;
        let mut found = false;
        for alert in alerts {
            found |= alert
                .text()
                .await?
                .contains("Sign-in did not answer in time.");
        }
        if found {
            break;
        }
        if std::time::Instant::now() > deadline {
            let seen = h.browser.find("body").await?.text().await?;
            return Err(format!(
                "the hanging token request was never given up; the page shows {seen:?}"
            )
            .into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(
        h.browser.is_absent(".mfa-status").await?,
        "no longer finishing sign-in"
    );
    let url = h.browser.driver.current_url().await?;
    assert!(url.query().is_none(), "no code or state in the URL: {url}");
    h.browser.wait_text("#mfa-sign-in", "Sign in again").await?;
    h.browser.click("#mfa-sign-in").await?;
    // The tenant session from the first attempt is alive, so the tenant may answer at once;
    // if it shows its login page, the user signs in there.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        if !h.browser.is_absent("#username").await? {
            h.tenant_login("new@example.com").await?;
            break;
        }
        let headings = h.browser.driver.find_all(By::Css("h2")).await?;
        let mut signed_in = false;
        for heading in headings {
            signed_in |= heading
                .text()
                .await
                .unwrap_or_default()
                .contains(SIGNED_IN_HEADING);
        }
        if signed_in || std::time::Instant::now() > deadline {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    assert!(h.browser.is_absent("#mfa-error").await?);
    h.audit_no_token_leak("signed in after the timed-out token request")
        .await?;
    h.finish().await
}

/// A burst of "changed" notices from other tabs (many tabs, or a hostile one) costs one list
/// request, not one each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_notices_from_other_tabs_lists_once() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.tenant.clear_requests().await?;
    h.browser
        .eval::<()>(
            r#"const tab = new BroadcastChannel("mfa-manager");
               for (let i = 0; i < 50; i++) tab.postMessage("factors-changed");
               return null;"#,
        )
        .await?;
    h.browser
        .wait_text("#mfa-announce", "changed in another window")
        .await?;
    // Give any further refreshes time to be sent before counting.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let lists = lists(&h.tenant.calls().await?);
    assert_eq!(lists, vec![200], "one burst, one list request");
    h.finish().await
}
