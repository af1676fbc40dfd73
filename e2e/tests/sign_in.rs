//! Sign-in and session journeys against the emulated tenant in real Chromium.

use e2e::browser::WAIT;
use e2e::journeys::{aud_contains, SIGNED_IN_HEADING};
use e2e::{Harness, Setup, TestResult};
use serde_json::{json, Value};

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

/// Two presses of "Stay signed in" while the first renewal is under way make one renewal, not
/// two racing ones (whose first answer would refuse the other as a state mismatch); and the
/// next expiry is renewed by the page again, by itself.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_expires_twice_and_stay_signed_in_pressed_twice_renews_once_each_time(
) -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    // Nine minutes pass in the browser: the last-minute warning appears.
    shift_browser_clock(&h, 545).await?;
    h.browser.find("#mfa-stay").await?;
    h.tenant.clear_requests().await?;
    watch_page(&h).await?;
    let url_before = h.browser.driver.current_url().await?.to_string();
    // Two presses in one script: the second lands before the first renewal has even sent its
    // request, so it can only join it or race it.
    h.browser
        .eval::<()>(
            "const stay = document.getElementById('mfa-stay');
             stay.click();
             stay.click();
             return null;",
        )
        .await?;
    h.browser
        .wait_text("#mfa-note", "Your secure session was renewed.")
        .await?;
    h.browser.wait_text("#mfa-session", "left").await?;
    // Time for a second renewal, if one had been started, to reach the tenant.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let log = tenant_calls(&h).await?;
    assert_eq!(
        authorizes(&log),
        1,
        "two presses, one prompt=none renewal: {log:?}"
    );
    assert_renewed_in_place(&h, &url_before, "after two presses").await?;

    // The renewed token's ten minutes run out too, at the tenant and in the browser (545 s
    // were already shifted; the renewed session started after that).
    h.tenant.advance_clock(620).await?;
    shift_browser_clock(&h, 545 + 620).await?;
    let deadline = std::time::Instant::now() + WAIT;
    let mut log = tenant_calls(&h).await?;
    while authorizes(&log) < 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        log = tenant_calls(&h).await?;
    }
    assert_eq!(
        authorizes(&log),
        2,
        "the second expiry is renewed by the page itself: {log:?}"
    );
    wait_for_fresh_countdown(&h).await?;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let log = tenant_calls(&h).await?;
    assert_eq!(authorizes(&log), 2, "one renewal per expiry: {log:?}");
    assert_renewed_in_place(&h, &url_before, "after the second expiry").await?;
    h.audit_no_token_leak("after two renewals").await?;
    h.finish().await
}

/// `(method, path, status)` of every request the tenant answered since the log was cleared,
/// without CORS preflights.
async fn tenant_calls(h: &Harness) -> TestResult<Vec<(String, String, u64)>> {
    Ok(h.tenant
        .calls()
        .await?
        .into_iter()
        .filter(|(method, _, _)| method != "OPTIONS")
        .collect())
}

/// How many `/authorize` requests (`prompt=none` renewals here) are in `log`.
fn authorizes(log: &[(String, String, u64)]) -> usize {
    log.iter()
        .filter(|(method, path, _)| method == "GET" && path == "/authorize")
        .count()
}

/// Whole seconds the signed-in countdown shows (`m:ss`).
async fn countdown_seconds(h: &Harness) -> TestResult<u64> {
    let shown = h
        .browser
        .find("#mfa-session .mfa-countdown")
        .await?
        .text()
        .await?;
    let (minutes, seconds) = shown
        .trim()
        .split_once(':')
        .ok_or_else(|| format!("the countdown reads {shown:?}"))?;
    Ok(minutes.parse::<u64>()? * 60 + seconds.parse::<u64>()?)
}

/// Waits until the countdown is back near ten minutes (a freshly renewed session).
async fn wait_for_fresh_countdown(h: &Harness) -> TestResult {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let left = countdown_seconds(h).await.unwrap_or(0);
        if left >= 570 {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the countdown shows {left} s, not about ten minutes").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// The page renewed without leaving or erring: same address, same page (its record is still
/// there), signed in with about ten minutes left, and no alert shown since [`watch_page`].
async fn assert_renewed_in_place(h: &Harness, url_before: &str, step: &str) -> TestResult {
    let seen = watched(h).await?;
    assert_eq!(
        seen["alerts"].as_array().map(Vec::len),
        Some(0),
        "{step}: no error was shown at any point: {seen}"
    );
    assert!(
        h.browser.is_absent("#mfa-error").await?,
        "{step}: an error is shown"
    );
    assert_eq!(
        h.browser.driver.current_url().await?.as_str(),
        url_before,
        "{step}: the page stayed"
    );
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    wait_for_fresh_countdown(h).await
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
    // prompt=none answers login_required: the page sends the user to the tenant, which asks
    // for the login itself; the page blames the background, not the user.
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser
        .wait_text("#mfa-note", "finished with a short redirect")
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

/// Moves the page's clock (`Date.now`) forward by `seconds` from real time. The page's own
/// `Date` is named through `window`: Firefox's driver runs scripts in a sandbox with its own
/// built-ins.
async fn shift_browser_clock(h: &Harness, seconds: u64) -> TestResult {
    h.browser
        .driver
        .execute(
            "const ms = arguments[0] * 1000;
             window.__realNow = window.__realNow || window.Date.now.bind(window.Date);
             window.Date.now = () => window.__realNow() + ms;",
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

/// The tenant refuses the MFA token as expired while an authenticator app is being added: one
/// press of Verify still adds it. The page renews the token silently (a hidden `prompt=none`
/// iframe, answered from the live tenant session) and sends the confirmation again; the user
/// sees no error, no "try again" and no sign-in page, and the page never navigates.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_token_mid_enrollment_renews_silently_and_verify_completes() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    // The enrolled user already has a recovery code, so Verify is the enrollment's last step
    // (a first factor would be followed by the recovery-code screen), and the tenant session
    // has passed a second factor, so `prompt=none` may answer for the MFA audience.
    h.sign_in_enrolled_user().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    let apps_before = active_apps(&h).await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    // The MFA token lives 600 s and is refused from its `exp` on (model/limits.rs,
    // Tenant::mfa_token_user); 630 s after sign-in it is refused whatever time signing in took.
    // The tenant session (model/session.rs) has no lifetime in the emulator: it lasts until
    // `sessions/clear`, and the clock does not touch it (Auth0's defaults: 3 days idle, 30
    // days absolute), so `prompt=none` still answers. The pending enrollment lives 24 h. Only
    // the tenant's clock moves: by the page's clock its token has about nine minutes left, so
    // the refusal comes from the tenant, not from the page's own expiry timer.
    h.tenant.advance_clock(630).await?;
    watch_page(&h).await?;
    h.tenant.clear_requests().await?;
    let url_before = h.browser.driver.current_url().await?;
    // The code by the tenant's moved clock, typed, and Verify pressed once.
    h.verify_app_code().await?;
    if let Err(e) = h
        .browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await
    {
        let seen = watched(&h).await?;
        return Err(format!(
            "one press of Verify did not add the app ({e}); alerts shown: {:?}",
            seen["alerts"]
        )
        .into());
    }
    wait_for_active_apps(&h, apps_before + 1).await?;

    let seen = watched(&h).await?;
    assert_eq!(
        seen["alerts"].as_array().map(Vec::len),
        Some(0),
        "no error was shown at any point: {seen}"
    );
    assert!(h.browser.is_absent(".mfa-error[role=alert]").await?);
    let url = h.browser.driver.current_url().await?;
    assert_eq!(url, url_before, "the page never navigated");
    let frames: Vec<&str> = seen["frames"]
        .as_array()
        .map(|all| all.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert!(
        frames.iter().any(|src| src.contains("/authorize?")
            && src.contains("prompt=none")
            && src.contains("response_mode=web_message")),
        "the token was renewed in a hidden prompt=none frame: {frames:?}"
    );

    // The tenant's log (method, path, status): the confirmation (`mfa-otp` grant) refused with
    // 403 `expired_token`, one `/authorize` (the frame above), then the frame's code exchange
    // and the same confirmation again, accepted. The TOTP code is single use and a wrong one
    // would be refused again, so the second 200 is the confirmation.
    let log = h.tenant.requests().await?;
    let calls: Vec<(&str, &str, u64)> = log
        .iter()
        .map(|r| {
            (
                r["method"].as_str().unwrap_or_default(),
                r["path"].as_str().unwrap_or_default(),
                r["status"].as_u64().unwrap_or_default(),
            )
        })
        .filter(|(method, _, _)| *method != "OPTIONS")
        .collect();
    let token_answers: Vec<(usize, u64)> = calls
        .iter()
        .enumerate()
        .filter(|(_, (method, path, _))| *method == "POST" && *path == "/oauth/token")
        .map(|(i, (_, _, status))| (i, *status))
        .collect();
    let authorizes: Vec<usize> = calls
        .iter()
        .enumerate()
        .filter(|(_, (method, path, _))| *method == "GET" && *path == "/authorize")
        .map(|(i, _)| i)
        .collect();
    let (refused_at, refused_status) = token_answers
        .first()
        .copied()
        .ok_or_else(|| format!("Verify sent nothing to /oauth/token: {calls:?}"))?;
    assert_eq!(
        refused_status, 403,
        "the first confirmation is refused as expired: {calls:?}"
    );
    assert_eq!(authorizes.len(), 1, "the token is renewed once: {calls:?}");
    assert!(
        authorizes[0] > refused_at,
        "the renewal follows the refusal: {calls:?}"
    );
    let after: Vec<u64> = token_answers
        .iter()
        .filter(|(i, _)| *i > authorizes[0])
        .map(|(_, status)| *status)
        .collect();
    assert_eq!(
        after,
        [200, 200],
        "after the renewal: the code exchange, then the confirmation again: {calls:?}"
    );
    assert_eq!(
        token_answers.len(),
        3,
        "nothing else went to /oauth/token: {calls:?}"
    );
    h.audit_no_token_leak("after the silent renewal").await?;
    h.finish().await
}

/// Starts recording, in the page, every `role=alert` element that appears (with its text) and
/// the address of every frame added. A reload or navigation loses the record, so reading it
/// back also proves the page stayed.
async fn watch_page(h: &Harness) -> TestResult {
    h.browser
        .driver
        .execute(
            "const seen = { alerts: [], frames: [] };
             window.__watched = seen;
             const note = (node) => {
                 if (!(node instanceof Element)) return;
                 for (const el of [node, ...node.querySelectorAll('[role=alert], iframe')]) {
                     if (el.matches('[role=alert]')) seen.alerts.push({ el, text: el.textContent });
                     if (el.tagName === 'IFRAME') seen.frames.push(el.src);
                 }
             };
             new MutationObserver((records) => {
                 for (const r of records) r.addedNodes.forEach(note);
             }).observe(document.documentElement, { childList: true, subtree: true });",
            Vec::new(),
        )
        .await?;
    Ok(())
}

/// What [`watch_page`] recorded: `{alerts: [text…], frames: [src…]}`.
async fn watched(h: &Harness) -> TestResult<Value> {
    let seen: Value = h
        .browser
        .eval(
            "const seen = window.__watched;
             if (!seen) return null;
             return {
                 alerts: seen.alerts.map(a => (a.el.textContent || a.text).trim()),
                 frames: seen.frames,
             };",
        )
        .await?;
    if seen.is_null() {
        return Err("the page was reloaded or left: its record of the journey is gone".into());
    }
    Ok(seen)
}

/// How many confirmed authenticator apps the list shows.
async fn active_apps(h: &Harness) -> TestResult<usize> {
    h.browser
        .eval(
            "return [...document.querySelectorAll('.mfa-factor[data-active=true] .mfa-factor-title')]
                 .filter(t => t.textContent.includes('Authenticator app')).length;",
        )
        .await
}

/// Waits until the list shows `wanted` confirmed authenticator apps.
async fn wait_for_active_apps(h: &Harness, wanted: usize) -> TestResult {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let shown = active_apps(h).await?;
        if shown == wanted {
            return Ok(());
        }
        if std::time::Instant::now() > deadline {
            return Err(format!("the list shows {shown} authenticator apps, not {wanted}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
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
