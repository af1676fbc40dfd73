//! Enrolled authenticators, their ids, twins and how the MFA API lists them (§7).

use serde::Serialize;

use crate::model::masking::{mask_email, mask_phone};
use crate::model::passkey::Passkey;

/// What an authenticator is and the secret or address behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthenticatorKind {
    /// An authenticator app. `guardian` marks the TOTP twin created with a push enrollment.
    Otp {
        /// The raw TOTP key.
        secret: Vec<u8>,
        /// Created as the twin of a push enrollment.
        guardian: bool,
    },
    /// SMS to a phone number.
    Sms {
        /// E.164 number.
        phone: String,
    },
    /// Voice call to a phone number.
    Voice {
        /// E.164 number.
        phone: String,
    },
    /// Email with a code.
    Email {
        /// The address.
        address: String,
    },
    /// Push notification to the Guardian app.
    Push {
        /// Device name reported by the app.
        device_name: String,
    },
    /// A passkey (WebAuthn credential) enrolled through the My Account API: a way to sign in
    /// on its own, not a second factor, so the MFA API does not list it.
    Passkey(Box<Passkey>),
}

impl AuthenticatorKind {
    /// The id prefix (`totp`, `sms`, `voice`, `email`, `push`).
    pub fn id_prefix(&self) -> &'static str {
        match self {
            AuthenticatorKind::Otp { .. } => "totp",
            AuthenticatorKind::Sms { .. } => "sms",
            AuthenticatorKind::Voice { .. } => "voice",
            AuthenticatorKind::Email { .. } => "email",
            AuthenticatorKind::Push { .. } => "push",
            AuthenticatorKind::Passkey(_) => "passkey",
        }
    }

    /// Whether the MFA API sees it (everything but passkeys).
    pub fn is_mfa_factor(&self) -> bool {
        !matches!(self, AuthenticatorKind::Passkey(_))
    }

    /// Email factors do not count as "enrolled" for MFA enforcement. [doc]
    pub fn is_email(&self) -> bool {
        matches!(self, AuthenticatorKind::Email { .. })
    }
}

/// One enrolled authenticator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticator {
    /// `<kind>|dev_<16 alphanumerics>`.
    pub id: String,
    /// Kind and secret/address.
    pub kind: AuthenticatorKind,
    /// `false` until confirmed.
    pub active: bool,
    /// Unix time of the enrollment.
    pub created_at: u64,
    /// Twins (sms+voice, push+otp) share a group: confirmed and deleted together.
    pub group: u64,
    /// Last TOTP step accepted (codes are single use).
    pub last_totp_step: Option<u64>,
    /// The name the user gave it through the My Account API.
    pub name: Option<String>,
    /// Unix time it last passed a sign-in (`last_auth_at`).
    pub last_auth_at: Option<u64>,
    /// For a phone twin: the channel the My Account API reports as preferred.
    pub preferred: bool,
}

impl Authenticator {
    /// A new authenticator with no name, never used, its channel preferred.
    pub fn new(
        id: String,
        kind: AuthenticatorKind,
        active: bool,
        created_at: u64,
        group: u64,
    ) -> Self {
        Self {
            id,
            kind,
            active,
            created_at,
            group,
            last_totp_step: None,
            name: None,
            last_auth_at: None,
            preferred: true,
        }
    }

    /// The listing entry.
    pub fn view(&self) -> AuthenticatorView {
        let (authenticator_type, oob_channel, name, family) = match &self.kind {
            AuthenticatorKind::Otp { .. } => ("otp", None, None, "otp"),
            AuthenticatorKind::Sms { phone } => {
                ("oob", Some("sms"), Some(mask_phone(phone)), "phone")
            }
            AuthenticatorKind::Voice { phone } => {
                ("oob", Some("voice"), Some(mask_phone(phone)), "phone")
            }
            AuthenticatorKind::Email { address } => {
                ("oob", Some("email"), Some(mask_email(address)), "email")
            }
            AuthenticatorKind::Push { device_name } => (
                "oob",
                Some("auth0"),
                Some(device_name.clone()),
                "push-notification",
            ),
            AuthenticatorKind::Passkey(_) => ("passkey", None, None, "passkey"),
        };
        AuthenticatorView {
            id: self.id.clone(),
            authenticator_type,
            active: self.active,
            oob_channel,
            name,
            r#type: family,
        }
    }
}

/// An entry of `GET /mfa/authenticators`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthenticatorView {
    /// `<kind>|dev_<id>`.
    pub id: String,
    /// `otp`, `oob` or `recovery-code`.
    pub authenticator_type: &'static str,
    /// `false` while pending.
    pub active: bool,
    /// `sms`, `voice`, `email` or `auth0` for OOB authenticators.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oob_channel: Option<&'static str>,
    /// Masked phone/email or device name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Factor family: `otp`, `phone`, `email`, `push-notification`, `recovery-code`.
    #[serde(rename = "type")]
    pub r#type: &'static str,
}

impl AuthenticatorView {
    /// The recovery-code entry.
    pub fn recovery_code(id: &str) -> Self {
        Self {
            id: id.to_owned(),
            authenticator_type: "recovery-code",
            active: true,
            oob_channel: None,
            name: None,
            r#type: "recovery-code",
        }
    }

    /// An implicitly listed verified email.
    pub fn verified_email(id: String, address: &str) -> Self {
        Self {
            id,
            authenticator_type: "oob",
            active: true,
            oob_channel: Some("email"),
            name: Some(mask_email(address)),
            r#type: "email",
        }
    }
}

/// The stable id of a verified email listed implicitly: derived from the user and address so
/// it is the same in every listing. [inferred]
pub fn verified_email_id(user_id: &str, address: &str) -> String {
    use sha2::{Digest, Sha256};
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let digest = Sha256::digest(format!("{user_id}\n{}", address.to_ascii_lowercase()).as_bytes());
    let suffix: String = digest
        .iter()
        .take(16)
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect();
    format!("email|dev_{suffix}")
}

/// Whether `id` is well formed: `<prefix>|dev_<16 alphanumerics>`.
pub fn is_valid_id(id: &str) -> bool {
    id.split_once("|dev_").is_some_and(|(prefix, suffix)| {
        [
            "totp",
            "sms",
            "voice",
            "email",
            "push",
            "recovery-code",
            "passkey",
        ]
        .contains(&prefix)
            && suffix.len() == 16
            && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(kind: AuthenticatorKind) -> Authenticator {
        Authenticator::new(
            format!("{}|dev_AAAAAAAAAAAAAAAA", kind.id_prefix()),
            kind,
            true,
            0,
            1,
        )
    }

    #[test]
    fn views_match_the_listing_shapes() {
        let sms = auth(AuthenticatorKind::Sms {
            phone: "+14155552046".into(),
        })
        .view();
        assert_eq!(
            serde_json::to_value(&sms).unwrap(),
            serde_json::json!({"id":"sms|dev_AAAAAAAAAAAAAAAA","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXX2046","type":"phone"})
        );
        let otp = auth(AuthenticatorKind::Otp {
            secret: vec![1; 20],
            guardian: false,
        })
        .view();
        assert_eq!(
            serde_json::to_value(&otp).unwrap(),
            serde_json::json!({"id":"totp|dev_AAAAAAAAAAAAAAAA","authenticator_type":"otp","active":true,"type":"otp"})
        );
        let push = auth(AuthenticatorKind::Push {
            device_name: "Phone".into(),
        })
        .view();
        assert_eq!(push.oob_channel, Some("auth0"));
        assert_eq!(push.r#type, "push-notification");
    }

    #[test]
    fn verified_email_ids_are_stable_and_valid() {
        let a = verified_email_id("auth0|1", "a@b.c");
        assert_eq!(a, verified_email_id("auth0|1", "A@B.C"));
        assert_ne!(a, verified_email_id("auth0|2", "a@b.c"));
        assert!(is_valid_id(&a));
        assert!(!is_valid_id("totp|dev_short"));
        assert!(!is_valid_id("magic|dev_AAAAAAAAAAAAAAAA"));
    }
}
