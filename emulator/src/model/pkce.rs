//! PKCE (RFC 7636) with the S256 method, the only one Auth0 supports.

use data_encoding::BASE64URL_NOPAD;
use sha2::{Digest, Sha256};

use crate::model::totp::constant_time_eq;

/// `BASE64URL(SHA256(verifier))` without padding.
pub fn challenge_s256(verifier: &str) -> String {
    BASE64URL_NOPAD.encode(&Sha256::digest(verifier.as_bytes()))
}

/// Whether `verifier` matches the S256 `challenge`.
pub fn verify_s256(verifier: &str, challenge: &str) -> bool {
    constant_time_eq(challenge_s256(verifier).as_bytes(), challenge.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc7636_appendix_b_vector() {
        let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        assert_eq!(challenge_s256(verifier), challenge);
        assert!(verify_s256(verifier, challenge));
        assert!(!verify_s256(
            "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXK",
            challenge
        ));
    }
}
