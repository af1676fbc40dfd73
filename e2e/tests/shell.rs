//! The app shell: first screen, configuration errors, sub-path hosting.

use e2e::{ConfigFile, Harness, Setup, TestResult};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_out_first_screen_offers_sign_in() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser
        .wait_text("h2", "Sign in to manage your security settings")
        .await?;
    let button = h.browser.find("#mfa-sign-in").await?;
    assert_eq!(button.text().await?, "Sign in");
    assert!(button.is_enabled().await?);
    assert_eq!(
        h.browser.find("h1").await?.text().await?,
        "Security settings"
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_config_json_names_the_problem() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Raw(r#"{"domain": "acme.auth0.com", "#.into())),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text("[role=alert] h2", "This page is not set up correctly")
        .await?;
    h.browser
        .wait_text(
            ".mfa-config-errors li",
            "config.json is not valid: EOF while parsing",
        )
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_invalid_field_is_listed_by_name() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Json(
            json!({"domain": "http://acme.auth0.com", "mode": "tab"}),
        )),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text(
            "li[data-field=domain]",
            "\"domain\" uses http:// for acme.auth0.com",
        )
        .await?;
    h.browser
        .wait_text("li[data-field=client_id]", "\"client_id\" is missing")
        .await?;
    h.browser
        .wait_text("li[data-field=mode]", "\"mode\" is \"tab\"")
        .await?;
    h.finish().await
}

/// Addresses a URL parser reads otherwise than they look are refused, naming the character,
/// before anything is sent: read by a browser, this `domain` is `evil.example`, and this
/// `return_to` path leaves the site.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn addresses_that_lead_elsewhere_than_they_look_are_refused() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Json(json!({
            "domain": "evil.example\\.auth0.com",
            "client_id": "x",
            "return_to": "/\\evil.example",
        }))),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text(
            "li[data-field=domain]",
            "\"domain\" contains a character that is not allowed in a host name: \\.",
        )
        .await?;
    h.browser
        .wait_text(
            "li[data-field=return_to]",
            "\"return_to\" contains a character that is not allowed in a URL: \\.",
        )
        .await?;
    assert!(h.browser.is_absent("#mfa-sign-in").await?);
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_config_json_is_reported_under_a_sub_path() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        config: Some(ConfigFile::Missing),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text(
            ".mfa-config-errors li",
            "not found next to index.html (HTTP 404)",
        )
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn app_works_under_a_sub_path() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text("h2", "Sign in to manage your security settings")
        .await?;
    h.finish().await
}

/// A sign-in answer leaves the address bar first thing, even when the page then cannot run
/// (its `config.json` is missing), and the stored round trip it belonged to is deleted: a
/// code never stays in the history or a shared link, and a failed round trip is not resumed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sign_in_answer_leaves_the_address_bar_even_when_the_page_cannot_run() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Missing),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser.find(".mfa-config-errors").await?;
    // A round trip in progress, as the page stores it before leaving for the tenant.
    h.browser
        .eval::<()>(
            r#"sessionStorage.setItem("mfa-manager:transaction",
                 JSON.stringify({state: "s", nonce: "n", verifier: "v", purpose: "Mfa",
                                 resume: {screen: "manage"}}));
               return null;"#,
        )
        .await?;
    h.browser
        .open(&format!("{}?keep=1&code=secret-code&state=s", h.site.url))
        .await?;
    h.browser
        .wait_text(".mfa-config-errors li", "not found next to index.html")
        .await?;
    let search: String = h.browser.eval("return location.search;").await?;
    assert_eq!(search, "?keep=1", "the answer stayed in the address bar");
    let stored: Option<String> = h
        .browser
        .eval(r#"return sessionStorage.getItem("mfa-manager:transaction");"#)
        .await?;
    assert_eq!(stored, None, "the failed round trip was kept");
    h.finish().await
}
