//! Demo mode: the whole journey runs on the in-page tenant with the network switched off.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{ConfigFile, Harness, Setup, TestResult};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_full_journey_offline() -> TestResult {
    // No config.json at all: `?demo` needs none.
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Missing),
        ..Setup::default()
    })
    .await?;
    h.browser.open(&format!("{}?demo", h.site.url)).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser.wait_text("#mfa-demo-panel", "Demo mode").await?;
    // The list comes from the demo tenant module, so it has loaded once the list shows.
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    let loaded = h.browser.fetched_urls().await?.len();
    h.browser.set_offline(true).await?;

    // Authenticator app, with a code computed from the page's setup key and the real clock
    // (the unused emulator's clock is real time too).
    h.enroll_authenticator_app().await?;

    // A phone: the "sent" code appears in the demo panel.
    h.browser.click("#mfa-add-phone").await?;
    h.send_code("+44 20 7946 0958", "+442079460958").await?;
    h.enter_oob_code(&h.demo_code("sms").await?).await?;
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    h.browser.wait_text(".mfa-factor", "0958").await?;

    // Push, approved from the demo panel.
    h.browser.click("#mfa-add-push").await?;
    h.browser.wait_text("#mfa-push-waiting", "Waiting").await?;
    h.browser
        .click(".mfa-demo-message[data-channel=push] .mfa-demo-approve")
        .await?;
    h.browser
        .wait_text("#mfa-announce", "Push notifications added.")
        .await?;

    // Remove the phone (and its voice twin).
    let phone_remove = h
        .browser
        .find(".mfa-factor[data-active=true] [data-remove^='sms|']")
        .await?;
    phone_remove.click().await?;
    h.browser.wait_text("#mfa-remove-text", "voice").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser.wait_text("#mfa-announce", "Removed").await?;

    h.browser.click("#mfa-done").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser.wait_text("#mfa-note", "Demo mode").await?;
    assert_eq!(
        h.browser.fetched_urls().await?.len(),
        loaded,
        "nothing was fetched after loading"
    );
    h.browser.set_offline(false).await?;
    h.finish().await
}
