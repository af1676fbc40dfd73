//! Embedding journeys: the `<mfa-manager>` element in the examples of `examples/` (plain HTML
//! and Preact), `mount()` from the stable entry module `mfa-manager.js` in a page of another
//! folder, the `mfa-manager:*` events, and open tabs keeping their lists in step.

use e2e::examples::examples_dir;
use e2e::journeys::{aud_contains, SIGNED_IN_HEADING};
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_html_element_signs_in_enrolls_and_hands_back_the_app_token() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser
        .open(&format!("{}examples/plain-html/", h.site.url))
        .await?;
    h.record_widget_events().await?;
    h.browser
        .wait_text("mfa-manager h2", "Sign in to manage your security settings")
        .await?;
    h.browser.wait_text("mfa-manager", &h.tenant_host()).await?;
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
    let changes = h.widget_events("change").await?;
    assert_eq!(
        changes,
        vec![
            json!({"type": "change", "reason": "added", "kind": "authenticator-app",
                    "keys": ["reason", "kind"]})
        ],
        "one change event, naming no secret"
    );

    // The user has a second factor now, so the silent return needs it.
    h.done_with_second_factor("mfa-manager", &secret).await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser
        .wait_text("#app-status", "The app has a token for its API")
        .await?;
    let done = h.widget_events("done").await?;
    assert_eq!(done.len(), 1, "{done:?}");
    assert!(
        aud_contains(&done[0]["aud"], seed::APP_AUDIENCE),
        "{done:?}"
    );
    assert_eq!(done[0]["token_type"], "Bearer");
    assert!(h.widget_events("error").await?.is_empty());
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
    h.browser.wait_text("mfa-manager", &h.tenant_host()).await?;
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
    h.browser.wait_text("#security", &h.tenant_host()).await?;
    // The page links the stylesheet's stable copy, which the browser applied; the entry module
    // saw it and linked no second one.
    let stylesheets: Value = h
        .browser
        .eval(
            "return [...document.querySelectorAll('link[rel=stylesheet]')].map((link) =>
                 ({ href: link.href, rules: link.sheet ? link.sheet.cssRules.length : 0 }));",
        )
        .await?;
    assert_eq!(
        stylesheets[0]["href"],
        format!("{build}mfa-manager.css"),
        "{stylesheets}"
    );
    assert_eq!(
        stylesheets.as_array().map(Vec::len),
        Some(1),
        "{stylesheets}"
    );
    assert!(stylesheets[0]["rules"].as_u64() > Some(0), "{stylesheets}");

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
    h.record_widget_events().await?;

    driver.switch_to_window(first.clone()).await?;
    h.record_widget_events().await?;
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
        h.widget_events("change").await?.is_empty(),
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
    let removed = h.widget_events("change").await?;
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
    let added = h.widget_events("change").await?;
    assert_eq!(
        (&added[0]["reason"], &added[0]["kind"]),
        (&json!("added"), &json!("authenticator-app"))
    );
    h.audit_no_token_leak("two tabs").await?;
    h.finish().await
}
