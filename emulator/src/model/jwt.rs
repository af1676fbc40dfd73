//! Compact JWS framing (`header.payload.signature`, base64url). The signature algorithm is
//! supplied by the caller so the model stays free of RSA.

use data_encoding::BASE64URL_NOPAD;
use serde::de::DeserializeOwned;
use serde::Serialize;

/// A token split into its parts, signature not yet checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The decoded header as JSON.
    pub header: serde_json::Value,
    /// The raw decoded payload.
    pub payload: Vec<u8>,
    /// `base64url(header) + "." + base64url(payload)`: the bytes that were signed.
    pub signing_input: &'a str,
    /// The decoded signature.
    pub signature: Vec<u8>,
}

/// `base64url(header).base64url(claims)`: the signing input of a new token.
pub fn signing_input<H: Serialize, C: Serialize>(header: &H, claims: &C) -> Option<String> {
    let header = serde_json::to_vec(header).ok()?;
    let claims = serde_json::to_vec(claims).ok()?;
    Some(format!(
        "{}.{}",
        BASE64URL_NOPAD.encode(&header),
        BASE64URL_NOPAD.encode(&claims)
    ))
}

/// Appends the signature to a signing input.
pub fn assemble(signing_input: &str, signature: &[u8]) -> String {
    format!("{signing_input}.{}", BASE64URL_NOPAD.encode(signature))
}

/// Splits a compact token; `None` for anything that is not three base64url parts with a JSON
/// header.
pub fn split(token: &str) -> Option<Parts<'_>> {
    let (signing_input, signature) = token.rsplit_once('.')?;
    let (header, payload) = signing_input.split_once('.')?;
    let header = BASE64URL_NOPAD.decode(header.as_bytes()).ok()?;
    let header = serde_json::from_slice(&header).ok()?;
    Some(Parts {
        header,
        payload: BASE64URL_NOPAD.decode(payload.as_bytes()).ok()?,
        signing_input,
        signature: BASE64URL_NOPAD.decode(signature.as_bytes()).ok()?,
    })
}

/// Decodes a payload into claims.
pub fn claims<C: DeserializeOwned>(parts: &Parts<'_>) -> Option<C> {
    serde_json::from_slice(&parts.payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_garbage() {
        let input = signing_input(
            &serde_json::json!({"alg":"none"}),
            &serde_json::json!({"sub":"x"}),
        )
        .unwrap();
        let token = assemble(&input, b"sig");
        let parts = split(&token).unwrap();
        assert_eq!(parts.signing_input, input);
        assert_eq!(parts.signature, b"sig");
        let claims: serde_json::Value = claims(&parts).unwrap();
        assert_eq!(claims["sub"], "x");
        assert!(split("garbage").is_none());
        assert!(split("a.b.c").is_none());
        assert!(split("Fe26.2*abc*def").is_none());
    }
}
