//! RS256 signing and verification of the tenant's JWTs, and the JWKS that publishes the key.

use data_encoding::BASE64URL_NOPAD;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::DecodePrivateKey;
use rsa::signature::{SignatureEncoding, Signer as _, Verifier as _};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::model::jwt;

/// The emulator's signing key: a PUBLIC, TEST-ONLY 2048-bit RSA key committed to the
/// repository on purpose (generating one at start-up is slow in debug builds). Anything it
/// signs is worthless outside local development.
const DEV_SIGNING_KEY_PEM: &str = include_str!("dev_signing_key.pem");

/// Signs and verifies RS256 JWTs with one key, identified by `kid`.
#[derive(Debug, Clone)]
pub struct Signer {
    signing: SigningKey<Sha256>,
    verifying: VerifyingKey<Sha256>,
    kid: String,
    jwk: Value,
}

impl Signer {
    /// The signer for the embedded development key.
    pub fn dev() -> Result<Self, String> {
        let key = RsaPrivateKey::from_pkcs8_pem(DEV_SIGNING_KEY_PEM).map_err(|e| e.to_string())?;
        Ok(Self::from_key(key))
    }

    fn from_key(key: RsaPrivateKey) -> Self {
        let public = key.to_public_key();
        let n = public.n().to_bytes_be();
        let e = public.e().to_bytes_be();
        let kid = BASE64URL_NOPAD.encode(&Sha256::digest(&n)[..16]);
        let jwk = json!({
            "kty": "RSA",
            "use": "sig",
            "alg": "RS256",
            "kid": kid,
            "n": BASE64URL_NOPAD.encode(&n),
            "e": BASE64URL_NOPAD.encode(&e),
        });
        Self {
            signing: SigningKey::new(key),
            verifying: VerifyingKey::new(public),
            kid,
            jwk,
        }
    }

    /// A compact RS256 JWT of `claims`.
    pub fn sign<C: Serialize>(&self, claims: &C) -> String {
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": self.kid});
        // Serializing plain claim structs cannot fail.
        let input = jwt::signing_input(&header, claims).unwrap_or_default();
        let signature = self.signing.sign(input.as_bytes()).to_vec();
        jwt::assemble(&input, &signature)
    }

    /// The claims of a token this signer issued; `None` for anything else (garbage, another
    /// key or algorithm, a bad signature, claims of another shape).
    pub fn verify<C: DeserializeOwned>(&self, token: &str) -> Option<C> {
        let parts = jwt::split(token)?;
        if parts.header.get("alg") != Some(&json!("RS256"))
            || parts.header.get("kid") != Some(&json!(self.kid))
        {
            return None;
        }
        let signature = Signature::try_from(parts.signature.as_slice()).ok()?;
        self.verifying
            .verify(parts.signing_input.as_bytes(), &signature)
            .ok()?;
        jwt::claims(&parts)
    }

    /// `{"keys":[…]}` for `/.well-known/jwks.json`.
    pub fn jwks(&self) -> Value {
        json!({ "keys": [self.jwk] })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_and_verifies_and_refuses_tampering() {
        let signer = Signer::dev().unwrap();
        let token = signer.sign(&json!({"sub": "u", "exp": 1}));
        let claims: Value = signer.verify(&token).unwrap();
        assert_eq!(claims["sub"], "u");
        let mut tampered = token.clone();
        tampered.insert(token.find('.').unwrap() + 2, 'A');
        assert!(signer.verify::<Value>(&tampered).is_none());
        assert!(signer.verify::<Value>("garbage").is_none());
        assert_eq!(signer.jwks()["keys"][0]["kid"], signer.kid);
    }
}
