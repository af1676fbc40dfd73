//! The page's lazily loaded chunks: the first screen needs none of them, a chunk that cannot
//! be fetched is said so with a retry that works, and signing in brings everything the next
//! steps need, so an enrollment right after sign-in waits for no chunk.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::site::dist_dir;
use e2e::{Harness, Setup, TestResult};

/// The chunks folder of the built page (the release build is always split).
const CHUNKS: &str = "/chunks/";
/// What an outage of every chunk names (their loader is part of the first load).
const CHUNK_FILES: &str = ".wasm";

/// The file names of the built page's chunks.
fn chunk_names() -> TestResult<Vec<String>> {
    let names: Vec<String> = std::fs::read_dir(dist_dir()?.join("chunks"))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(CHUNK_FILES))
        .collect();
    assert!(!names.is_empty(), "the built page has lazily loaded chunks");
    Ok(names)
}

/// Chunk files the page has fetched so far.
async fn chunk_fetches(h: &Harness) -> TestResult<Vec<String>> {
    let urls = h.browser.fetched_urls().await?;
    Ok(urls.into_iter().filter(|u| u.contains(CHUNKS)).collect())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_screen_needs_no_chunk_and_a_failed_sign_in_chunk_can_be_retried() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    // Every chunk fails (the page's own module is a wasm file too: it is let through).
    for chunk in chunk_names()? {
        h.site.outage.fail(&chunk);
    }
    h.open_app().await?;
    // Every chunk fails, and still the first screen is there and usable.
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser
        .wait_text("#mfa-error", "Part of this page could not be loaded.")
        .await?;
    h.browser.wait_text("#mfa-error", "reload the page").await?;
    // The network is back: the same button now signs in.
    h.site.outage.end();
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_signed_in_screen_that_cannot_load_offers_a_retry_that_works() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    // Only the signed-in part fails: signing in works, the list cannot be shown.
    h.site.outage.fail("split_manage");
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser
        .wait_text(
            "#mfa-part-unavailable",
            "Part of this page could not be loaded.",
        )
        .await?;
    // Trying again while it still fails says the same; once it answers, the list comes.
    h.browser.click("#mfa-part-retry").await?;
    h.browser
        .wait_text(
            "#mfa-part-unavailable",
            "Part of this page could not be loaded.",
        )
        .await?;
    h.site.outage.end();
    h.browser.click("#mfa-part-retry").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_enrollment_right_after_sign_in_waits_for_no_chunk() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.tenant_login("new@example.com").await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let before = chunk_fetches(&h).await?;
    assert!(
        before.iter().any(|u| u.contains("split_manage")),
        "the signed-in part came as a chunk: {before:?}"
    );
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("svg.mfa-qr").await?;
    h.browser.find("#mfa-otp-secret").await?;
    let after = chunk_fetches(&h).await?;
    assert_eq!(
        before, after,
        "the enrollment panel needed no chunk fetched after sign-in"
    );
    h.finish().await
}
