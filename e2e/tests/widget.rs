//! Embedding journeys: the `<mfa-manager>` element in the examples of `examples/` (plain HTML
//! and Preact), `mount()` from the stable entry module `mfa-manager.js` in a page of another
//! folder, the `mfa-manager:*` events, and open tabs keeping their lists in step.

use e2e::examples::examples_dir;
use e2e::journeys::{aud_contains, SIGNED_IN_HEADING};
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;
use serde_json::{json, Value};

/// Records every `mfa-manager:*` event heard on the document (so they bubble out of the
/// element) in `window.__events`: the change and error details, and for `done` the decoded
/// claims of the token, never the token itself.
async fn record_events(h: &Harness) -> TestResult {
    h.browser
        .driver
        .execute(
            "window.__events = [];
             document.addEventListener('mfa-manager:change', (e) => {
                 window.__events.push({ type: 'change', reason: e.detail.reason,
                                        kind: e.detail.kind, keys: Object.keys(e.detail) });
             });
             document.addEventListener('mfa-manager:error', (e) => {
                 window.__events.push({ type: 'error', message: e.detail.message });
             });
             document.addEventListener('mfa-manager:done', (e) => {
                 const d = e.detail;
                 const b64 = d.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
                 const claims = JSON.parse(atob(b64));
                 window.__events.push({ type: 'done', aud: claims.aud, scope: d.scope,
                                        expires_in: d.expires_in, token_type: d.token_type });
             });",
            Vec::new(),
        )
        .await?;
    Ok(())
}

/// The events recorded by [`record_events`] of one `type`.
async fn events(h: &Harness, kind: &str) -> TestResult<Vec<Value>> {
    let all = h
        .browser
        .driver
        .execute("return window.__events || [];", Vec::new())
        .await?
        .json()
        .clone();
    Ok(all
        .as_array()
        .map(|all| all.iter().filter(|e| e["type"] == kind).cloned().collect())
        .unwrap_or_default())
}

/// The host part of the tenant origin, as the signed-out screen names it.
fn tenant_host(h: &Harness) -> String {
    h.tenant
        .origin
        .trim_start_matches("http://")
        .split(':')
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_html_element_signs_in_enrolls_and_hands_back_the_app_token() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser
        .open(&format!("{}examples/plain-html/", h.site.url))
        .await?;
    record_events(&h).await?;
    h.browser
        .wait_text("mfa-manager h2", "Sign in to manage your security settings")
        .await?;
    h.browser.wait_text("mfa-manager", &tenant_host(&h)).await?;
    // The widget leaves its host page's title alone.
    assert_eq!(
        h.browser.driver.title().await?,
        "Example app: account security"
    );

    h.sign_in_by_popup("mfa-manager #mfa-sign-in", seed::NEW_USER)
        .await?;
    h.browser
        .wait_text("mfa-manager h2", SIGNED_IN_HEADING)
        .await?;
    let secret = h.enroll_authenticator_app().await?;
    h.browser
        .wait_text(
            "mfa-manager .mfa-factor[data-active=true]",
            "Authenticator app",
        )
        .await?;
    // The page's own listener on the element heard it, and so did the document.
    h.browser
        .wait_text(
            "#app-changes",
            "Sign-in methods changed: authenticator-app added.",
        )
        .await?;
    let changes = events(&h, "change").await?;
    assert_eq!(
        changes,
        vec![
            json!({"type": "change", "reason": "added", "kind": "authenticator-app",
                    "keys": ["reason", "kind"]})
        ],
        "one change event, naming no secret"
    );

    // The user has a second factor now, so the silent return needs it: one more popup, where
    // the tenant asks only for a new code.
    h.browser.click("mfa-manager #mfa-done").await?;
    let driver = &h.browser.driver;
    let page = driver.window().await?;
    let before = driver.windows().await?;
    h.browser.click("mfa-manager #mfa-continue").await?;
    let popup = h.wait_for_new_window(&before).await?;
    driver.switch_to_window(popup).await?;
    h.tenant.advance_clock(30).await?;
    h.tenant_second_factor(&h.tenant.totp(&secret)?).await?;
    driver.switch_to_window(page).await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser
        .wait_text("#app-status", "The app has a token for its API")
        .await?;
    let done = events(&h, "done").await?;
    assert_eq!(done.len(), 1, "{done:?}");
    assert!(
        aud_contains(&done[0]["aud"], seed::APP_AUDIENCE),
        "{done:?}"
    );
    assert_eq!(done[0]["token_type"], "Bearer");
    assert!(events(&h, "error").await?.is_empty());
    let url = h.browser.driver.current_url().await?;
    assert!(
        url.path().ends_with("/examples/plain-html/"),
        "the host page stayed: {url}"
    );
    h.audit_no_token_leak("plain HTML example").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn preact_example_mounts_the_element_and_hears_its_events() -> TestResult {
    let packages = examples_dir().join("preact/node_modules/preact");
    if !packages.is_dir() {
        return Err(format!(
            "{} is missing: run `cargo xtask setup` (it runs npm ci in examples/preact)",
            packages.display()
        )
        .into());
    }
    let h = Harness::start(Setup::default()).await?;
    h.browser
        .open(&format!("{}examples/preact/", h.site.url))
        .await?;
    h.browser.wait_text("h1", "Example app (Preact)").await?;
    h.browser
        .wait_text("mfa-manager h2", "Sign in to manage your security settings")
        .await?;
    h.browser.wait_text("mfa-manager", &tenant_host(&h)).await?;
    h.sign_in_by_popup("mfa-manager #mfa-sign-in", seed::NEW_USER)
        .await?;
    h.browser
        .wait_text("mfa-manager h2", SIGNED_IN_HEADING)
        .await?;
    // Preact's `onmfa-manager:done` handler receives the token.
    h.browser.click("mfa-manager #mfa-done").await?;
    h.browser
        .wait_text("#app-status", "The app has a token for its API")
        .await?;
    h.audit_no_token_leak("Preact example").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_in_another_folder_mounts_the_widget_from_the_stable_entry_module() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    // The build's files are in `stable-entry/`, the host page one folder below, and its
    // script names no hashed file: it imports `mount` from `../mfa-manager.js`.
    let build = format!("{}examples/stable-entry/", h.site.url);
    h.browser.open(&format!("{build}account/")).await?;
    h.browser
        .wait_text("#security h2", "Sign in to manage your security settings")
        .await?;
    h.browser.wait_text("#security", &tenant_host(&h)).await?;
    // The entry module linked the build's stylesheet, and the browser applied it.
    let stylesheet: Value = h
        .browser
        .eval(
            "const link = document.querySelector('link[rel=stylesheet]');
             return link && { href: link.href, rules: link.sheet ? link.sheet.cssRules.length : 0 };",
        )
        .await?;
    let href = stylesheet["href"].as_str().unwrap_or_default();
    assert!(
        href.starts_with(&build) && href.ends_with(".css") && !href[build.len()..].contains('/'),
        "{stylesheet}"
    );
    assert!(stylesheet["rules"].as_u64() > Some(0), "{stylesheet}");

    // Signing in needs the wasm chunks, which the split loader fetches beside itself.
    h.sign_in_by_popup("#security #mfa-sign-in", seed::NEW_USER)
        .await?;
    h.browser
        .wait_text("#security h2", SIGNED_IN_HEADING)
        .await?;
    h.browser.click("#security #mfa-done").await?;
    h.browser
        .wait_text("#app-status", "The app has a token for its API")
        .await?;
    let fetched = h.browser.fetched_urls().await?;
    let from_build = |suffix: &str| {
        fetched
            .iter()
            .filter(|url| url.ends_with(suffix))
            .all(|url| url.starts_with(&build))
    };
    assert!(
        fetched.iter().any(|url| url.contains("/chunks/")),
        "no chunk was fetched: {fetched:?}"
    );
    assert!(
        from_build(".wasm") && from_build(".js") && from_build(".css"),
        "every file of the build comes from its folder: {fetched:?}"
    );
    assert_eq!(
        h.browser.driver.title().await?,
        "Example app: account security"
    );
    h.audit_no_token_leak("stable entry example").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_tabs_refresh_their_list_when_another_tab_changes_it() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let driver = &h.browser.driver;
    let first = driver.window().await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;

    // A second window of the page signs in without a password (the tenant session).
    let second = driver.new_window().await?;
    driver.switch_to_window(second.clone()).await?;
    h.open_app().await?;
    h.browser.click("#mfa-sign-in").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    driver
        .execute("window.__notReloaded = true;", Vec::new())
        .await?;
    record_events(&h).await?;

    driver.switch_to_window(first.clone()).await?;
    record_events(&h).await?;
    h.enroll_authenticator_app().await?;

    driver.switch_to_window(second.clone()).await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    h.browser
        .wait_text("#mfa-announce", "changed in another window")
        .await?;
    let same_page = driver
        .execute("return window.__notReloaded === true;", Vec::new())
        .await?
        .json()
        .clone();
    assert_eq!(
        same_page,
        json!(true),
        "the list refreshed without a reload"
    );
    assert!(
        events(&h, "change").await?.is_empty(),
        "only the tab that made the change raises the event"
    );

    // And back: removing it in the second window empties the first one's list.
    h.browser
        .click(".mfa-factor[data-active=true] .mfa-danger")
        .await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Authenticator app")
        .await?;
    let removed = events(&h, "change").await?;
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(
        (&removed[0]["reason"], &removed[0]["kind"]),
        (&json!("removed"), &json!("authenticator-app"))
    );
    driver.switch_to_window(first).await?;
    h.browser
        .wait_text("#mfa-announce", "changed in another window")
        .await?;
    let list = h.browser.find(".mfa-list").await?;
    let mut shown = list.text().await?;
    for _ in 0..100 {
        if !shown.contains("Authenticator app") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        shown = list.text().await?;
    }
    assert!(
        !shown.contains("Authenticator app"),
        "the first window's list lost the app: {shown}"
    );
    let added = events(&h, "change").await?;
    assert_eq!(
        (&added[0]["reason"], &added[0]["kind"]),
        (&json!("added"), &json!("authenticator-app"))
    );
    h.audit_no_token_leak("two tabs").await?;
    h.finish().await
}
