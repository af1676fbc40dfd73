//! Passkeys on the My Account API, in real Chromium with virtual authenticators (the W3C
//! WebDriver extension for WebAuthn): add one and see its provider and whether it is synced,
//! rename it from the keyboard, sign in with it at the tenant and see "last used" appear,
//! remove it through the lock-out dialog; a second passkey on the same authenticator is
//! refused with its own message. Page and tenant run on `localhost` (the tenant's custom
//! domain): WebAuthn refuses IP addresses as relying parties.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;
use serde_json::{json, Value};
use thirtyfour::Key;

async fn start() -> TestResult<Harness> {
    Harness::start(Setup {
        on_custom_domain: true,
        config_extra: json!({ "api": "my-account" }),
        ..Setup::default()
    })
    .await
}

/// The new user's passkeys as the tenant keeps them.
async fn passkeys(h: &Harness) -> TestResult<Vec<Value>> {
    let user = seed::NEW_USER_ID.replace('|', "%7C");
    let list = h
        .tenant
        .control("GET", &format!("users/{user}/passkeys"), None)
        .await?;
    Ok(list.as_array().cloned().unwrap_or_default())
}

/// Signs in as the new user and adds a passkey with the browser's authenticator.
async fn add_passkey(h: &Harness) -> TestResult {
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.browser.click("#mfa-add-passkey").await?;
    h.browser
        .wait_text("#mfa-add-passkey-title", "Add a passkey")
        .await?;
    h.browser.click("#mfa-create-passkey").await?;
    h.browser.wait_text("#mfa-announce", "added").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_synced_passkey_is_added_renamed_used_and_removed_safely() -> TestResult {
    let h = start().await?;
    h.browser.add_passkey_provider(true).await?;
    add_passkey(&h).await?;
    let row = h
        .browser
        .wait_text(".mfa-factor", "Synced to your devices")
        .await?;
    // Named after its provider, which the AAGUID of the browser's authenticator names.
    assert!(row.contains("Chromium virtual authenticator"), "{row}");
    assert!(row.contains("created with Chrome"), "{row}");
    assert!(row.contains("Not used yet"), "{row}");
    let stored = passkeys(&h).await?;
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0]["backed_up"], true, "{stored:?}");
    // The name is sent after the passkey is listed: the tenant has it a moment later.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while passkeys(&h).await?[0]["name"] != "Chromium virtual authenticator" {
        assert!(
            std::time::Instant::now() < deadline,
            "never named: {:?}",
            passkeys(&h).await?
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // Rename from the keyboard: Escape leaves the name, Enter saves the new one.
    h.tab_to("Rename").await?;
    h.press(Key::Enter).await?;
    assert!(h.focused_matches("mfa-rename-field").await?);
    h.type_text("Throwaway").await?;
    h.press(Key::Escape).await?;
    assert!(h.browser.is_absent("#mfa-rename-field").await?);
    assert!(h.focused_matches("Rename").await?, "focus back on Rename");
    h.press(Key::Enter).await?;
    h.browser
        .find("#mfa-rename-field")
        .await?
        .send_keys(Key::Control + "a")
        .await?;
    h.type_text("   ").await?;
    h.press(Key::Enter).await?;
    h.browser
        .wait_text("#mfa-rename-error", "Enter a name.")
        .await?;
    h.browser
        .find("#mfa-rename-field")
        .await?
        .send_keys(Key::Control + "a")
        .await?;
    h.type_text("Work laptop").await?;
    h.press(Key::Enter).await?;
    h.browser
        .wait_text("#mfa-announce", "Renamed to Work laptop.")
        .await?;
    h.browser
        .wait_text(".mfa-factor-title", "Work laptop")
        .await?;
    assert_eq!(passkeys(&h).await?[0]["name"], "Work laptop");

    // Sign in again with the passkey at the tenant: "last used" appears.
    h.browser.driver.delete_all_cookies().await?;
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    h.browser.find("#passkey").await?.click().await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    let row = h.browser.wait_text(".mfa-factor", "Last used").await?;
    assert!(row.contains("Work laptop"), "{row}");
    assert!(
        row.contains("Chromium virtual authenticator"),
        "the provider stays beside the new name: {row}"
    );
    assert!(passkeys(&h).await?[0]["last_auth_at"].is_string());

    // The only way in: removing it asks for its name, typed.
    h.browser.click("button[data-remove^='passkey|']").await?;
    h.browser
        .wait_text("#mfa-no-way-left", "your last way")
        .await?;
    assert!(h.browser.is_absent("#mfa-ways-left").await?);
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-confirm-name-error", "Work laptop")
        .await?;
    assert_eq!(passkeys(&h).await?.len(), 1, "nothing removed yet");
    h.browser
        .type_into("#mfa-confirm-name", "work laptop")
        .await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser
        .wait_text("#mfa-announce", "Removed Work laptop")
        .await?;
    assert!(passkeys(&h).await?.is_empty());
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_bound_passkey_says_so_and_a_second_one_on_it_is_refused() -> TestResult {
    let h = start().await?;
    h.browser.add_passkey_provider(false).await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    // From the keyboard: Tab to "Add a passkey", Enter, Tab to "Create a passkey", Enter.
    h.tab_to("Add a passkey").await?;
    h.press(Key::Enter).await?;
    h.browser
        .wait_text("#mfa-add-passkey-title", "Add a passkey")
        .await?;
    h.tab_to("Create a passkey").await?;
    h.press(Key::Enter).await?;
    h.browser.wait_text("#mfa-announce", "added").await?;
    h.browser
        .wait_text(".mfa-factor", "This device only")
        .await?;
    // The authenticator holds a passkey for this account already (excludeCredentials).
    h.browser.click("#mfa-add-passkey").await?;
    h.browser.click("#mfa-create-passkey").await?;
    h.browser
        .wait_text("#mfa-passkey-error", "already holds a passkey")
        .await?;
    assert_eq!(passkeys(&h).await?.len(), 1);
    // The enrollment the tenant started is reused by a retry: no second start.
    let starts_before = starts(&h).await?;
    h.browser.click("#mfa-create-passkey").await?;
    h.browser
        .wait_text("#mfa-passkey-error", "already holds a passkey")
        .await?;
    assert_eq!(starts(&h).await?, starts_before, "no write for a retry");
    h.finish().await
}

/// Enrollments started at the tenant so far.
async fn starts(h: &Harness) -> TestResult<usize> {
    Ok(h.tenant
        .calls()
        .await?
        .iter()
        .filter(|(method, path, _)| method == "POST" && path == "/me/v1/authentication-methods")
        .count())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_browser_without_webauthn_is_told_before_anything_is_sent() -> TestResult {
    let h = start().await?;
    h.open_app().await?;
    h.sign_in_new_user().await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.browser
        .eval::<Value>("delete window.PublicKeyCredential; return null")
        .await?;
    h.browser.click("#mfa-add-passkey").await?;
    h.browser.click("#mfa-create-passkey").await?;
    h.browser
        .wait_text("#mfa-passkey-error", "cannot create passkeys")
        .await?;
    assert_eq!(starts(&h).await?, 0, "no enrollment started");
    h.finish().await
}
