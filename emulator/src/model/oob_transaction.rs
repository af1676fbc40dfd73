//! The record of a code (or push request) sent out of band, kept by the tenant until the
//! `oob_code` is exchanged. Sending and checking codes are in `oob`.

/// An `oob_code` waiting to be exchanged at `/oauth/token` (or at the login prompt).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OobTransaction {
    /// The opaque `oob_code` (`Fe26.2*…`).
    pub oob_code: String,
    /// The user it was sent for.
    pub user_id: String,
    /// The client that asked.
    pub client_id: String,
    /// The authenticator it was sent to.
    pub authenticator_id: String,
    /// The enrollment group to activate on success.
    pub group: u64,
    /// The 6-digit code (`None` for push).
    pub binding_code: Option<String>,
    /// The outbox message (push state lives there).
    pub outbox_id: u64,
    /// Unix time after which the code is refused.
    pub expires_at: u64,
    /// Last `/oauth/token` poll (push only).
    pub last_poll: Option<u64>,
}
