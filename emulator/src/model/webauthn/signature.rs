//! Signature checks for the three passkey algorithms, behind the `webauthn-signatures` feature:
//! the demo-mode wasm build leaves the curve and RSA code out and refuses every signature with
//! [`WebAuthnError::SignaturesUnavailable`].

use sha2::{Digest, Sha256};

use super::cose::KeyMaterial;
use super::error::WebAuthnError;

/// What authenticators sign in both ceremonies: authenticator data || SHA-256(clientDataJSON).
pub(crate) fn signed_data(auth_data: &[u8], client_data_json: &[u8]) -> Vec<u8> {
    [auth_data, Sha256::digest(client_data_json).as_slice()].concat()
}

/// Checks that the key is usable (a point on its curve, a sane RSA key) before it is stored.
#[cfg(feature = "webauthn-signatures")]
pub(crate) fn check_key(key: &KeyMaterial) -> Result<(), WebAuthnError> {
    match key {
        KeyMaterial::P256(point) => p256_key(point).map(drop),
        KeyMaterial::Ed25519(bytes) => ed25519_key(bytes).map(drop),
        KeyMaterial::Rsa { n, e } => rsa_key(n, e).map(drop),
    }
}

/// Without signature code the key can only be taken as sent.
#[cfg(not(feature = "webauthn-signatures"))]
pub(crate) fn check_key(_key: &KeyMaterial) -> Result<(), WebAuthnError> {
    Ok(())
}

/// Checks `signature` over `message`: ES256 DER, EdDSA raw 64 bytes, RS256 PKCS#1 v1.5.
#[cfg(feature = "webauthn-signatures")]
pub(crate) fn verify(
    key: &KeyMaterial,
    message: &[u8],
    signature: &[u8],
) -> Result<(), WebAuthnError> {
    use p256::ecdsa::signature::Verifier as _;

    let bad = |_| WebAuthnError::BadSignature;
    match key {
        KeyMaterial::P256(point) => {
            let signature = p256::ecdsa::Signature::from_der(signature).map_err(bad)?;
            p256_key(point)?.verify(message, &signature).map_err(bad)
        }
        KeyMaterial::Ed25519(bytes) => {
            let signature = ed25519_dalek::Signature::from_slice(signature).map_err(bad)?;
            ed25519_key(bytes)?
                .verify_strict(message, &signature)
                .map_err(bad)
        }
        KeyMaterial::Rsa { n, e } => {
            let signature = rsa::pkcs1v15::Signature::try_from(signature).map_err(bad)?;
            rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(rsa_key(n, e)?)
                .verify(message, &signature)
                .map_err(bad)
        }
    }
}

/// Without signature code every signature is refused as unchecked.
#[cfg(not(feature = "webauthn-signatures"))]
pub(crate) fn verify(
    _key: &KeyMaterial,
    _message: &[u8],
    _signature: &[u8],
) -> Result<(), WebAuthnError> {
    Err(WebAuthnError::SignaturesUnavailable)
}

#[cfg(feature = "webauthn-signatures")]
fn p256_key(point: &[u8; 65]) -> Result<p256::ecdsa::VerifyingKey, WebAuthnError> {
    p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| WebAuthnError::InvalidPublicKey)
}

#[cfg(feature = "webauthn-signatures")]
fn ed25519_key(bytes: &[u8; 32]) -> Result<ed25519_dalek::VerifyingKey, WebAuthnError> {
    ed25519_dalek::VerifyingKey::from_bytes(bytes).map_err(|_| WebAuthnError::InvalidPublicKey)
}

#[cfg(feature = "webauthn-signatures")]
fn rsa_key(n: &[u8], e: &[u8]) -> Result<rsa::RsaPublicKey, WebAuthnError> {
    rsa::RsaPublicKey::new(
        rsa::BigUint::from_bytes_be(n),
        rsa::BigUint::from_bytes_be(e),
    )
    .map_err(|_| WebAuthnError::InvalidPublicKey)
}
