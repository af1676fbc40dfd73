//! A passkey in the browser without a person or a device: the W3C WebDriver extension for
//! WebAuthn (`addVirtualAuthenticator`, `addCredential`) gives the browser a virtual
//! authenticator holding a credential the test chose, which answers
//! `navigator.credentials.get/create` at once (user present and verified).

use crate::browser::Browser;
use crate::TestResult;
use data_encoding::BASE64URL_NOPAD;
use serde_json::json;

/// PKCS #8 wrapping of a P-256 private key (RFC 5915 `ECPrivateKey` without the optional
/// public key): this prefix, then the 32-byte scalar.
const P256_PKCS8_PREFIX: [u8; 35] = [
    0x30, 0x41, 0x02, 0x01, 0x00, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01,
    0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x04, 0x27, 0x30, 0x25, 0x02, 0x01,
    0x01, 0x04, 0x20,
];

/// A discoverable credential to put into the virtual authenticator.
pub struct VirtualCredential<'a> {
    /// The credential id.
    pub id: &'a [u8],
    /// The P-256 private key's scalar.
    pub p256_secret: &'a [u8; 32],
    /// The relying party it belongs to.
    pub rp_id: &'a str,
    /// The WebAuthn user handle.
    pub user_handle: &'a [u8],
}

impl Browser {
    /// Adds a virtual CTAP2 platform authenticator that verifies its user and keeps
    /// discoverable credentials; returns its id.
    pub async fn add_virtual_authenticator(&self) -> TestResult<String> {
        let options = json!({
            "protocol": "ctap2",
            "transport": "internal",
            "hasResidentKey": true,
            "hasUserVerification": true,
            "isUserConsenting": true,
            "isUserVerified": true,
        });
        let value = self.command("webauthn/authenticator", options).await?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("no authenticator id in {value}").into())
    }

    /// Adds a virtual CTAP2 platform authenticator that verifies its user and keeps
    /// discoverable credentials, which it marks as backed up (synced, like a password
    /// manager's) or not (bound to this device); returns its id.
    pub async fn add_passkey_provider(&self, synced: bool) -> TestResult<String> {
        let options = json!({
            "protocol": "ctap2",
            "transport": "internal",
            "hasResidentKey": true,
            "hasUserVerification": true,
            "isUserConsenting": true,
            "isUserVerified": true,
            "defaultBackupEligibility": synced,
            "defaultBackupState": synced,
        });
        let value = self.command("webauthn/authenticator", options).await?;
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("no authenticator id in {value}").into())
    }

    /// Puts `credential` into the virtual authenticator `authenticator`.
    pub async fn add_credential(
        &self,
        authenticator: &str,
        credential: &VirtualCredential<'_>,
    ) -> TestResult {
        let mut pkcs8 = P256_PKCS8_PREFIX.to_vec();
        pkcs8.extend_from_slice(credential.p256_secret);
        let body = json!({
            "credentialId": BASE64URL_NOPAD.encode(credential.id),
            "isResidentCredential": true,
            "rpId": credential.rp_id,
            "privateKey": BASE64URL_NOPAD.encode(&pkcs8),
            "userHandle": BASE64URL_NOPAD.encode(credential.user_handle),
            "signCount": 0,
        });
        self.command(
            &format!("webauthn/authenticator/{authenticator}/credential"),
            body,
        )
        .await
        .map(drop)
    }
}
