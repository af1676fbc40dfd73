//! Reflow (WCAG 2.2 1.4.10): at 320 CSS pixels wide every screen of a journey fits the width,
//! so nobody on a small phone (or zoomed to 400%) has to scroll sideways.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};

/// Pixels of the page wider than the window (0 when it fits), and the widest offender.
async fn overflow(h: &Harness) -> TestResult<(i64, String)> {
    let script = "
        const width = document.documentElement.clientWidth;
        let widest = '';
        let most = 0;
        for (const el of document.querySelectorAll('body *')) {
            const over = Math.ceil(el.getBoundingClientRect().right) - width;
            if (over > most) { most = over; widest = el.tagName + (el.id ? '#' + el.id : '') + '.' + el.className; }
        }
        return [document.documentElement.scrollWidth - width, widest];";
    Ok(h.browser
        .driver
        .execute(script, Vec::new())
        .await?
        .convert()?)
}

async fn fits(h: &Harness, screen: &str) -> TestResult {
    let (over, widest) = overflow(h).await?;
    assert!(
        over <= 0,
        "{screen}: the page is {over} px wider than 320 px (widest: {widest})"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_fits_320_pixels() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.set_width(320).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    fits(&h, "signed out").await?;

    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser.wait_text("#mfa-empty", "no extra").await?;
    fits(&h, "list").await?;

    // The authenticator-app panel: QR code, the long setup key and its link.
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("svg.mfa-qr").await?;
    fits(&h, "authenticator app").await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("#mfa-empty", "no extra").await?;

    // The phone form with its channel choice, after a code was sent.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+44 20 7946 0958", "+442079460958").await?;
    fits(&h, "phone").await?;

    h.enter_oob_code(&h.demo_code("sms").await?).await?;
    // The first method brings the recovery code, shown once.
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    h.browser.find("#mfa-recovery-code").await?;
    fits(&h, "recovery code").await?;
    h.save_recovery_code().await?;
    h.browser.click("[data-remove^='sms|']").await?;
    h.browser.wait_text("#mfa-remove-text", "voice").await?;
    fits(&h, "removal dialog").await?;
    h.finish().await
}
