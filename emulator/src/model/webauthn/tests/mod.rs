//! WebAuthn tests: the JSON forms and parsing (always), and whole ceremonies made with the
//! software authenticator (feature `software-authenticator`; signed ones also need
//! `webauthn-signatures`).

#[cfg(all(feature = "software-authenticator", feature = "webauthn-signatures"))]
mod assertion;
mod parsing;
#[cfg(feature = "software-authenticator")]
mod registration;
#[cfg(feature = "webauthn-signatures")]
mod rs256;

use super::*;

/// The relying-party id (the tenant's custom domain).
const RP_ID: &str = "login.example.com";
/// The page the ceremonies run on.
const ORIGIN: &str = "https://app.example.com";
/// The challenge the tenant issued.
const CHALLENGE: &[u8] = b"the-challenge-the-tenant-issued!";
/// The WebAuthn user handle of the account.
const USER_HANDLE: &[u8] = b"user-handle-0001";

fn allowed_origins() -> Vec<String> {
    vec!["https://other.example.com".to_owned(), ORIGIN.to_owned()]
}

/// What the tenant expects: the issued challenge, the allowed origins, the RP id.
fn expected(origins: &[String], require_user_verification: bool) -> Expected<'_> {
    Expected {
        challenge: CHALLENGE,
        allowed_origins: origins,
        rp_id: RP_ID,
        require_user_verification,
    }
}

fn creation_options() -> CreationOptions {
    CreationOptions::new(
        CHALLENGE,
        RelyingParty {
            id: RP_ID.to_owned(),
            name: "Example".to_owned(),
        },
        UserEntity::new(USER_HANDLE, "ada@example.com", "Ada"),
        Vec::<Vec<u8>>::new(),
        UserVerification::Preferred,
    )
}

fn request_options() -> RequestOptions {
    RequestOptions::new(
        CHALLENGE,
        RP_ID,
        Vec::<Vec<u8>>::new(),
        UserVerification::Preferred,
    )
}

/// A fresh P-256 credential from a seeded generator (reproducible per test).
#[cfg(feature = "software-authenticator")]
fn p256_authenticator(seed: u64) -> SoftwareAuthenticator {
    use rand_core::SeedableRng;
    SoftwareAuthenticator::random_p256(&mut rand_chacha::ChaCha20Rng::seed_from_u64(seed))
}

/// A fresh Ed25519 credential from a seeded generator.
#[cfg(all(feature = "software-authenticator", feature = "webauthn-signatures"))]
fn ed25519_authenticator(seed: u64) -> SoftwareAuthenticator {
    use rand_core::{RngCore, SeedableRng};
    let mut secret = [0; 32];
    rand_chacha::ChaCha20Rng::seed_from_u64(seed).fill_bytes(&mut secret);
    SoftwareAuthenticator::ed25519(&secret)
}

/// Base64url as the browser writes it.
fn b64(bytes: &[u8]) -> String {
    base64url::encode(bytes)
}
