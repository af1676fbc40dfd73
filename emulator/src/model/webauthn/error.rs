//! Why a passkey registration or sign-in was refused: one variant per check of the WebAuthn
//! ceremony, so the My Account API can map each to its own problem-details error.

use std::fmt;

/// A refused WebAuthn registration or assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebAuthnError {
    /// A binary member is not base64url (with or without padding); carries the member's name.
    MalformedBase64 {
        /// The JSON member, e.g. `response.clientDataJSON`.
        field: &'static str,
    },
    /// `clientDataJSON` is not the JSON object WebAuthn defines.
    MalformedClientData,
    /// A CBOR structure cannot be read; carries which one.
    MalformedCbor {
        /// The structure, e.g. `attestationObject` or `credentialPublicKey`.
        field: &'static str,
    },
    /// The authenticator data is shorter than its flags announce, or has bytes left over.
    MalformedAuthenticatorData,
    /// The credential's `type` is not `public-key`.
    NotPublicKeyCredential {
        /// The `type` received.
        credential_type: String,
    },
    /// The client data's `type` belongs to the other ceremony (or to none).
    WrongCeremony {
        /// `webauthn.create` or `webauthn.get`.
        expected: &'static str,
        /// The `type` received.
        received: String,
    },
    /// The client data's challenge is not the one this tenant issued.
    WrongChallenge,
    /// The ceremony ran on an origin the tenant does not allow.
    WrongOrigin {
        /// The origin the browser reported.
        origin: String,
    },
    /// The ceremony ran in a cross-origin iframe.
    CrossOrigin,
    /// The authenticator data is bound to another relying-party id.
    WrongRelyingParty,
    /// The authenticator did not test that a user was present (UP flag clear).
    UserNotPresent,
    /// User verification was required but not performed (UV flag clear).
    UserNotVerified,
    /// The backed-up flag is set on a credential that is not backup eligible.
    InconsistentBackupFlags,
    /// A registration's authenticator data carries no attested credential (AT flag clear).
    NoAttestedCredential,
    /// The credential id differs between `rawId`, `id`, the authenticator data or the stored
    /// credential.
    CredentialIdMismatch,
    /// The credential's COSE algorithm is not ES256 (-7), EdDSA (-8) or RS256 (-257).
    UnsupportedAlgorithm(i64),
    /// The COSE key does not fit its algorithm (wrong key type, curve, length, or not a point
    /// on the curve).
    InvalidPublicKey,
    /// A `packed` attestation names another algorithm than the credential's key.
    AttestationAlgorithmMismatch {
        /// `attStmt.alg`.
        statement: i64,
        /// The credential public key's `alg`.
        key: i64,
    },
    /// The attestation format is not one the local tenant checks: only `none` and `packed`
    /// self-attestation are.
    UnsupportedAttestation {
        /// The `fmt` received.
        format: String,
        /// Whether it is `packed` with a certificate chain (`x5c`).
        certificate_chain: bool,
    },
    /// The signature does not verify with the credential's public key.
    BadSignature,
    /// The signature counter did not increase: the authenticator may have been cloned.
    ClonedAuthenticator {
        /// The counter stored with the credential.
        stored: u32,
        /// The counter in this assertion.
        received: u32,
    },
    /// This build has no signature checks (feature `webauthn-signatures` off), so only `none`
    /// attestation can be accepted.
    SignaturesUnavailable,
}

impl fmt::Display for WebAuthnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MalformedBase64 { field } => write!(f, "{field} is not base64url."),
            Self::MalformedClientData => f.write_str("clientDataJSON is not valid client data."),
            Self::MalformedCbor { field } => write!(f, "{field} is not valid CBOR of its kind."),
            Self::MalformedAuthenticatorData => {
                f.write_str("The authenticator data is truncated or has trailing bytes.")
            }
            Self::NotPublicKeyCredential { credential_type } => {
                write!(
                    f,
                    "The credential type is {credential_type:?}, not \"public-key\"."
                )
            }
            Self::WrongCeremony { expected, received } => {
                write!(
                    f,
                    "The client data type is {received:?}, expected {expected:?}."
                )
            }
            Self::WrongChallenge => f.write_str("The challenge is not the one issued."),
            Self::WrongOrigin { origin } => {
                write!(
                    f,
                    "The origin {origin:?} is not allowed for this relying party."
                )
            }
            Self::CrossOrigin => f.write_str("Passkeys cannot be used from a cross-origin frame."),
            Self::WrongRelyingParty => {
                f.write_str("The authenticator data is for another relying party id.")
            }
            Self::UserNotPresent => f.write_str("The authenticator did not confirm user presence."),
            Self::UserNotVerified => f.write_str("User verification was required but not done."),
            Self::InconsistentBackupFlags => {
                f.write_str("The credential claims to be backed up but is not backup eligible.")
            }
            Self::NoAttestedCredential => {
                f.write_str("The authenticator data contains no attested credential.")
            }
            Self::CredentialIdMismatch => f.write_str("The credential id does not match."),
            Self::UnsupportedAlgorithm(alg) => write!(
                f,
                "The public key algorithm {alg} is not supported (use -7, -8 or -257)."
            ),
            Self::InvalidPublicKey => {
                f.write_str("The credential public key is not a valid key for its algorithm.")
            }
            Self::AttestationAlgorithmMismatch { statement, key } => write!(
                f,
                "The attestation statement's algorithm {statement} differs from the key's {key}."
            ),
            Self::UnsupportedAttestation {
                format,
                certificate_chain: true,
            } => write!(
                f,
                "Attestation format {format:?} with a certificate chain is not supported by the \
                 local tenant; request attestation \"none\"."
            ),
            Self::UnsupportedAttestation { format, .. } => write!(
                f,
                "Attestation format {format:?} is not supported by the local tenant; request \
                 attestation \"none\"."
            ),
            Self::BadSignature => f.write_str("The signature is not valid."),
            Self::ClonedAuthenticator { stored, received } => write!(
                f,
                "The signature counter went from {stored} to {received}; the authenticator may \
                 have been cloned."
            ),
            Self::SignaturesUnavailable => {
                f.write_str("This build of the tenant cannot check passkey signatures.")
            }
        }
    }
}

impl std::error::Error for WebAuthnError {}
