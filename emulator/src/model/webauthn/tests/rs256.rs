//! RS256 (-257) keys: COSE parsing and PKCS#1 v1.5 signatures. The software authenticator makes
//! no RSA credentials, so this signs with the rsa crate directly.

use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer as _};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use sha2::Sha256;

use crate::model::webauthn::cose::{CoseKey, KeyMaterial, RS256};
use crate::model::webauthn::signature::verify as check_signature;
use crate::model::webauthn::WebAuthnError;

/// A 2048-bit RSA key from a seeded generator (the same key every run).
fn test_key() -> RsaPrivateKey {
    use rand_core::SeedableRng;
    let mut rng = Rng06(rand_chacha::ChaCha20Rng::seed_from_u64(9));
    RsaPrivateKey::new(&mut rng, 2048).expect("a 2048-bit key generates")
}

/// rsa 0.9 takes a rand_core 0.6 generator; the model's ChaCha is rand_core 0.9.
struct Rng06(rand_chacha::ChaCha20Rng);

impl rsa::rand_core::RngCore for Rng06 {
    fn next_u32(&mut self) -> u32 {
        rand_core::RngCore::next_u32(&mut self.0)
    }
    fn next_u64(&mut self) -> u64 {
        rand_core::RngCore::next_u64(&mut self.0)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        rand_core::RngCore::fill_bytes(&mut self.0, dest)
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rsa::rand_core::CryptoRng for Rng06 {}

#[test]
fn rs256_signatures_verify_with_the_cose_key_and_tampered_ones_do_not() {
    let private = test_key();
    let public = private.to_public_key();
    let cose = CoseKey {
        algorithm: RS256,
        material: KeyMaterial::Rsa {
            n: public.n().to_bytes_be(),
            e: public.e().to_bytes_be(),
        },
    };
    let key = CoseKey::parse(&cose.to_bytes()).unwrap();
    assert_eq!(key, cose);

    let message = b"authenticator data || client data hash";
    let mut signature = SigningKey::<Sha256>::new(private).sign(message).to_vec();
    assert_eq!(check_signature(&key.material, message, &signature), Ok(()));
    signature[0] ^= 0x01;
    assert_eq!(
        check_signature(&key.material, message, &signature),
        Err(WebAuthnError::BadSignature)
    );
}
