//! Demo mode: the whole journey runs on the in-page tenant with the network switched off, and
//! every screen of it says it is a demonstration.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{ConfigFile, Harness, Setup, TestResult};

/// The demonstration banner's words (English).
const BANNER: &str = "Demonstration: nothing here comes from your real account.";

/// Waits for the demonstration banner at the top of the page, visible (WebDriver reads the
/// text of visible elements only), and fails naming `screen` if it is not there.
async fn banner_on(h: &Harness, screen: &str) -> TestResult {
    banner_in(h, screen, ".mfa-manager > .mfa-demo-banner").await
}

/// As [`banner_on`], for the banner matching `css`.
async fn banner_in(h: &Harness, screen: &str, css: &str) -> TestResult {
    let text = h
        .browser
        .wait_text(css, BANNER)
        .await
        .map_err(|e| format!("{screen}: no demonstration banner: {e}"))?;
    assert!(text.contains("invented"), "{screen}: {text}");
    Ok(())
}

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
    banner_on(&h, "list").await?;
    let note: Option<String> = h
        .browser
        .eval("return document.querySelector('.mfa-demo-banner').getAttribute('role');")
        .await?;
    assert_eq!(
        note.as_deref(),
        Some("note"),
        "read in place, not announced as an alert"
    );
    // The list comes from the demo tenant module, so it has loaded once the list shows.
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    let loaded = h.browser.fetched_urls().await?.len();
    h.browser.set_offline(true).await?;

    // Authenticator app, with a code computed from the page's setup key and the real clock
    // (the unused emulator's clock is real time too).
    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    banner_on(&h, "authenticator app panel").await?;
    h.verify_app_code().await?;
    h.browser.find("#mfa-recovery-code").await?;
    banner_on(&h, "recovery code").await?;
    h.save_recovery_code().await?;
    h.browser
        .wait_text("#mfa-announce", "Authenticator app added.")
        .await?;

    // A phone: the "sent" code appears in the demo panel.
    h.browser.click("#mfa-add-phone").await?;
    banner_on(&h, "phone panel").await?;
    h.send_code("+44 20 7946 0958", "+442079460958").await?;
    h.enter_oob_code(&h.demo_code("sms").await?).await?;
    h.browser.wait_text("#mfa-announce", "Phone added.").await?;
    h.browser.wait_text(".mfa-factor", "0958").await?;

    // An email address, with the code from the demo panel.
    h.browser.click("#mfa-add-email").await?;
    banner_on(&h, "email panel").await?;
    h.send_code("jane@example.org", "jane@example.org").await?;
    h.enter_oob_code(&h.demo_code("email").await?).await?;
    h.browser.wait_text("#mfa-announce", "Email added.").await?;

    // Push, approved from the demo panel.
    h.browser.click("#mfa-add-push").await?;
    h.browser.wait_text("#mfa-push-waiting", "Waiting").await?;
    banner_on(&h, "push panel").await?;
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
    // The dialog covers the page, so it says it again inside itself.
    banner_in(&h, "removal dialog", "[role=alertdialog] .mfa-demo-banner").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser.wait_text("#mfa-announce", "Removed").await?;

    h.browser.click("#mfa-done").await?;
    h.browser.wait_text("#mfa-finished", "All set").await?;
    h.browser.wait_text("#mfa-note", "Demo mode").await?;
    banner_on(&h, "finished").await?;
    assert_eq!(
        h.browser.fetched_urls().await?.len(),
        loaded,
        "nothing was fetched after loading"
    );
    h.browser.set_offline(false).await?;
    h.finish().await
}

/// `?demo&api=my-account`: the second backend's screens on the in-page tenant, offline —
/// enroll, rename, a recovery code on request, and removal naming the ways left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_on_the_my_account_api_offline() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Missing),
        ..Setup::default()
    })
    .await?;
    h.browser
        .open(&format!("{}?demo&api=my-account", h.site.url))
        .await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.browser.find("#mfa-add-passkey").await?;
    h.browser.set_offline(true).await?;
    h.browser.click("#mfa-add-app").await?;
    h.verify_app_code().await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Not used yet")
        .await?;
    h.rename("button[id^='mfa-rename-totp']", "Phone app")
        .await?;
    h.browser
        .wait_text("#mfa-announce", "Renamed to Phone app.")
        .await?;
    h.browser.click("#mfa-add-recovery").await?;
    h.save_recovery_code().await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    h.browser.click("button[data-remove^='totp|']").await?;
    h.browser
        .wait_text("#mfa-ways-left", "Recovery code")
        .await?;
    banner_in(&h, "removal dialog", ".mfa-dialog .mfa-demo-banner").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Phone app")
        .await?;
    h.finish().await
}

/// A passkey in demo mode: the in-page tenant runs the ceremony's server side for the page
/// it is in (served on `localhost`, as WebAuthn refuses IP addresses).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_mode_adds_a_passkey_on_the_my_account_api() -> TestResult {
    let h = Harness::start(Setup {
        config: Some(ConfigFile::Missing),
        on_custom_domain: true,
        ..Setup::default()
    })
    .await?;
    h.browser.add_passkey_provider(true).await?;
    h.browser
        .open(&format!("{}?demo&api=my-account", h.site.url))
        .await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.browser.click("#mfa-add-passkey").await?;
    h.browser.click("#mfa-create-passkey").await?;
    h.browser.wait_text("#mfa-announce", "added").await?;
    let row = h
        .browser
        .wait_text(".mfa-factor", "Synced to your devices")
        .await?;
    assert!(row.contains("Chromium virtual authenticator"), "{row}");
    h.finish().await
}
