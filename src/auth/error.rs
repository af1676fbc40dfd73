//! Everything that can go wrong while signing in, with a human message and, where it helps,
//! the likely cause and fix. Tenant texts are carried as data and only ever shown as text.

use crate::i18n::en::EN;
use crate::i18n::{fill, Texts};
use std::fmt;

/// What is wrong with an authorization answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CallbackFlaw {
    /// A parameter appears more than once.
    Repeated(String),
    /// A code (possibly empty) without a state.
    CodeWithoutState,
    /// A state without a code or an error.
    StateOnly,
    /// A web message with neither a code nor an error.
    EmptyMessage,
}

impl CallbackFlaw {
    /// The flaw in the language of `t`.
    pub fn text_in(&self, t: &Texts) -> String {
        match self {
            CallbackFlaw::Repeated(name) => fill(t.flaw_repeated, &[("name", name)]),
            CallbackFlaw::CodeWithoutState => t.flaw_code_without_state.to_owned(),
            CallbackFlaw::StateOnly => t.flaw_state_only.to_owned(),
            CallbackFlaw::EmptyMessage => t.flaw_empty_message.to_owned(),
        }
    }
}

/// Why the round trip's state cannot be kept in sessionStorage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageFlaw {
    /// Not running in a browser window.
    NoWindow,
    /// Access to sessionStorage throws (blocked by settings).
    Blocked,
    /// The browser has no sessionStorage.
    Unavailable,
    /// Writing failed (quota or blocked).
    Full,
}

impl StorageFlaw {
    /// The reason in the language of `t`.
    pub fn text_in(self, t: &Texts) -> &'static str {
        match self {
            StorageFlaw::NoWindow => t.storage_no_window,
            StorageFlaw::Blocked => t.storage_blocked,
            StorageFlaw::Unavailable => t.storage_unavailable,
            StorageFlaw::Full => t.storage_full,
        }
    }
}

/// A sign-in failure.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AuthError {
    /// The callback URL's parameters (or a web message) are incomplete or repeated.
    MalformedCallback(CallbackFlaw),
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
    Storage(StorageFlaw),
    /// The configuration cannot form a valid request (should have been caught by validation).
    Config(String),
    /// The browser's cryptographic random generator is unavailable.
    NoRandomness,
}

impl AuthError {
    /// One sentence saying what happened (English).
    pub fn message(&self) -> String {
        self.message_in(&EN)
    }

    /// One sentence saying what happened, in the language of `t`.
    pub fn message_in(&self, t: &Texts) -> String {
        match self {
            AuthError::MalformedCallback(flaw) => {
                fill(t.auth_malformed, &[("why", &flaw.text_in(t))])
            }
            AuthError::StateMismatch => t.auth_state.into(),
            AuthError::NoTransaction => t.auth_no_transaction.into(),
            AuthError::NonceMismatch => t.auth_nonce.into(),
            AuthError::Authorize { error, description }
            | AuthError::Token { error, description } => {
                if description.is_empty() {
                    fill(t.auth_failed, &[("error", error)])
                } else {
                    fill(
                        t.auth_failed_described,
                        &[("description", description), ("error", error)],
                    )
                }
            }
            AuthError::Network(why) => fill(t.auth_network, &[("why", why)]),
            AuthError::UnexpectedResponse(why) => fill(t.auth_unexpected, &[("why", why)]),
            AuthError::PopupBlocked => t.auth_popup_blocked.into(),
            AuthError::PopupClosed => t.auth_popup_closed.into(),
            AuthError::Timeout => t.auth_timeout.into(),
            AuthError::Storage(flaw) => fill(t.auth_storage, &[("why", flaw.text_in(t))]),
            AuthError::Config(why) => fill(t.auth_config, &[("why", why)]),
            AuthError::NoRandomness => t.auth_no_randomness.into(),
        }
    }

    /// The likely cause and what to do, when there is something useful to say (English).
    pub fn hint(&self) -> Option<&'static str> {
        self.hint_in(&EN)
    }

    /// The likely cause and what to do, in the language of `t`.
    pub fn hint_in(&self, t: &'static Texts) -> Option<&'static str> {
        Some(match self {
            AuthError::StateMismatch
            | AuthError::NoTransaction
            | AuthError::MalformedCallback(_) => t.hint_auth_forged,
            AuthError::Authorize { error, .. } => match error.as_str() {
                "login_required" | "interaction_required" => t.hint_auth_login_required,
                "consent_required" => t.hint_auth_consent,
                "access_denied" => t.hint_auth_service_not_found,
                _ => return None,
            },
            AuthError::Token { error, .. } => match error.as_str() {
                "unauthorized_client" => t.hint_grant_not_enabled,
                "access_denied" => t.hint_origin_not_allowed,
                "invalid_grant" => t.hint_auth_invalid_grant,
                _ => return None,
            },
            AuthError::Network(_) => t.hint_auth_network,
            AuthError::PopupBlocked => t.hint_auth_popup_blocked,
            AuthError::PopupClosed => t.hint_auth_popup_closed,
            AuthError::Timeout => t.hint_auth_timeout,
            AuthError::Storage(_) => t.hint_auth_storage,
            AuthError::NoRandomness => t.hint_auth_no_randomness,
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
