//! A page on another site than its tenant, as every deployment is (page on
//! `http://localhost:PORT`, tenant on `http://127.0.0.1:PORT`): the tenant's session cookie
//! (`SameSite=None; Secure`, like a real tenant's) reaches the hidden `prompt=none` frame only
//! where the browser allows third-party cookies. Allowed, "Done" finishes silently without
//! leaving the page; blocked, the silent attempt fails at once and the page finishes by a short
//! redirect (the stand-alone page) or in a window of its own (the widget), back on the same
//! screen, without asking the user to sign in again. Each journey prints how long "Done" took.

use e2e::{Harness, Setup, TestResult, ThirdPartyCookies};
use std::time::{Duration, Instant};

/// The longest a fallback may take: far below the silent attempt's 60 s timeout, so a pass
/// means the tenant's answer, not the timeout, ended the silent attempt.
const FAST: Duration = Duration::from_secs(10);

/// Signs the new user in on a page cross-site to the tenant, in a browser with `cookies`,
/// by redirect or popup (`mode`).
async fn signed_in_cross_site(cookies: ThirdPartyCookies, mode: &str) -> TestResult<Harness> {
    let h = Harness::start(Setup {
        cross_site: true,
        third_party_cookies: cookies,
        config_extra: serde_json::json!({ "mode": mode }),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    if mode == "popup" {
        h.sign_in_by_popup("#mfa-sign-in", mfa_emulator::model::seed::NEW_USER)
            .await?;
        h.browser
            .wait_text("h2", e2e::journeys::SIGNED_IN_HEADING)
            .await?;
    } else {
        h.sign_in_new_user().await?;
    }
    mark_page(&h).await?;
    h.tenant.clear_requests().await?;
    Ok(h)
}

/// Marks the page, so that [`same_page`] tells whether it was left since.
async fn mark_page(h: &Harness) -> TestResult {
    h.browser
        .driver
        .execute("window.__samePage = true;", Vec::new())
        .await?;
    Ok(())
}

async fn same_page(h: &Harness) -> TestResult<bool> {
    h.browser.eval("return window.__samePage === true;").await
}

/// `/authorize` requests the tenant answered since the log was cleared, and whether any of its
/// login pages was posted (the user typed a password or a code).
async fn authorizations(h: &Harness) -> TestResult<(usize, bool)> {
    let calls = h.tenant.calls().await?;
    let authorize = calls
        .iter()
        .filter(|(method, path, _)| method == "GET" && path == "/authorize")
        .count();
    let login = calls
        .iter()
        .any(|(method, path, _)| method == "POST" && path.starts_with("/authorize/"));
    Ok((authorize, login))
}

/// Prints how long `journey` took in this engine.
fn report(h: &Harness, journey: &str, took: Duration) {
    println!(
        "timing: {} {journey}: {} ms",
        h.browser.engine,
        took.as_millis()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_finishes_in_the_hidden_frame_where_third_party_cookies_are_allowed() -> TestResult {
    let h = signed_in_cross_site(ThirdPartyCookies::Allowed, "redirect").await?;
    let started = Instant::now();
    h.browser.click("#mfa-done").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    report(
        &h,
        "cross-site silent Done, third-party cookies allowed",
        started.elapsed(),
    );
    assert!(
        same_page(&h).await?,
        "Done finished without leaving the page"
    );
    assert!(
        h.browser.is_absent("#mfa-note").await?,
        "nothing to explain"
    );
    assert_eq!(
        authorizations(&h).await?,
        (1, false),
        "one silent /authorize"
    );
    h.audit_no_token_leak("cross-site silent done").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_finishes_by_a_short_redirect_where_third_party_cookies_are_blocked() -> TestResult {
    let h = signed_in_cross_site(ThirdPartyCookies::Blocked, "redirect").await?;
    let started = Instant::now();
    h.browser.click("#mfa-done").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    let took = started.elapsed();
    report(
        &h,
        "cross-site Done by redirect, third-party cookies blocked",
        took,
    );
    assert!(
        !same_page(&h).await?,
        "the page went to the tenant and came back"
    );
    let note = h
        .browser
        .wait_text("#mfa-note", "finished with a short redirect")
        .await?;
    assert!(!note.contains("sign in again"), "{note}");
    assert_eq!(
        authorizations(&h).await?,
        (2, false),
        "the silent attempt and the redirect, without a login"
    );
    assert!(took < FAST, "the silent attempt failed fast: {took:?}");
    h.audit_no_token_leak("cross-site done by redirect").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_widget_finishes_in_a_new_window_where_third_party_cookies_are_blocked() -> TestResult {
    let h = signed_in_cross_site(ThirdPartyCookies::Blocked, "popup").await?;
    let started = Instant::now();
    h.browser.click("#mfa-done").await?;
    let reason = h
        .browser
        .wait_text("#mfa-needs-click-title ~ p", "finishes in a new window")
        .await?;
    let failed_after = started.elapsed();
    assert!(!reason.contains("sign in again"), "{reason}");
    assert!(
        failed_after < FAST,
        "the silent attempt failed fast: {failed_after:?}"
    );
    let clicked = Instant::now();
    // The window carries the tenant's cookie: it answers and is closed without asking anything
    // (in WebKit too fast for the driver to list it).
    h.browser.click("#mfa-continue").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    report(
        &h,
        "widget's silent attempt failing, third-party cookies blocked",
        failed_after,
    );
    report(&h, "widget's Done in a new window", clicked.elapsed());
    assert!(same_page(&h).await?, "the page stayed");
    assert_eq!(
        authorizations(&h).await?,
        (2, false),
        "the silent attempt and the window, without a login"
    );
    h.audit_no_token_leak("cross-site done in a window").await?;
    h.finish().await
}
