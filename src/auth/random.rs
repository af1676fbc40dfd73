//! Unpredictable values for a sign-in round trip: `state`, `nonce` and the PKCE verifier.

use super::error::AuthError;
use base64::Engine;

/// Bytes of randomness in each value: 256 bits, which base64url-encode to 43 characters (the
/// shortest PKCE verifier RFC 7636 allows).
const BYTES: usize = 32;

/// A fresh base64url value from the platform's cryptographic generator (`crypto.getRandomValues`
/// in the browser).
pub fn random_value() -> Result<String, AuthError> {
    let mut bytes = [0u8; BYTES];
    getrandom_02::getrandom(&mut bytes).map_err(|_| AuthError::NoRandomness)?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_43_url_safe_characters_and_differ() {
        let a = random_value().unwrap();
        let b = random_value().unwrap();
        assert_eq!(a.len(), 43);
        assert!(a
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_ne!(a, b);
    }
}
