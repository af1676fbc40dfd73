//! `clientDataJSON`: what the browser says about the ceremony (which one, the challenge, the
//! origin), checked against what the tenant expects.

use serde::Deserialize;

use super::base64url;
use super::error::WebAuthnError;
use super::expected::Expected;

/// The two WebAuthn ceremonies, as named in the client data's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ceremony {
    /// Registration: `navigator.credentials.create()`.
    Create,
    /// Sign-in: `navigator.credentials.get()`.
    Get,
}

impl Ceremony {
    /// The client data `type` of this ceremony.
    pub(crate) fn client_data_type(self) -> &'static str {
        match self {
            Self::Create => "webauthn.create",
            Self::Get => "webauthn.get",
        }
    }
}

/// The members of `CollectedClientData` the tenant checks; others (`topOrigin`, token
/// binding, extensions) are ignored.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CollectedClientData {
    #[serde(rename = "type")]
    ceremony: String,
    challenge: String,
    origin: String,
    #[serde(default)]
    cross_origin: Option<bool>,
}

/// Checks the raw `clientDataJSON` bytes: the ceremony's type, the issued challenge (as bytes),
/// an allowed origin, and that it did not run in a cross-origin frame.
pub(crate) fn check_client_data(
    client_data_json: &[u8],
    ceremony: Ceremony,
    expected: &Expected<'_>,
) -> Result<(), WebAuthnError> {
    let data: CollectedClientData =
        serde_json::from_slice(client_data_json).map_err(|_| WebAuthnError::MalformedClientData)?;
    if data.ceremony != ceremony.client_data_type() {
        return Err(WebAuthnError::WrongCeremony {
            expected: ceremony.client_data_type(),
            received: data.ceremony,
        });
    }
    if base64url::decode(&data.challenge, "clientDataJSON.challenge")? != expected.challenge {
        return Err(WebAuthnError::WrongChallenge);
    }
    if !expected.allowed_origins.contains(&data.origin) {
        return Err(WebAuthnError::WrongOrigin {
            origin: data.origin,
        });
    }
    if data.cross_origin == Some(true) {
        return Err(WebAuthnError::CrossOrigin);
    }
    Ok(())
}
