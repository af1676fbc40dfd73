//! The first screens, drawn before the app is fetched — the page's, and a widget's from the
//! entry module `mfa-manager.js` (the `<mfa-manager>` element and `mount()`): each is the
//! app's own signed-out screen (texts, language, direction), a Sign in clicked before the app
//! is here is carried out when it arrives (for a widget in the sign-in window the click
//! opened), and the keyboard focus stays on Sign in when the app takes over. A widget whose app
//! cannot be loaded says so and tries again on the next click; one unmounted before its app is
//! here leaves nothing behind. The app's files are held back (or failed) by the static host,
//! as on a slow network (or after a drop).

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::outage::Outage;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;
use serde_json::json;
use thirtyfour::WindowHandle;

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

/// The host page embedding the widget with `mount()` (in `#widget`, popup sign-in).
const MOUNT_PAGE: &str = "widget.html";
/// Sign in on the widget's first screen in [`MOUNT_PAGE`].
const FIRST_SIGN_IN: &str = "#widget [data-mfa-first-screen] #mfa-sign-in";
/// The host page embedding the widget with `<mfa-manager>` (popup sign-in).
const ELEMENT_PAGE: &str = "examples/plain-html/";

/// What a widget's screen shows inside `arguments[0]` (a CSS selector of its container): its
/// language, direction and text, and whether it is the first screen.
const WIDGET_SCREEN: &str = "const main = document.querySelector(arguments[0] + ' main.mfa-manager:not([hidden])');
return main ? [main.lang, main.dir, main.innerText, String(main.hasAttribute('data-mfa-first-screen'))] : [];";

/// The widget's screen in `container`, per [`WIDGET_SCREEN`].
async fn widget_screen(h: &Harness, container: &str) -> TestResult<Vec<String>> {
    let answer = h
        .browser
        .driver
        .execute(WIDGET_SCREEN, vec![json!(container)])
        .await?;
    Ok(answer.convert()?)
}

/// A world whose static host answers the app's wasm as `outage` says (held back or failing),
/// with the host page embedding the widget by `mount()` open.
async fn open_mount_page(outage: fn(&Outage, &str)) -> TestResult<Harness> {
    let h = Harness::start(Setup::default()).await?;
    outage(&h.site.outage, APP_WASM);
    h.browser
        .open(&format!("{}{MOUNT_PAGE}", h.site.url))
        .await?;
    Ok(h)
}

/// Clicks Sign in on the widget's first screen; returns the host page's window and the
/// sign-in window the click opened.
async fn click_first_screens_sign_in(h: &Harness) -> TestResult<(WindowHandle, WindowHandle)> {
    let page = h.browser.driver.window().await?;
    let before = h.browser.driver.windows().await?;
    h.browser.find_now(FIRST_SIGN_IN).await?.click().await?;
    Ok((page, h.wait_for_new_window(&before).await?))
}

/// Signs a new user in in `popup` and waits for the widget's signed-in screen in `page`.
async fn sign_in_in(h: &Harness, page: WindowHandle, popup: WindowHandle) -> TestResult {
    h.switch_to_popup(popup).await?;
    h.tenant_login(seed::NEW_USER).await?;
    h.browser.driver.switch_to_window(page).await?;
    h.browser.wait_text("#widget h2", SIGNED_IN_HEADING).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_widgets_sign_in_clicked_before_the_app_is_here_opens_the_window_and_signs_in(
) -> TestResult {
    let h = open_mount_page(Outage::hold).await?;
    // The sign-in window opens with the click, while the app is still held back.
    let (page, popup) = click_first_screens_sign_in(&h).await?;
    h.browser
        .wait_text("#widget #mfa-sign-in", "Taking you to sign in")
        .await?;
    assert_eq!(widget_screen(&h, "#widget").await?[3], "true");
    h.site.outage.release();
    sign_in_in(&h, page, popup).await?;
    assert_eq!(widget_screen(&h, "#widget").await?[3], "false");
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_widgets_first_screen_is_its_apps_own_and_keeps_the_focus() -> TestResult {
    for (page, container, lang) in [
        (ELEMENT_PAGE, "mfa-manager", "en"),
        (MOUNT_PAGE, "#widget", "ar"),
    ] {
        let h = Harness::start(Setup {
            config_extra: json!({ "lang": lang }),
            ..Setup::default()
        })
        .await?;
        h.site.outage.hold(APP_WASM);
        h.browser.open(&format!("{}{page}", h.site.url)).await?;
        let sign_in = format!("{container} #mfa-sign-in");
        h.browser.find_now(&sign_in).await?;
        let first = widget_screen(&h, container).await?;
        assert_eq!(first[3], "true", "{page}: {first:?}");
        // A keyboard user reaches Sign in before the app is here.
        h.browser
            .driver
            .execute(
                "document.querySelector(arguments[0]).focus();",
                vec![json!(sign_in)],
            )
            .await?;
        h.site.outage.release();
        h.browser.wait_for_the_app().await?;
        let app = widget_screen(&h, container).await?;
        assert_eq!(app[3], "false", "{page}: the app took over");
        assert_eq!(
            first[..3],
            app[..3],
            "{page}: the first screen and the app's differ"
        );
        assert_eq!(app[0], lang);
        assert_eq!(app[1], if lang == "ar" { "rtl" } else { "ltr" });
        let focused: String = h
            .browser
            .eval("return document.activeElement ? document.activeElement.id : '';")
            .await?;
        assert_eq!(focused, "mfa-sign-in", "{page}: the focus left Sign in");
        // One stylesheet, applied: the host page's own link (the element's page), or the one
        // the entry module added (the `mount()` page, which links none).
        let sheets: Vec<u64> = h
            .browser
            .eval(
                "return [...document.querySelectorAll('link[rel=stylesheet]')]
                     .map((link) => link.sheet ? link.sheet.cssRules.length : 0);",
            )
            .await?;
        assert!(sheets.len() == 1 && sheets[0] > 0, "{page}: {sheets:?}");
        // The host page's own language and title stay the host's.
        let host: Vec<String> = h
            .browser
            .eval("return [document.documentElement.lang, document.title];")
            .await?;
        assert_eq!(host[0], "en", "{page}");
        assert!(
            !host[1].is_empty() && host[1] != "Security settings",
            "{page}: {host:?}"
        );
        h.finish().await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_widget_whose_app_cannot_be_loaded_says_so_and_tries_again_on_the_next_click(
) -> TestResult {
    let h = open_mount_page(Outage::fail).await?;
    h.record_widget_events().await?;
    let page = h.browser.driver.window().await?;
    h.browser.find_now(FIRST_SIGN_IN).await?.click().await?;
    h.browser
        .wait_text("#widget #mfa-part-unavailable", "could not be loaded")
        .await?;
    // The click is undone: the window it opened is closed, the button signs in again.
    for _ in 0..100 {
        if h.browser.driver.windows().await?.len() == 1 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        h.browser.driver.windows().await?.len(),
        1,
        "the window closed"
    );
    h.browser.driver.switch_to_window(page.clone()).await?;
    h.browser.wait_text(FIRST_SIGN_IN, "Sign in").await?;
    let errors = h.widget_events("error").await?;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(
        errors[0]["message"],
        "Part of this page could not be loaded."
    );

    h.site.outage.end();
    let (page, popup) = click_first_screens_sign_in(&h).await?;
    sign_in_in(&h, page, popup).await?;
    assert!(h.browser.is_absent("#mfa-part-unavailable").await?);
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_widget_unmounted_before_its_app_is_here_leaves_nothing() -> TestResult {
    let h = open_mount_page(Outage::hold).await?;
    h.browser.find_now("#widget #mfa-sign-in").await?;
    h.browser
        .eval::<bool>("window.widgetHandle.unmount(); return true;")
        .await?;
    assert!(
        h.browser.is_absent("#widget *").await?,
        "the first screen is gone"
    );
    h.site.outage.release();
    // Once the app's wasm is here and has had time to start, nothing came back.
    h.browser
        .driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const loaded = () => performance.getEntriesByType('resource')
                 .some((e) => e.name.endsWith('_bg.wasm') && e.responseEnd > 0);
             const look = () => loaded() ? setTimeout(done, 500) : setTimeout(look, 50);
             look();",
            Vec::new(),
        )
        .await?;
    assert!(
        h.browser.is_absent("#widget *").await?,
        "no widget came back"
    );
    assert!(h.browser.is_absent("main").await?);
    h.finish().await
}
