//! Languages: German from the configuration, right-to-left layout from the URL, the
//! browser's language when none is configured (in a widget mounted from another folder too),
//! and English when a language file is missing.
//! Every screen in every language: `reflow.rs`.

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
    // The stand-alone page owns its document: its title and language follow too.
    assert_eq!(h.browser.driver.title().await?, "Sicherheitseinstellungen");
    let document_lang: String = h
        .browser
        .eval("return document.documentElement.lang;")
        .await?;
    assert_eq!(document_lang, "de");
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
        .eval("return getComputedStyle(document.querySelector('main')).direction;")
        .await?;
    assert_eq!(direction, "rtl");
    let document_dir: String = h
        .browser
        .eval("return document.documentElement.dir;")
        .await?;
    assert_eq!(
        document_dir, "rtl",
        "the stand-alone page is right to left as a whole"
    );
    // The Arabic paragraph starts at the right edge, and its full stop ends it on the left.
    let [start_gap, stop_before_word]: [f64; 2] = h
        .browser
        .eval(
            r#"
            const p = [...document.querySelectorAll('main p')]
                .find(p => p.textContent.startsWith('أضف أو أزل'));
            const text = p.firstChild, n = text.length, range = document.createRange();
            const box = i => { range.setStart(text, i); range.setEnd(text, i + 1);
                               return range.getBoundingClientRect(); };
            return [p.getBoundingClientRect().right - box(0).right,
                    box(n - 2).left - box(n - 1).left];
            "#,
        )
        .await?;
    assert!(
        start_gap < 2.0,
        "the paragraph starts at the right edge ({start_gap} px short)"
    );
    assert!(
        stop_before_word > 0.0,
        "the full stop is drawn left of the last word ({stop_before_word} px)"
    );
    h.finish().await
}

/// Without `lang` in the configuration the page speaks the first of the browser's languages
/// that it has; the texts of a language other than English are a file of the build.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browsers_language_when_none_is_configured() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let agent: String = h.browser.eval("return navigator.userAgent;").await?;
    h.browser
        .cdp(
            "Emulation.setUserAgentOverride",
            json!({"userAgent": agent, "acceptLanguage": "it-IT,it,pt-BR,en"}),
        )
        .await?;
    h.open_app().await?;
    h.browser
        .wait_text("h1", "Configurações de segurança")
        .await?;
    assert_eq!(
        h.browser.find("#mfa-sign-in").await?.text().await?,
        "Fazer login"
    );
    let lang = h.browser.find("main").await?.attr("lang").await?;
    assert_eq!(lang.as_deref(), Some("pt-BR"));
    let fetched = h.browser.fetched_urls().await?;
    assert!(
        fetched.iter().any(|url| url.contains("/texts/pt_br-")),
        "{fetched:#?}"
    );
    h.finish().await
}

/// A language file that cannot be fetched leaves a working page in English, and says why in
/// the console.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_language_file_that_cannot_be_fetched_leaves_english() -> TestResult {
    let h = Harness::start(Setup {
        config_extra: json!({"lang": "ja"}),
        ..Setup::default()
    })
    .await?;
    h.browser.cdp("Network.enable", json!({})).await?;
    h.browser
        .cdp("Network.setBlockedURLs", json!({"urls": ["*/texts/ja-*"]}))
        .await?;
    h.open_app().await?;
    h.browser.wait_text("h1", "Security settings").await?;
    assert_eq!(
        h.browser.find("#mfa-sign-in").await?.text().await?,
        "Sign in"
    );
    let log = h.browser.console_log().await?.join("\n");
    assert!(log.contains("the ja texts could not be loaded"), "{log}");
    h.finish().await
}

/// A widget mounted from the stable entry module by a page in another folder speaks the
/// browser's language too: its language file comes from the build's folder, found from the
/// module's own URL rather than the host page's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_widget_in_another_folder_finds_its_language_file() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    let agent: String = h.browser.eval("return navigator.userAgent;").await?;
    h.browser
        .cdp(
            "Emulation.setUserAgentOverride",
            json!({"userAgent": agent, "acceptLanguage": "fr-CA,fr"}),
        )
        .await?;
    let build = format!("{}examples/stable-entry/", h.site.url);
    h.browser.open(&format!("{build}account/")).await?;
    // The first screen speaks French at once; the app, which takes over, needs the file.
    h.browser.find("#security #mfa-sign-in").await?;
    h.browser
        .wait_text(
            "#security h2",
            "Connectez-vous pour gérer vos paramètres de sécurité",
        )
        .await?;
    let fetched = h.browser.fetched_urls().await?;
    assert!(
        fetched
            .iter()
            .any(|url| url.starts_with(&format!("{build}texts/fr-"))),
        "{fetched:#?}"
    );
    h.finish().await
}
