//! Languages: German from the configuration, right-to-left layout from the URL.

use e2e::{Harness, Setup, TestResult};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn german_from_the_configuration_through_sign_in() -> TestResult {
    let h = Harness::start(Setup {
        config_extra: json!({"lang": "de"}),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    h.browser
        .wait_text("h1", "Sicherheitseinstellungen")
        .await?;
    assert_eq!(
        h.browser.find("#mfa-sign-in").await?.text().await?,
        "Anmelden"
    );
    let lang = h.browser.find("main").await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("de"));
    h.browser.click("#mfa-sign-in").await?;
    h.tenant_login("new@example.com").await?;
    h.browser
        .wait_text("#mfa-add-app", "Authentifizierungs-App hinzufügen")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn right_to_left_layout() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.open(&format!("{}?lang=ar", h.site.url)).await?;
    h.browser.find("#mfa-sign-in").await?;
    let main = h.browser.find("main").await?;
    assert_eq!(main.attr("dir").await?.as_deref(), Some("rtl"));
    let direction: String = h
        .browser
        .driver
        .execute(
            "return getComputedStyle(document.querySelector('main')).direction;",
            Vec::new(),
        )
        .await?
        .convert()?;
    assert_eq!(direction, "rtl");
    h.finish().await
}
