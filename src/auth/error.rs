//! Everything that can go wrong while signing in, as data: what went wrong, and the tenant's
//! code and text where there is one. Putting it into words is the screens' business
//! (`crate::app::describe`), in the language they show.

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

/// What is wrong with the ID token that came back with the access token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdTokenFlaw {
    /// Not a readable JWT, or a claim that must be there is missing or of the wrong type.
    Malformed,
    /// Issued to another application (`aud`).
    Audience,
    /// Names another application as its recipient (`azp`), or none where several are listed.
    AuthorizedParty,
    /// Past its expiry (`exp`), beyond the allowed clock difference.
    Expired,
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
    /// The ID token fails a check other than its nonce.
    IdToken(IdTokenFlaw),
    /// The answer names an issuer other than the tenant the page signs in at (the ID token's
    /// `iss`, or the authorization response's `iss` parameter of RFC 9207).
    WrongIssuer {
        /// The issuer it names (empty when it names none).
        found: String,
    },
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
    /// The part of the page that signs in could not be loaded (offline, or a new version of
    /// the page replaced it).
    Unavailable,
}

impl From<crate::chunk::LoadError> for AuthError {
    fn from(_: crate::chunk::LoadError) -> Self {
        AuthError::Unavailable
    }
}

impl AuthError {
    /// True when the answer is that the user simply must sign in interactively: no session,
    /// a consent, or a step-up (a second factor, more recent or for more scopes).
    pub fn needs_interaction(&self) -> bool {
        matches!(self, AuthError::Authorize { error, .. }
        if matches!(
            error.as_str(),
            "login_required"
                | "consent_required"
                | "interaction_required"
                | "mfa_required"
                | "unmet_authentication_requirements"
                | "insufficient_scope"
        ))
    }
}

impl AuthError {
    /// True when a silent sign-in was answered as if the browser had no tenant session:
    /// `login_required` for want of a login, not of a second factor (Auth0 describes that one
    /// as "Multifactor authentication required"). Either the browser kept the tenant's cookie
    /// from the page's hidden frame (third-party cookies blocked: Safari, Firefox's strict
    /// setting) or the session ended. A visit to the tenant as the top-level page or in a
    /// window of its own carries the cookie, so in the first case it finishes without asking
    /// anything; in the second the tenant asks for the login itself.
    pub fn no_session_in_frame(&self) -> bool {
        matches!(self, AuthError::Authorize { error, description }
            if error == "login_required" && !description.contains("Multifactor"))
    }
}

/// For developers' logs: the variant and its data. The user reads the screens' sentences.
impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for AuthError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn authorize(error: &str, description: &str) -> AuthError {
        AuthError::Authorize {
            error: error.into(),
            description: description.into(),
        }
    }

    #[test]
    fn only_a_missing_login_means_the_frame_had_no_session() {
        assert!(authorize("login_required", "Login required").no_session_in_frame());
        let second_factor = authorize("login_required", "Multifactor authentication required");
        assert!(!second_factor.no_session_in_frame());
        assert!(!authorize("consent_required", "Consent required").no_session_in_frame());
        assert!(!AuthError::Timeout.no_session_in_frame());
    }

    #[test]
    fn step_up_answers_need_an_interactive_sign_in() {
        let answer = |error: &str| AuthError::Authorize {
            error: error.into(),
            description: String::new(),
        };
        for error in [
            "login_required",
            "consent_required",
            "mfa_required",
            "unmet_authentication_requirements",
            "insufficient_scope",
        ] {
            assert!(answer(error).needs_interaction(), "{error}");
        }
        assert!(!answer("access_denied").needs_interaction());
        assert!(!AuthError::Timeout.needs_interaction());
    }
}
