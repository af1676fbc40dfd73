//! Sign-in and session journeys against the emulated tenant in real Chromium.

use e2e::journeys::{aud_contains, SIGNED_IN_HEADING};
use e2e::{Harness, Setup, TestResult};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_user_signs_in_and_the_token_stays_in_memory() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.audit_no_token_leak("signed out").await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser.wait_text("#mfa-session", "left").await?;
    let url = h.browser.driver.current_url().await?;
    assert!(
        url.query().is_none(),
        "code and state are removed from the URL: {url}"
    );
    h.audit_no_token_leak("signed in").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrolled_user_passes_the_second_factor() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_enrolled_user().await?;
    h.audit_no_token_leak("signed in with MFA").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_forgets_the_token_and_sign_in_works_again() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser.driver.refresh().await?;
    h.browser
        .wait_text("h2", "Sign in to manage your security settings")
        .await?;
    h.audit_no_token_leak("after reload").await?;
    // The tenant session is still there: signing in again needs no password.
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_state_on_the_callback_is_refused() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.find("#username").await?;
    // An attacker's link lands on the callback with their own code and state.
    h.browser
        .open(&format!("{}?code=attacker-code&state=forged", h.site.url))
        .await?;
    h.browser
        .wait_text(
            "#mfa-error",
            "does not belong to the sign-in this page started",
        )
        .await?;
    h.browser
        .wait_text("h2", "Sign in to manage your security settings")
        .await?;
    let url = h.browser.driver.current_url().await?;
    assert!(
        url.query().is_none(),
        "the forged parameters are removed: {url}"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tenant_errors_are_shown_as_text_with_a_retry() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.find("#username").await?;
    // The tenant's login page was opened with the state this page sent.
    let authorize_url = h.browser.driver.current_url().await?;
    let state = authorize_url
        .query_pairs()
        .find(|(k, _)| k == "state")
        .map(|(_, v)| v.into_owned())
        .ok_or("the authorize URL has no state")?;
    let query = format!(
        "?error=access_denied&error_description=%3Cimg%20src%3Dx%3EService%20not%20found&state={state}"
    );
    h.browser.open(&format!("{}{query}", h.site.url)).await?;
    let text = h
        .browser
        .wait_text("#mfa-error", "<img src=x>Service not found (access_denied)")
        .await?;
    assert!(
        text.contains("canonical_domain"),
        "the likely cause is explained: {text}"
    );
    assert!(h.browser.is_absent("#mfa-error img").await?);
    // One button for one action: the signed-out card's, now reading "Sign in again".
    assert!(h.browser.is_absent("#mfa-retry").await?);
    h.browser.wait_text("#mfa-sign-in", "Sign in again").await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.find("#username").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_warns_then_renews_on_the_same_screen() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    // Nine minutes pass in the browser: the last-minute warning appears.
    shift_browser_clock(&h, 545).await?;
    h.browser
        .wait_text("#mfa-session-warning", "Your secure session ends in")
        .await?;
    h.audit_no_token_leak("expiry warning").await?;
    // The warning is updated in place while its clock ticks: focus on "Stay signed in"
    // survives the next second, and the ticking clock is not a live region of its own, so
    // screen readers announce the alert once rather than every second.
    let stay = h.browser.find("#mfa-stay").await?;
    stay.focus().await?;
    let countdown = h
        .browser
        .find("#mfa-session-warning .mfa-countdown")
        .await?;
    assert_eq!(countdown.attr("aria-live").await?.as_deref(), Some("off"));
    let shown = countdown.text().await?;
    for _ in 0..30 {
        if countdown.text().await? != shown {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_ne!(countdown.text().await?, shown, "the clock ticks");
    let focused = h.browser.driver.active_element().await?;
    assert_eq!(focused.id().await?.as_deref(), Some("mfa-stay"));
    // The token's ten minutes run out, in the browser and at the tenant.
    h.tenant.advance_clock(601).await?;
    shift_browser_clock(&h, 601).await?;
    h.browser
        .wait_text("#mfa-note", "Your secure session was renewed.")
        .await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser.wait_text("#mfa-session", "left").await?;
    h.audit_no_token_leak("after renewal").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_hands_an_app_audience_token_to_the_host() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    listen_for_done(&h).await?;
    h.browser.find("#mfa-done").await?.click().await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    let done = done_event(&h).await?;
    assert!(
        aud_contains(&done["aud"], "https://api.example.com/"),
        "{done}"
    );
    assert_eq!(done["token_type"], "Bearer");
    assert!(done["expires_in"].as_f64().unwrap_or(0.0) > 600.0, "{done}");
    h.audit_no_token_leak("done").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_falls_back_to_a_redirect_when_the_tenant_session_is_gone() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.tenant.clear_sessions().await?;
    h.browser.find("#mfa-done").await?.click().await?;
    // prompt=none answers login_required: the page sends the user to sign in once more.
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser
        .wait_text("#mfa-note", "Signing you back in silently did not work")
        .await?;
    let url = h.browser.driver.current_url().await?;
    assert!(url.query().is_none(), "no code or token in the URL: {url}");
    h.audit_no_token_leak("done after fallback").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn popup_mode_signs_in_without_leaving_the_page() -> TestResult {
    let h = Harness::open_popup_app().await?;
    h.sign_in_by_popup("#mfa-sign-in", "new@example.com")
        .await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let url = h.browser.driver.current_url().await?;
    assert_eq!(url.as_str(), h.site.url, "the page itself never navigated");
    h.audit_no_token_leak("popup sign-in").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_the_popup_is_reported() -> TestResult {
    let h = Harness::open_popup_app().await?;
    let main = h.click_sign_in().await?;
    let popup = h.wait_for_new_window(std::slice::from_ref(&main)).await?;
    h.browser.driver.switch_to_window(popup).await?;
    h.browser.driver.close_window().await?;
    h.browser.driver.switch_to_window(main).await?;
    h.browser
        .wait_text(
            "#mfa-error",
            "The sign-in window was closed before sign-in finished.",
        )
        .await?;
    h.finish().await
}

/// Moves the page's clock (`Date.now`) forward by `seconds` from real time.
async fn shift_browser_clock(h: &Harness, seconds: u64) -> TestResult {
    h.browser
        .driver
        .execute(
            "const ms = arguments[0] * 1000;
             window.__realNow = window.__realNow || Date.now.bind(Date);
             Date.now = () => window.__realNow() + ms;",
            vec![json!(seconds)],
        )
        .await?;
    Ok(())
}

/// Records the decoded claims of the `mfa-manager:done` token (never the token itself).
async fn listen_for_done(h: &Harness) -> TestResult {
    h.browser
        .driver
        .execute(
            "document.addEventListener('mfa-manager:done', (e) => {
                 const d = e.detail;
                 const b64 = d.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
                 const claims = JSON.parse(atob(b64));
                 window.__done = { aud: claims.aud, expires_in: d.expires_in,
                                   scope: d.scope, token_type: d.token_type };
             });",
            Vec::new(),
        )
        .await?;
    Ok(())
}

async fn done_event(h: &Harness) -> TestResult<serde_json::Value> {
    Ok(h.browser
        .driver
        .execute("return window.__done || null;", Vec::new())
        .await?
        .json()
        .clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expiry_without_a_tenant_session_signs_in_again_and_reopens_the_panel() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser.find("#mfa-add-phone").await?.click().await?;
    h.browser.find("#mfa-destination").await?;
    // The tenant session is gone, so the silent renewal fails and the page signs in again.
    h.tenant.clear_sessions().await?;
    h.tenant.advance_clock(601).await?;
    shift_browser_clock(&h, 601).await?;
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", "Add a phone").await?;
    h.browser
        .wait_text("#mfa-note", "Your secure session ended after 10 minutes.")
        .await?;
    h.audit_no_token_leak("after signing in again").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_mount_signs_in_by_popup_and_calls_back_with_the_app_token() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser
        .open(&format!("{}widget.html", h.site.url))
        .await?;
    h.sign_in_by_popup("#widget #mfa-sign-in", "new@example.com")
        .await?;
    h.browser.wait_text("#widget h2", SIGNED_IN_HEADING).await?;
    h.browser.find("#mfa-done").await?.click().await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    let done = h
        .browser
        .driver
        .execute("return window.__doneCallback || null;", Vec::new())
        .await?
        .json()
        .clone();
    assert!(
        aud_contains(&done["aud"], "https://api.example.com/"),
        "{done}"
    );
    assert_eq!(done["token_type"], "Bearer");
    let url = h.browser.driver.current_url().await?;
    assert!(
        url.as_str().ends_with("widget.html"),
        "the host page stayed: {url}"
    );
    h.audit_no_token_leak("widget done").await?;
    h.finish().await
}
