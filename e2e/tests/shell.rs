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
