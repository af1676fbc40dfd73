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
    // A text the Arabic table does not translate reads as English: its full stop comes after
    // its last word (not before its first, as plain right-to-left layout would put it), and
    // the line still ends at the right edge like the Arabic texts around it.
    let [stop_after_word, gap_to_right_edge]: [f64; 2] = h
        .browser
        .eval(
            r#"
            const p = [...document.querySelectorAll('main p')]
                .find(p => p.textContent.startsWith('Add or remove'));
            const text = p.firstChild, n = text.length, range = document.createRange();
            const box = i => { range.setStart(text, i); range.setEnd(text, i + 1);
                               return range.getBoundingClientRect(); };
            const stop = box(n - 1), word = box(n - 2);
            return [stop.left - word.left, p.getBoundingClientRect().right - stop.right];
            "#,
        )
        .await?;
    assert!(
        stop_after_word > 0.0,
        "the full stop is drawn after the last word ({stop_after_word} px)"
    );
    assert!(
        gap_to_right_edge < 2.0,
        "the English line is right-aligned ({gap_to_right_edge} px short)"
    );
    h.finish().await
}
