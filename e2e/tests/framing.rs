//! Clickjacking: a site of another origin cannot put the page in a frame. In a frame, with
//! popup sign-in, a hostile page could line its own buttons up with the page's Remove and
//! Confirm; the deployment's headers (`frame-ancestors 'none'`, `X-Frame-Options: DENY`) make
//! the browser refuse the frame, so nothing of the page is there to click.

use e2e::browser::WAIT;
use e2e::framer::{Framer, PAGE_FRAME, UNGUARDED_FRAME};
use e2e::{Harness, Setup, TestResult};
use serde_json::json;
use std::time::{Duration, Instant};
use thirtyfour::By;

/// Waits until both of the framing page's frames have loaded (or been refused).
async fn wait_for_frames(h: &Harness) -> TestResult {
    let deadline = Instant::now() + WAIT;
    loop {
        let loaded: Vec<String> = h
            .browser
            .eval("return window.__framesLoaded || [];")
            .await?;
        if loaded.len() == 2 {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the frames did not load; loaded: {loaded:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_site_cannot_frame_the_page() -> TestResult {
    let h = Harness::start(Setup {
        config_extra: json!({"mode": "popup"}),
        ..Setup::default()
    })
    .await?;
    let config = reqwest::Client::new()
        .get(format!("{}config.json", h.site.url))
        .send()
        .await?
        .text()
        .await?;
    let framer = Framer::start(&h.site.url, config).await?;
    h.browser.open(&framer.url).await?;
    wait_for_frames(&h).await?;
    let driver = &h.browser.driver;

    // The control: the same files and configuration without the headers render inside the
    // other site's frame, sign-in button and all. So a frame's content is reachable here, and
    // the page has had time to start.
    driver
        .find(By::Id(UNGUARDED_FRAME))
        .await?
        .enter_frame()
        .await?;
    h.browser.find("#mfa-sign-in").await?;
    driver.enter_default_frame().await?;

    // The page as deployed: the browser refused to show it in the frame; its document is not
    // the page (no `data-mfa-manager` body, no sign-in button, nothing to click).
    driver.find(By::Id(PAGE_FRAME)).await?.enter_frame().await?;
    let url: String = h.browser.eval("return document.URL;").await?;
    let page = !h.browser.is_absent("[data-mfa-manager]").await?;
    let sign_in = !h.browser.is_absent("#mfa-sign-in").await?;
    let buttons = driver.find_all(By::Css("button")).await?.len();
    driver.enter_default_frame().await?;
    assert!(
        !page && !sign_in && buttons == 0,
        "the page was shown inside another site's frame (frame document {url}; page body: \
         {page}, sign-in button: {sign_in}, buttons: {buttons})"
    );
    // WebKit leaves a refused frame at the address it refused (with an empty document, checked
    // above); Chromium and Firefox put an error document of another origin there.
    if h.browser.engine != e2e::Engine::WebKit {
        assert!(
            !url.starts_with(&h.site.origin),
            "the frame holds a document of the page's origin: {url}"
        );
    }

    // Opened by itself, the page works as ever.
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    drop(framer);
    h.finish().await
}
