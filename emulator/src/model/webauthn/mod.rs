//! WebAuthn (passkeys) for the tenant: the options handed to the browser, and the checks of
//! what comes back, for registration (`verify_registration`) and sign-in (`verify_assertion`).
//!
//! Pure like the rest of the model: challenges are passed in and nothing is stored here. The
//! local tenant accepts `none` and `packed` self-attestation only; certificate-based formats
//! are refused with [`WebAuthnError::UnsupportedAttestation`]. Signature checks (ES256, EdDSA,
//! RS256) need the `webauthn-signatures` feature; without it (the demo-mode wasm build) `none`
//! registrations still work and everything signed is refused with
//! [`WebAuthnError::SignaturesUnavailable`].

mod assertion;
mod attestation;
mod authenticator_data;
mod base64url;
mod cbor;
mod client_data;
mod cose;
mod credential;
mod error;
mod expected;
mod options;
mod signature;
#[cfg(feature = "software-authenticator")]
mod software_authenticator;
pub mod test_passkey;

#[cfg(test)]
mod tests;

pub use assertion::{verify_assertion, AssertionResult};
pub use attestation::verify_registration;
pub use credential::{CredentialDeviceType, NewCredential, StoredCredential};
pub use error::WebAuthnError;
pub use expected::Expected;
pub use options::{
    AssertionResponse, AuthenticatorAssertionResponse, AuthenticatorAttestationResponse,
    AuthenticatorSelection, CreationOptions, CredentialDescriptor, CredentialParameters,
    RegistrationResponse, RelyingParty, RequestOptions, UserEntity, UserVerification,
    CEREMONY_TIMEOUT_MILLISECONDS,
};
#[cfg(feature = "software-authenticator")]
pub use software_authenticator::{client_data_json, AttestationFormat, SoftwareAuthenticator};
