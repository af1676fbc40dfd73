//! Theming: the dark theme follows the user's preference, and the QR code stays dark on light
//! so phones can still read it, in the dark theme and in a high-contrast (forced colours) one.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::qr::read_qr;
use e2e::{Harness, Setup, TestResult};

async fn page_background(h: &Harness) -> TestResult<String> {
    h.browser
        .eval("return getComputedStyle(document.body).backgroundColor;")
        .await
}

/// Opens the authenticator-app panel and checks that its QR code decodes to the setup link.
async fn qr_code_reads_in(h: &Harness, theme: &str) -> TestResult {
    h.browser.click("#mfa-add-app").await?;
    let link = h.browser.find("#mfa-otpauth-link").await?;
    let uri = link.attr("href").await?.ok_or("no otpauth link")?;
    let qr = read_qr(&h.browser, "svg.mfa-qr").await?;
    assert_eq!(qr, uri, "the QR code decodes in the {theme} theme");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dark_theme_keeps_a_readable_qr_code() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let light = page_background(&h).await?;
    h.browser.prefer_color_scheme("dark").await?;
    let dark = page_background(&h).await?;
    assert_ne!(light, dark, "the page follows the dark preference");
    assert_eq!(dark, "rgb(17, 20, 24)", "the dark theme's --mfa-bg");

    qr_code_reads_in(&h, "dark").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn high_contrast_keeps_a_readable_qr_code() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    // A dark high-contrast theme (Windows "Night sky" and the like): Chromium repaints the
    // page in the user's system colours, but the QR code must stay dark on light.
    h.browser
        .emulate_media(&[
            ("forced-colors", "active"),
            ("prefers-color-scheme", "dark"),
        ])
        .await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let forced: bool = h
        .browser
        .eval("return matchMedia('(forced-colors: active)').matches;")
        .await?;
    assert!(forced, "the page sees the high-contrast theme");

    qr_code_reads_in(&h, "high-contrast").await?;
    h.finish().await
}
