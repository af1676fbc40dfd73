//! The MFA API's data as it travels on the wire (protocol §6–§8), and the requests built from
//! the user's choices.

use serde::{Deserialize, Serialize};

/// An authenticator id such as `totp|dev_nELLU4PFUiTW6iWs`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(transparent)]
pub struct AuthenticatorId(pub String);

/// One entry of `GET /mfa/authenticators`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Authenticator {
    /// `<kind>|dev_<id>`.
    pub id: AuthenticatorId,
    /// `otp`, `oob` or `recovery-code`.
    pub authenticator_type: String,
    /// `false` while an enrollment is not confirmed.
    #[serde(default)]
    pub active: bool,
    /// For `oob`: `sms`, `voice`, `email` or `auth0` (push).
    #[serde(default)]
    pub oob_channel: Option<String>,
    /// Masked phone number or email, or the push device's name.
    #[serde(default)]
    pub name: Option<String>,
    /// Factor family (`otp`, `phone`, `email`, `push-notification`, `recovery-code`); not
    /// always present.
    #[serde(default, rename = "type")]
    pub family: Option<String>,
    /// The name the user gave the method, where the backend keeps one (My Account API).
    #[serde(skip)]
    pub nickname: Option<String>,
    /// When it was enrolled (ISO 8601), where the backend says.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When it last passed a sign-in (ISO 8601), where the backend says.
    #[serde(default, rename = "last_auth_at")]
    pub last_used_at: Option<String>,
    /// What a passkey's record tells about it (`None` for every other kind).
    #[serde(skip)]
    pub passkey: Option<PasskeyInfo>,
    /// Whether the backend can rename it.
    #[serde(skip)]
    pub renamable: bool,
    /// A push listed without its authenticator-app twin (the My Account API hides the twin).
    #[serde(skip)]
    pub twin_hidden: bool,
}

/// What a passkey's record tells the user about it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasskeyInfo {
    /// The authenticator model's AAGUID (`ea9b8d66-…`), which names its provider.
    pub aaguid: Option<String>,
    /// Backed up to the provider's account (synced to the user's other devices) rather than
    /// bound to one device.
    pub synced: bool,
    /// The browser's user agent when it was created, which names the device.
    pub user_agent: Option<String>,
}

/// A passkey enrollment started at the tenant: the WebAuthn creation options to hand to the
/// browser, and the session that ties the browser's answer to it.
#[derive(Clone, PartialEq, Eq)]
pub struct PasskeyChallenge {
    /// The tenant's `auth_session`.
    pub session: String,
    /// `PublicKeyCredentialCreationOptions` as JSON, binary members base64url-encoded.
    pub options: String,
}

impl std::fmt::Debug for PasskeyChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasskeyChallenge(***)")
    }
}

/// What the user wants to enroll (`POST /mfa/associate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Associate {
    /// Authenticator app (TOTP).
    Otp,
    /// Text message to an E.164 number.
    Sms(String),
    /// Phone call to an E.164 number.
    Voice(String),
    /// Email to an address.
    Email(String),
    /// Guardian push notifications.
    Push,
}

/// The members of an associate request body.
#[derive(Serialize)]
struct AssociateBody<'a> {
    authenticator_types: [&'static str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    oob_channels: Option<[&'static str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

impl Associate {
    /// The JSON body of the associate request.
    pub fn body(&self) -> String {
        let (kind, channel, phone_number, email) = match self {
            Associate::Otp => ("otp", None, None, None),
            Associate::Sms(phone) => ("oob", Some("sms"), Some(phone.as_str()), None),
            Associate::Voice(phone) => ("oob", Some("voice"), Some(phone.as_str()), None),
            Associate::Email(email) => ("oob", Some("email"), None, Some(email.as_str())),
            Associate::Push => ("oob", Some("auth0"), None, None),
        };
        let body = AssociateBody {
            authenticator_types: [kind],
            oob_channels: channel.map(|c| [c]),
            phone_number,
            email,
        };
        // Only strings: serializing cannot fail.
        serde_json::to_string(&body).unwrap_or_default()
    }
}

/// The answer of `POST /mfa/associate`: what the user needs to finish the enrollment.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct Enrollment {
    /// `otp` or `oob`.
    pub authenticator_type: String,
    /// TOTP secret (base32), for `otp`.
    #[serde(default)]
    pub secret: Option<String>,
    /// `otpauth://` URI for the QR code (TOTP and push).
    #[serde(default)]
    pub barcode_uri: Option<String>,
    /// Recovery code(s), only on the user's first enrollment.
    #[serde(default)]
    pub recovery_codes: Vec<String>,
    /// For `oob`: the channel.
    #[serde(default)]
    pub oob_channel: Option<String>,
    /// For `oob`: the code to confirm with.
    #[serde(default)]
    pub oob_code: Option<String>,
    /// `prompt` when the user must type a code from the message.
    #[serde(default)]
    pub binding_method: Option<String>,
}

impl std::fmt::Debug for Enrollment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret, OOB code and recovery code are credentials: never printed.
        f.debug_struct("Enrollment")
            .field("authenticator_type", &self.authenticator_type)
            .field("oob_channel", &self.oob_channel)
            .field("binding_method", &self.binding_method)
            .finish_non_exhaustive()
    }
}

/// How an enrollment is confirmed at `/oauth/token`.
#[derive(Clone, PartialEq, Eq)]
pub enum Confirm {
    /// `mfa-otp` with the 6-digit code from the authenticator app.
    Otp {
        /// The code the user typed.
        otp: String,
    },
    /// `mfa-oob` with the associate response's `oob_code` and, for SMS/voice/email, the code
    /// the user received (push has none and is polled).
    Oob {
        /// From the associate response.
        oob_code: String,
        /// The code from the message, if the channel uses one.
        binding_code: Option<String>,
    },
}

impl std::fmt::Debug for Confirm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Confirm::Otp { .. } => "Confirm::Otp(***)",
            Confirm::Oob { .. } => "Confirm::Oob(***)",
        })
    }
}

/// A confirmed enrollment.
#[derive(Clone, Default, PartialEq, Eq, Deserialize)]
pub struct Confirmed {
    /// A new recovery code, when the tenant rotates one.
    #[serde(default)]
    pub recovery_code: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    #[test]
    fn associate_bodies_are_the_protocol_shapes() {
        let body = |a: Associate| serde_json::from_str::<Value>(&a.body()).unwrap();
        assert_eq!(
            body(Associate::Otp),
            json!({"authenticator_types": ["otp"]})
        );
        assert_eq!(
            body(Associate::Sms("+14155550100".into())),
            json!({"authenticator_types": ["oob"], "oob_channels": ["sms"], "phone_number": "+14155550100"})
        );
        assert_eq!(
            body(Associate::Voice("+14155550100".into())),
            json!({"authenticator_types": ["oob"], "oob_channels": ["voice"], "phone_number": "+14155550100"})
        );
        assert_eq!(
            body(Associate::Email("me@example.org".into())),
            json!({"authenticator_types": ["oob"], "oob_channels": ["email"], "email": "me@example.org"})
        );
        assert_eq!(
            body(Associate::Push),
            json!({"authenticator_types": ["oob"], "oob_channels": ["auth0"]})
        );
    }
}
