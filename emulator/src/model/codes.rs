//! Authorization codes: single use, short-lived, bound to client, redirect_uri and PKCE challenge.

use crate::model::api::Audience;

/// An issued authorization code and everything it is bound to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationCode {
    /// The client it was issued to.
    pub client_id: String,
    /// The exact `redirect_uri` of the authorize request.
    pub redirect_uri: String,
    /// The S256 PKCE challenge.
    pub code_challenge: String,
    /// Requested audience.
    pub audience: Audience,
    /// Granted scope.
    pub scope: String,
    /// `nonce` to echo in the ID token.
    pub nonce: Option<String>,
    /// The signed-in user.
    pub user_id: String,
    /// When the user authenticated.
    pub auth_time: u64,
    /// Unix time after which the code is refused.
    pub expires_at: u64,
}
