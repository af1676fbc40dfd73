//! Binary members of WebAuthn's JSON forms are base64url. Browsers and `toJSON()` send them
//! without padding; some libraries pad, so both are read.

use data_encoding::BASE64URL_NOPAD;

use super::error::WebAuthnError;

/// Unpadded base64url, as WebAuthn's JSON forms write binary members.
pub(crate) fn encode(bytes: &[u8]) -> String {
    BASE64URL_NOPAD.encode(bytes)
}

/// Decodes base64url with or without `=` padding; `field` names the member in the error.
pub(crate) fn decode(text: &str, field: &'static str) -> Result<Vec<u8>, WebAuthnError> {
    let unpadded = text
        .strip_suffix("==")
        .or_else(|| text.strip_suffix('='))
        .unwrap_or(text);
    BASE64URL_NOPAD
        .decode(unpadded.as_bytes())
        .map_err(|_| WebAuthnError::MalformedBase64 { field })
}
