//! Single sign-on sessions (the `auth0` cookie) and login transactions at `/authorize`, with
//! the validated request a transaction keeps. The steps that use them are in `authorize`.

use crate::model::api::Audience;
use crate::model::delivery::Delivery;

/// An SSO session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// The signed-in user.
    pub user_id: String,
    /// When the user signed in (password or passkey).
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
    /// The challenge of the passkey sign-in the login page asked for, until an answer uses it.
    pub passkey_challenge: Option<Vec<u8>>,
}

/// A validated authorize request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeRequest {
    /// The client.
    pub client_id: String,
    /// Its display name.
    pub client_name: String,
    /// Where the result goes.
    pub delivery: Delivery,
    /// The requested audience.
    pub audience: Audience,
    /// The granted scope.
    pub scope: String,
    /// `nonce` for the ID token.
    pub nonce: Option<String>,
    /// The S256 PKCE challenge.
    pub code_challenge: String,
    /// The prompt mode.
    pub prompt: Prompt,
    /// Email to prefill.
    pub login_hint: Option<String>,
}

/// `prompt` values the tenant distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Use the session if there is one, else show the login page.
    Default,
    /// Never show a page: succeed from the session or return an error.
    None,
    /// Always show the login page.
    Login,
}
