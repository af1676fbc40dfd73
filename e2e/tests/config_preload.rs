//! `config.json` is asked for by the page's HTML (`<link rel="preload" as="fetch">`), so it
//! downloads beside the first-screen script instead of after it has started, and the script's
//! fetch takes the preloaded answer: the browser lists one request for it, made by the link.

use e2e::{Harness, Setup, TestResult};
use serde_json::Value;

/// Resource Timing entries whose URL ends in `config.json`: initiator and URL.
async fn config_requests(h: &Harness) -> TestResult<Vec<Value>> {
    h.browser
        .eval(
            "return performance.getEntriesByType('resource')
                 .filter(e => new URL(e.name).pathname.endsWith('/config.json'))
                 .map(e => ({ initiator: e.initiatorType, url: e.name }));",
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn config_json_is_requested_once_by_the_page_html_under_a_sub_path() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    h.open_app().await?;
    // The Sign in button needs the configuration, so the page has read it by now.
    h.browser.find("#mfa-sign-in").await?;
    let requests = config_requests(&h).await?;
    let expected = format!("{}config.json", h.site.url);
    assert_eq!(
        requests,
        [serde_json::json!({ "initiator": "link", "url": expected })],
        "one request, made by the preload link, not a second one by the page's fetch"
    );
    // Chromium warns about a preload the page did not use, naming its URL (the other engines'
    // drivers do not read the console).
    if h.browser.engine.reads_console() {
        let unused: Vec<String> = h
            .browser
            .console_log()
            .await?
            .into_iter()
            .filter(|line| line.contains("config.json"))
            .collect();
        assert!(unused.is_empty(), "the browser says: {unused:?}");
    }
    h.finish().await
}
