//! Everything the MFA API and the MFA grants at `/oauth/token` can refuse, as data: what went
//! wrong, the tenant's code and text where they matter, and how long to wait. Reading it from
//! the wire is [`super::decode`]; putting it into words is the screens' business
//! (`crate::factors::describe`), in the language they show.

use std::fmt;

/// A refused or failed call to the MFA API or to an MFA grant.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApiError {
    /// The MFA token is no longer usable (expired, malformed, or refused by `/mfa/*`): sign in
    /// again and resume.
    SessionExpired,
    /// The authenticator-app code is wrong, outside its time window, or already used.
    InvalidOtp,
    /// The code sent by text message, voice call or email is wrong.
    InvalidBindingCode,
    /// The push request was declined on the device (or a recovery code was wrong).
    Rejected,
    /// The push request has not been answered yet: keep polling.
    AuthorizationPending,
    /// Polling faster than the tenant allows.
    SlowDown {
        /// Seconds to wait, when the tenant said.
        retry_after: Option<u64>,
    },
    /// The code sent for this enrollment expired (after 5 minutes): send a new one.
    CodeExpired,
    /// Too many wrong codes: the user is locked out for a while.
    TooManyAttempts {
        /// Seconds to wait, when the tenant said.
        retry_after: Option<u64>,
    },
    /// A rate limit (sends, requests, pending enrollments) was reached.
    RateLimited {
        /// Seconds to wait, when the tenant said.
        retry_after: Option<u64>,
        /// The tenant's description.
        description: String,
    },
    /// Enrolling with an `mfa_token` while the user already has an active factor.
    AlreadyEnrolled,
    /// The token lacks a scope; carries the scope(s) the tenant expected, or its description
    /// when it names none.
    InsufficientScope(String),
    /// The phone number is not a valid E.164 number.
    InvalidPhoneNumber,
    /// The request was malformed (carries the tenant's description).
    InvalidRequest(String),
    /// The factor is not enabled in the tenant (carries the tenant's description).
    FactorDisabled(String),
    /// The authenticator does not exist (any more).
    NotFound,
    /// The application may not use the MFA grant (carries the tenant's description).
    GrantNotEnabled(String),
    /// The page's origin is not in the application's Allowed Web Origins.
    OriginNotAllowed,
    /// Any other refusal, e.g. removing an implicitly listed verified email (carries the
    /// tenant's description).
    AccessDenied(String),
    /// The token was issued for an audience other than the tenant's MFA API, e.g. one on a
    /// custom domain (carries the tenant's description).
    WrongAudience(String),
    /// The request did not complete: offline, or blocked by CORS so nothing is readable.
    Network(String),
    /// The backend in use does not offer this (the screens only offer what it does).
    Unsupported,
    /// Demo mode's tenant module could not be loaded (carries why).
    DemoUnavailable(String),
    /// The tenant failed (any 5xx, whatever the body).
    Server {
        /// HTTP status.
        status: u16,
    },
    /// An answer that is not the JSON expected (an HTML page, malformed or oversized JSON).
    Unexpected {
        /// HTTP status.
        status: u16,
        /// What was wrong with the answer.
        detail: String,
    },
    /// A well-formed error this page has no specific advice for.
    Other {
        /// HTTP status.
        status: u16,
        /// Machine code.
        error: String,
        /// The tenant's description.
        description: String,
    },
}

impl ApiError {
    /// True when the user must sign in again before anything else can work.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, ApiError::SessionExpired)
    }

    /// True for the tenant's cap on unfinished enrollments, which waiting does not lift.
    pub fn is_enrollment_cap(&self) -> bool {
        matches!(self, ApiError::RateLimited { description, .. }
            if description.contains("maximum amount of authenticators"))
    }

    /// Seconds after which the same request may simply be sent again: the wait of a rate
    /// limit or of a `slow_down` (not a lock-out after wrong codes, nor the enrollment cap).
    pub fn resend_after(&self) -> Option<u64> {
        match self {
            ApiError::RateLimited { retry_after, .. } if !self.is_enrollment_cap() => *retry_after,
            ApiError::SlowDown { retry_after } => *retry_after,
            _ => None,
        }
    }

    /// Seconds to wait before trying again, when the tenant said.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            ApiError::SlowDown { retry_after }
            | ApiError::TooManyAttempts { retry_after }
            | ApiError::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}
/// For developers' logs: the variant and its data (tenant texts included, as data). The user
/// reads the screens' sentences instead.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_in_and_retry_helpers() {
        assert!(ApiError::SessionExpired.needs_sign_in());
        assert!(!ApiError::InvalidOtp.needs_sign_in());
        assert_eq!(
            ApiError::SlowDown {
                retry_after: Some(5)
            }
            .retry_after(),
            Some(5)
        );
        assert_eq!(
            ApiError::TooManyAttempts {
                retry_after: Some(7)
            }
            .retry_after(),
            Some(7)
        );
        assert_eq!(ApiError::NotFound.retry_after(), None);
        let limited = |description: &str| ApiError::RateLimited {
            retry_after: Some(40),
            description: description.into(),
        };
        assert_eq!(limited("Too Many Requests").resend_after(), Some(40));
        assert_eq!(
            limited("User has created the maximum amount of authenticators").resend_after(),
            None
        );
        assert_eq!(
            ApiError::TooManyAttempts {
                retry_after: Some(7)
            }
            .resend_after(),
            None
        );
        let error: Box<dyn std::error::Error> = Box::new(ApiError::NotFound);
        assert_eq!(error.to_string(), "NotFound");
    }
}
