//! Reflow (WCAG 2.2 1.4.10): at 320 CSS pixels wide every screen of a journey fits the width,
//! so nobody on a small phone (or zoomed to 400%) has to scroll sideways, and no word of the
//! page's texts is split across lines to make it fit, in English, German and Arabic.

use e2e::{ConfigFile, Harness, Setup, TestResult};
use serde_json::json;

/// Pixels of the page wider than the window (0 when it fits), the widest offender, and the
/// words of the page's own texts that had to be broken across lines to fit.
async fn overflow(h: &Harness) -> TestResult<(i64, String, Vec<String>)> {
    let script = "
        const width = document.documentElement.clientWidth;
        let widest = '';
        let most = 0;
        for (const el of document.querySelectorAll('body *')) {
            const over = Math.ceil(el.getBoundingClientRect().right) - width;
            if (over > most) { most = over; widest = el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className; }
        }
        const broken = [];
        const range = document.createRange();
        const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node; (node = texts.nextNode()); ) {
            // Data (account names, links, setup keys) may break anywhere; the page's words not.
            if (node.parentElement.closest('dd, a, strong, .mfa-secret, script, style')) continue;
            for (const word of node.data.matchAll(/[^\\s-]+/g)) {
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(word[0]);
            }
        }
        return [document.documentElement.scrollWidth - width, widest, broken];";
    h.browser.eval(script).await
}

async fn fits(h: &Harness, screen: &str) -> TestResult {
    let (over, widest, broken) = overflow(h).await?;
    assert!(
        over <= 0,
        "{screen}: the page is {over} px wider than 320 px (widest: {widest})"
    );
    assert!(
        broken.is_empty(),
        "{screen}: words broken in the middle to fit 320 px: {broken:?}"
    );
    Ok(())
}

/// The journey at 320 px in language `lang`: signed out, the list, the authenticator-app panel,
/// the phone form after a code was sent, the recovery code, the removal dialog, the push and
/// email panels and the closing screen. Waits on elements rather than texts, so it runs the
/// same in every language.
async fn every_screen_fits(lang: &str) -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.set_width(320).await?;
    h.browser
        .open(&format!("{}?lang={lang}", h.site.url))
        .await?;
    h.browser.find("#mfa-sign-in").await?;
    fits(&h, "signed out").await?;

    let demo = format!("{}?demo&lang={lang}", h.site.url);
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;
    fits(&h, "list").await?;

    // The authenticator-app panel: QR code, the long setup key and its link.
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("svg.mfa-qr").await?;
    fits(&h, "authenticator app").await?;
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;

    // The phone form with its channel choice, after a code was sent.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+44 20 7946 0958", "+442079460958").await?;
    fits(&h, "phone").await?;

    h.enter_oob_code(&h.demo_code("sms").await?).await?;
    // The first method brings the recovery code, shown once.
    h.browser.find("#mfa-recovery-code").await?;
    fits(&h, "recovery code").await?;
    h.save_recovery_code().await?;
    h.browser.click("[data-remove^='sms|']").await?;
    h.browser.find("#mfa-remove-text").await?;
    fits(&h, "removal dialog").await?;
    h.browser.click("#mfa-cancel-remove").await?;

    h.browser.click("#mfa-add-push").await?;
    h.browser.find("#mfa-push-waiting").await?;
    fits(&h, "push notifications").await?;
    h.browser.click("#mfa-cancel-push").await?;

    h.browser.click("#mfa-add-email").await?;
    h.browser.find("#mfa-destination").await?;
    fits(&h, "email").await?;
    h.browser.open(&demo).await?;
    h.browser.find("#mfa-empty").await?;
    h.browser.click("#mfa-done").await?;
    h.browser.find("#mfa-finished").await?;
    fits(&h, "finished").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_english() -> TestResult {
    every_screen_fits("en").await
}

/// German has the longest words ("Push-Benachrichtigungen", "Authentifizierungs-App").
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_in_german() -> TestResult {
    every_screen_fits("de").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels_right_to_left() -> TestResult {
    every_screen_fits("ar").await
}

/// The configuration-error screen and a refused sign-in, in German.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn error_screens_fit_320_pixels() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Json(
            json!({"domain": "login.acme.com", "mode": "tab", "lang": "de"}),
        )),
        ..Setup::default()
    })
    .await?;
    h.browser.set_width(320).await?;
    h.open_app().await?;
    h.browser.find(".mfa-config-errors").await?;
    fits(&h, "configuration error").await?;
    h.finish().await?;

    let h = Harness::start(Setup::default()).await?;
    h.browser.set_width(320).await?;
    h.browser
        .open(&format!(
            "{}?lang=de&error=access_denied&error_description=Service%20not%20found&state=forged",
            h.site.url
        ))
        .await?;
    h.browser.find("#mfa-error").await?;
    fits(&h, "refused sign-in").await?;
    h.finish().await
}
