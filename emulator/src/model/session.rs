//! Single sign-on sessions (the `auth0` cookie) and login transactions at `/authorize`.

use crate::model::authorize::AuthorizeRequest;

/// An SSO session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The signed-in user.
    pub user_id: String,
    /// When the password was checked.
    pub auth_time: u64,
    /// Whether a second factor was completed in this session.
    pub mfa_done: bool,
}

/// A login in progress: the validated authorize request, kept server side so hidden form fields
/// never decide the client or the redirect target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginTransaction {
    /// The validated request.
    pub request: AuthorizeRequest,
    /// Unix time after which the transaction is gone.
    pub expires_at: u64,
    /// The session created by the password step.
    pub session_id: Option<String>,
    /// The `oob_code` of a code sent for the second-factor prompt, if any.
    pub login_oob_code: Option<String>,
}
