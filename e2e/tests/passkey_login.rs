//! Signing in with a passkey at the emulated tenant's login page, in real Chromium with a
//! virtual authenticator holding the seeded user's passkey (the published test key).

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::virtual_authenticator::VirtualCredential;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::my_account::passkey_enroll::user_handle;
use mfa_emulator::model::seed;
use mfa_emulator::model::webauthn::test_passkey;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passkey_signs_in_without_password_or_second_factor_and_is_marked_used() -> TestResult {
    // Page and tenant on `localhost`: the passkey's relying party.
    let h = Harness::start(Setup {
        on_custom_domain: true,
        ..Setup::default()
    })
    .await?;
    let authenticator = h.browser.add_virtual_authenticator().await?;
    h.browser
        .add_credential(
            &authenticator,
            &VirtualCredential {
                id: &test_passkey::credential_id(),
                p256_secret: &test_passkey::SECRET_KEY,
                rp_id: "localhost",
                user_handle: &user_handle(seed::ENROLLED_USER_ID),
            },
        )
        .await?;
    let user = seed::ENROLLED_USER_ID.replace('|', "%7C");
    let before = h
        .tenant
        .control("GET", &format!("users/{user}/passkeys"), None)
        .await?;
    assert_eq!(
        before[0]["last_auth_at"],
        serde_json::Value::Null,
        "{before}"
    );
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?.click().await?;
    // The login page offers the passkey; the enrolled user would otherwise need a password
    // and a second factor.
    h.browser.find("#passkey").await?.click().await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text(".mfa-factor[data-active=true]", "Authenticator app")
        .await?;
    let after = h
        .tenant
        .control("GET", &format!("users/{user}/passkeys"), None)
        .await?;
    assert_eq!(after[0]["id"], seed::ENROLLED_PASSKEY_ID, "{after}");
    assert!(after[0]["last_auth_at"].is_string(), "{after}");
    h.finish().await
}
