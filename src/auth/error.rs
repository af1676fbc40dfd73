//! Everything that can go wrong while signing in, with a human message and, where it helps,
//! the likely cause and fix. Tenant texts are carried as data and only ever shown as text.

use std::fmt;

/// A sign-in failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthError {
    /// The callback URL's parameters are incomplete or repeated.
    MalformedCallback(String),
    /// The returned `state` is not the one this browser sent (possible forgery).
    StateMismatch,
    /// A callback arrived but this tab never started a sign-in (or its storage was cleared).
    NoTransaction,
    /// The ID token's `nonce` differs from the one sent.
    NonceMismatch,
    /// `/authorize` answered with an error.
    Authorize {
        /// Machine code, e.g. `login_required`.
        error: String,
        /// The tenant's description.
        description: String,
    },
    /// `/oauth/token` refused the exchange.
    Token {
        /// Machine code, e.g. `invalid_grant`.
        error: String,
        /// The tenant's description.
        description: String,
    },
    /// The request did not reach the tenant or its answer was unreadable (offline, CORS).
    Network(String),
    /// The tenant answered something that is not a token response.
    UnexpectedResponse(String),
    /// The browser blocked the sign-in popup.
    PopupBlocked,
    /// The user closed the sign-in popup.
    PopupClosed,
    /// No answer within the time limit.
    Timeout,
    /// sessionStorage is unavailable (private mode or blocked storage).
    Storage(String),
    /// The configuration cannot form a valid request (should have been caught by validation).
    Config(String),
}

impl AuthError {
    /// One sentence saying what happened.
    pub fn message(&self) -> String {
        match self {
            AuthError::MalformedCallback(why) => format!("The sign-in answer is incomplete: {why}."),
            AuthError::StateMismatch => {
                "The sign-in answer does not belong to the sign-in this page started, so it was refused.".into()
            }
            AuthError::NoTransaction => {
                "This page received a sign-in answer it was not waiting for, so it was ignored.".into()
            }
            AuthError::NonceMismatch => {
                "The identity token does not match this sign-in, so it was refused.".into()
            }
            AuthError::Authorize { error, description } | AuthError::Token { error, description } => {
                if description.is_empty() {
                    format!("Sign-in failed ({error}).")
                } else {
                    format!("Sign-in failed: {description} ({error}).")
                }
            }
            AuthError::Network(why) => format!("The sign-in service could not be reached ({why})."),
            AuthError::UnexpectedResponse(why) => {
                format!("The sign-in service answered unexpectedly ({why}).")
            }
            AuthError::PopupBlocked => "The browser blocked the sign-in window.".into(),
            AuthError::PopupClosed => "The sign-in window was closed before sign-in finished.".into(),
            AuthError::Timeout => "Sign-in did not answer in time.".into(),
            AuthError::Storage(why) => format!("This browser does not allow the page to keep sign-in state ({why})."),
            AuthError::Config(why) => format!("The page's configuration cannot be used to sign in ({why})."),
        }
    }

    /// The likely cause and what to do, when there is something useful to say.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self {
            AuthError::StateMismatch | AuthError::NoTransaction | AuthError::MalformedCallback(_) => {
                "Start again with the Sign in button. If this keeps happening, someone may be trying to sign you in to their account."
            }
            AuthError::Authorize { error, .. } => match error.as_str() {
                "login_required" | "interaction_required" => "You need to sign in again.",
                "consent_required" => {
                    "The application needs your consent; sign in interactively to give it."
                }
                "access_denied" => {
                    "If the message says \"Service not found\", the MFA audience uses the wrong domain: set canonical_domain to the tenant's own *.auth0.com domain."
                }
                _ => return None,
            },
            AuthError::Token { error, .. } => match error.as_str() {
                "unauthorized_client" => {
                    "Enable the MFA grant type for this application (Auth0 dashboard → Applications → Advanced Settings → Grant Types)."
                }
                "access_denied" => {
                    "Add this page's origin to Allowed Web Origins of the application in the Auth0 dashboard."
                }
                "invalid_grant" => "The sign-in took too long or was already used. Sign in again.",
                _ => return None,
            },
            AuthError::Network(_) => {
                "Check your connection. If it works, the site's origin may be missing from Allowed Web Origins (a CORS block)."
            }
            AuthError::PopupBlocked => "Allow popups for this site, then try again.",
            AuthError::PopupClosed => "Try again and finish signing in in the window that opens.",
            AuthError::Timeout => {
                "Check your connection and that this page's origin is listed in Allowed Web Origins, then try again."
            }
            AuthError::Storage(_) => "Allow site data for this page, or leave private browsing, then try again.",
            AuthError::NonceMismatch | AuthError::UnexpectedResponse(_) | AuthError::Config(_) => {
                return None
            }
        })
    }

    /// True when the answer is that the user simply must sign in interactively.
    pub fn needs_interaction(&self) -> bool {
        matches!(self, AuthError::Authorize { error, .. }
            if matches!(error.as_str(), "login_required" | "consent_required" | "interaction_required"))
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for AuthError {}
