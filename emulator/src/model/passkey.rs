//! A passkey as the tenant stores it: the WebAuthn credential and what the browser reported
//! about it when it was created.

/// A stored WebAuthn credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passkey {
    /// The credential id (`key_id`, base64url on the wire).
    pub credential_id: Vec<u8>,
    /// The COSE public key (`public_key`, base64url on the wire).
    pub public_key: Vec<u8>,
    /// The COSE algorithm (-7, -8 or -257).
    pub algorithm: i64,
    /// The authenticator model (`aaguid`).
    pub aaguid: [u8; 16],
    /// The signature counter last seen.
    pub sign_count: u32,
    /// Whether the credential may be synced (backup eligible): `multi_device`.
    pub backup_eligible: bool,
    /// Whether it is backed up (synced) now.
    pub backed_up: bool,
    /// Transports the browser reported (`internal`, `hybrid`, `usb`, …).
    pub transports: Vec<String>,
    /// The `User-Agent` of the browser that created it.
    pub user_agent: Option<String>,
    /// The relying-party id it is bound to.
    pub relying_party_id: String,
    /// The WebAuthn user handle (`user.id` of the creation options).
    pub user_handle: Vec<u8>,
}

impl Passkey {
    /// `single_device` or `multi_device`, from the backup-eligible flag.
    pub fn device_type(&self) -> &'static str {
        if self.backup_eligible {
            "multi_device"
        } else {
            "single_device"
        }
    }

    /// The AAGUID in its usual 8-4-4-4-12 hexadecimal form.
    pub fn aaguid_text(&self) -> String {
        let hex: String = self.aaguid.iter().map(|b| format!("{b:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    }
}
