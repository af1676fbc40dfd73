//! The page's first screen, drawn before its app is fetched: it is the app's own signed-out
//! screen (texts, language, direction), a Sign in clicked before the app is here is carried
//! out when it arrives, and the keyboard focus stays on Sign in when the app takes over.
//! The app's files are held back by the static host, as on a slow network.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};

/// Part of the path of every wasm file of the build (the app's module and its chunks).
const APP_WASM: &str = ".wasm";

/// What the signed-out screen shows: the document's title, language and direction, and the
/// text of the screen.
const SCREEN: &str = "const main = document.querySelector('main.mfa-manager:not([hidden])');
return [document.title, document.documentElement.lang, document.documentElement.dir,
        main ? main.innerText : ''];";

/// True once the app has taken over from the first screen.
const TAKEN_OVER: &str = "return window.mfaManagerFirstScreen !== undefined
    && window.mfaManagerFirstScreen.screen === null
    && document.querySelectorAll('main.mfa-manager').length === 1;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_clicked_before_the_app_is_here_still_signs_in() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.site.outage.hold(APP_WASM);
    h.open_app().await?;
    h.browser.find_now("#mfa-sign-in").await?.click().await?;
    // The click is taken and said; the app is not here yet.
    h.browser
        .wait_text("#mfa-sign-in", "Taking you to sign in")
        .await?;
    assert!(
        !h.browser.eval::<bool>(TAKEN_OVER).await?,
        "the app is held back, so the screen is the first-screen script's"
    );
    h.site.outage.release();
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_is_the_apps_own_and_keeps_the_focus() -> TestResult {
    for lang in ["en", "ar"] {
        let h = Harness::start(Setup::default()).await?;
        h.site.outage.hold(APP_WASM);
        h.browser
            .open(&format!("{}?lang={lang}", h.site.url))
            .await?;
        h.browser.find_now("#mfa-sign-in").await?;
        let first: Vec<String> = h.browser.eval(SCREEN).await?;
        assert!(!h.browser.eval::<bool>(TAKEN_OVER).await?);
        // A keyboard user reaches Sign in before the app is here.
        h.browser
            .eval::<bool>("document.getElementById('mfa-sign-in').focus(); return true;")
            .await?;
        h.site.outage.release();
        h.browser.wait_for_the_app().await?;
        assert!(h.browser.eval::<bool>(TAKEN_OVER).await?);
        let app: Vec<String> = h.browser.eval(SCREEN).await?;
        assert_eq!(first, app, "{lang}: the first screen and the app's differ");
        assert_eq!(app[1], if lang == "ar" { "ar" } else { "en" });
        assert_eq!(app[2], if lang == "ar" { "rtl" } else { "ltr" });
        let focused: String = h
            .browser
            .eval("return document.activeElement ? document.activeElement.id : '';")
            .await?;
        assert_eq!(focused, "mfa-sign-in", "{lang}: the focus left Sign in");
        h.finish().await?;
    }
    Ok(())
}
