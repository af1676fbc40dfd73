//! An enrollment between its start (`POST /authentication-methods`, 202) and its verify
//! (`POST …/{id}/verify`, 201), tied together by the `auth_session` the start answer carries.

/// What the verify step needs to finish the enrollment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// A TOTP app: the pending authenticator's group (checked against the code).
    Totp {
        /// The enrollment group.
        group: u64,
    },
    /// A phone or email: the code sent, as an OOB transaction.
    Code {
        /// The enrollment group.
        group: u64,
        /// The OOB transaction of the code.
        oob_code: String,
    },
    /// A push enrollment waiting for the app's approval.
    Push {
        /// The enrollment group.
        group: u64,
        /// The OOB transaction of the push request.
        oob_code: String,
    },
    /// A recovery code shown once in the start answer.
    RecoveryCode {
        /// The code.
        code: String,
        /// Its future id.
        id: String,
    },
    /// A passkey ceremony.
    Passkey {
        /// The challenge sent in the creation options.
        challenge: Vec<u8>,
        /// The relying-party id of the options.
        relying_party_id: String,
        /// The WebAuthn user handle.
        user_handle: Vec<u8>,
    },
}

/// One started enrollment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnrollmentSession {
    /// The user it belongs to.
    pub user_id: String,
    /// The method id in the start answer's `Location` (`passkey|new` for passkeys).
    pub method_id: String,
    /// What verify needs.
    pub pending: Pending,
    /// Unix time after which verify refuses it.
    pub expires_at: u64,
}
