//! What a verified ceremony hands the tenant to store (a new passkey) and what it needs back
//! to check a sign-in (the stored passkey).

use serde::{Deserialize, Serialize};

/// `credential_device_type` of a passkey in the My Account API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialDeviceType {
    /// Bound to one authenticator (BE flag clear).
    SingleDevice,
    /// May be synced between devices (BE flag set).
    MultiDevice,
}

impl CredentialDeviceType {
    /// `single_device` or `multi_device`, as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SingleDevice => "single_device",
            Self::MultiDevice => "multi_device",
        }
    }
}

/// A credential whose registration passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewCredential {
    /// The credential id (`key_id`).
    pub credential_id: Vec<u8>,
    /// The COSE_Key bytes exactly as the authenticator sent them (`public_key`).
    pub public_key: Vec<u8>,
    /// The COSE algorithm: -7 (ES256), -8 (EdDSA) or -257 (RS256).
    pub algorithm: i64,
    /// The authenticator model; all zero when attestation is `none` and the browser hides it.
    pub aaguid: [u8; 16],
    /// The signature counter at creation.
    pub sign_count: u32,
    /// BE: the credential may be synced.
    pub backup_eligible: bool,
    /// BS: the credential is synced now.
    pub backed_up: bool,
    /// UV: the user was verified while creating it.
    pub user_verified: bool,
    /// The transports the browser reported.
    pub transports: Vec<String>,
}

impl NewCredential {
    /// Multi-device when backup eligible, single-device otherwise.
    pub fn device_type(&self) -> CredentialDeviceType {
        if self.backup_eligible {
            CredentialDeviceType::MultiDevice
        } else {
            CredentialDeviceType::SingleDevice
        }
    }
}

/// A stored passkey as a sign-in check needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredCredential<'a> {
    /// The credential id.
    pub credential_id: &'a [u8],
    /// The COSE_Key bytes stored at registration.
    pub public_key: &'a [u8],
    /// The signature counter last seen.
    pub sign_count: u32,
}
