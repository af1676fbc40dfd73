//! The tenant's errors and how each one looks on the wire (status, `error`, `error_description`).
//!
//! The mapping lives here, not in the HTTP layer, so that demo mode (which runs the model in the
//! browser) reports exactly what the real endpoints would.

use std::fmt;

use crate::model::rate_limit::RateLimit;
use crate::model::texts;

/// Everything the token endpoint and the MFA API can refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A required parameter is absent (400 `invalid_request`).
    MissingParameter(String),
    /// A parameter has the wrong JSON type (400 `invalid_request`).
    InvalidParameter(String),
    /// The body is not valid JSON (400 `invalid_request`).
    MalformedJson,
    /// A JSON body whose top level is not an object (400 `invalid_request`).
    JsonNotObject,
    /// The `Content-Type` is neither JSON nor a form (400 `invalid_request`).
    UnsupportedContentType,
    /// The body exceeds the size cap (413 `invalid_request`).
    BodyTooLarge,
    /// Unknown `client_id` at `/oauth/token` (401 `access_denied`).
    UnknownClient,
    /// Browser `Origin` not allowed for the client (401 `access_denied`).
    OriginNotAllowed,
    /// Unknown `grant_type` (400 `unsupported_grant_type`).
    UnsupportedGrantType,
    /// Grant type not enabled for the client (403 `unauthorized_client`).
    GrantNotAllowed(String),
    /// Unknown, used, expired or foreign authorization code (403 `invalid_grant`).
    InvalidAuthorizationCode,
    /// `redirect_uri` differs from the authorize request (403 `invalid_grant`).
    RedirectUriMismatch,
    /// PKCE verifier does not match (403 `invalid_grant`).
    CodeVerifierMismatch,
    /// Unknown refresh token (403 `invalid_grant`); refresh tokens are never issued.
    InvalidRefreshToken,
    /// Wrong, expired or reused TOTP (403 `invalid_grant`).
    InvalidOtp,
    /// Wrong SMS/voice/email code (403 `invalid_grant`).
    InvalidBindingCode,
    /// Push rejected or wrong recovery code (403 `invalid_grant`).
    MfaRejected,
    /// `mfa_token` not issued by this tenant (403 `invalid_grant`).
    MalformedMfaToken,
    /// `mfa_token` expired (403 `expired_token`).
    MfaTokenExpired,
    /// `mfa_token` is an access token for another audience (403 `invalid_grant`).
    MfaTokenInvalidAudience,
    /// `mfa_token` issued to another client (400 `invalid_request`).
    MfaTokenOtherClient,
    /// Unknown or already used `oob_code` (403 `invalid_grant`).
    InvalidOobCode,
    /// `oob_code` expired (403 `expired_token`).
    OobCodeExpired,
    /// `oob_code` of another user or transaction (400 `invalid_request`).
    OobCodeMismatch,
    /// Push not answered yet (403 `authorization_pending`).
    AuthorizationPending,
    /// Polled faster than the interval (429 `slow_down`).
    SlowDown,
    /// Failed-code bucket empty (429 `too_many_attempts`).
    TooManyAttempts(RateLimit),
    /// A send limit was reached (429 `too_many_requests`).
    RateLimited(RateLimit),
    /// Bearer missing, malformed, expired or for another audience on `/mfa/*` (401 `invalid_grant`).
    InvalidBearer,
    /// Bearer lacks a scope (403 `access_denied`).
    InsufficientScope(&'static str),
    /// `mfa_token` used to enroll while the user has an active factor (403 `access_denied`).
    AlreadyEnrolled,
    /// Unknown `authenticator_types` value (400 `invalid_request`).
    UnsupportedAuthenticatorType(String),
    /// Unknown `oob_channels` value (400 `invalid_request`).
    UnsupportedOobChannel(String),
    /// The factor is disabled in the tenant (403 `unsupported_challenge_type`).
    FactorDisabled(&'static str),
    /// Phone number not E.164 (400 `invalid_request`).
    InvalidPhoneNumber,
    /// Email address not plausible (400 `invalid_request`).
    InvalidEmail,
    /// 50 pending enrollments (429 `too_many_requests`).
    TooManyAuthenticators,
    /// Unknown authenticator id (404 `not_found`).
    AuthenticatorNotFound,
    /// Implicitly listed verified email (403 `access_denied`).
    VerifiedEmailNotDeletable,
    /// No active authenticator supports the challenge (403 `unsupported_challenge_type`).
    UnsupportedChallengeType,
    /// The user has no active authenticator (403 `association_required`).
    AssociationRequired,
}

impl Error {
    /// HTTP status of the error.
    pub fn status(&self) -> u16 {
        use Error::*;
        match self {
            MissingParameter(_)
            | InvalidParameter(_)
            | MalformedJson
            | JsonNotObject
            | UnsupportedContentType
            | UnsupportedGrantType
            | MfaTokenOtherClient
            | OobCodeMismatch
            | UnsupportedAuthenticatorType(_)
            | UnsupportedOobChannel(_)
            | InvalidPhoneNumber
            | InvalidEmail => 400,
            UnknownClient | OriginNotAllowed | InvalidBearer => 401,
            GrantNotAllowed(_)
            | InvalidAuthorizationCode
            | RedirectUriMismatch
            | CodeVerifierMismatch
            | InvalidRefreshToken
            | InvalidOtp
            | InvalidBindingCode
            | MfaRejected
            | MalformedMfaToken
            | MfaTokenExpired
            | MfaTokenInvalidAudience
            | InvalidOobCode
            | OobCodeExpired
            | AuthorizationPending
            | InsufficientScope(_)
            | AlreadyEnrolled
            | FactorDisabled(_)
            | VerifiedEmailNotDeletable
            | UnsupportedChallengeType
            | AssociationRequired => 403,
            AuthenticatorNotFound => 404,
            BodyTooLarge => 413,
            SlowDown | TooManyAttempts(_) | RateLimited(_) | TooManyAuthenticators => 429,
        }
    }

    /// The `error` member.
    pub fn code(&self) -> &'static str {
        use Error::*;
        match self {
            MissingParameter(_)
            | InvalidParameter(_)
            | MalformedJson
            | JsonNotObject
            | UnsupportedContentType
            | BodyTooLarge
            | MfaTokenOtherClient
            | OobCodeMismatch
            | UnsupportedAuthenticatorType(_)
            | UnsupportedOobChannel(_)
            | InvalidPhoneNumber
            | InvalidEmail => "invalid_request",
            UnknownClient
            | OriginNotAllowed
            | InsufficientScope(_)
            | AlreadyEnrolled
            | VerifiedEmailNotDeletable => "access_denied",
            UnsupportedGrantType => "unsupported_grant_type",
            GrantNotAllowed(_) => "unauthorized_client",
            InvalidAuthorizationCode
            | RedirectUriMismatch
            | CodeVerifierMismatch
            | InvalidRefreshToken
            | InvalidOtp
            | InvalidBindingCode
            | MfaRejected
            | MalformedMfaToken
            | MfaTokenInvalidAudience
            | InvalidOobCode
            | InvalidBearer => "invalid_grant",
            MfaTokenExpired | OobCodeExpired => "expired_token",
            AuthorizationPending => "authorization_pending",
            SlowDown => "slow_down",
            TooManyAttempts(_) => "too_many_attempts",
            RateLimited(_) | TooManyAuthenticators => "too_many_requests",
            FactorDisabled(_) | UnsupportedChallengeType => "unsupported_challenge_type",
            AssociationRequired => "association_required",
            AuthenticatorNotFound => "not_found",
        }
    }

    /// The `error_description` member, byte for byte.
    pub fn description(&self) -> String {
        use Error::*;
        let text = match self {
            MissingParameter(name) => return format!("{}{name}", texts::MISSING_PARAMETER_PREFIX),
            InvalidParameter(name) => return format!("{}{name}", texts::INVALID_PARAMETER_PREFIX),
            GrantNotAllowed(grant) => {
                return format!("Grant type '{grant}' not allowed for the client.")
            }
            InsufficientScope(scope) => {
                return format!("{}{scope}", texts::INSUFFICIENT_SCOPE_PREFIX)
            }
            UnsupportedAuthenticatorType(value) => {
                return format!("{}{value}", texts::UNSUPPORTED_AUTHENTICATOR_TYPE_PREFIX)
            }
            UnsupportedOobChannel(value) => {
                return format!("{}{value}", texts::UNSUPPORTED_OOB_CHANNEL_PREFIX)
            }
            FactorDisabled(factor) => return format!("{}{factor}", texts::FACTOR_DISABLED_PREFIX),
            MalformedJson => texts::MALFORMED_JSON,
            JsonNotObject => texts::JSON_NOT_OBJECT,
            UnsupportedContentType => texts::UNSUPPORTED_CONTENT_TYPE,
            BodyTooLarge => texts::BODY_TOO_LARGE,
            UnknownClient | OriginNotAllowed => texts::UNAUTHORIZED,
            UnsupportedGrantType => texts::GRANT_TYPE_NOT_SUPPORTED,
            InvalidAuthorizationCode => texts::INVALID_AUTHORIZATION_CODE,
            RedirectUriMismatch => texts::REDIRECT_URI_MISMATCH,
            CodeVerifierMismatch => texts::FAILED_CODE_VERIFIER,
            InvalidRefreshToken => "Unknown or invalid refresh token.",
            InvalidOtp => texts::INVALID_OTP,
            InvalidBindingCode => texts::INVALID_BINDING_CODE,
            MfaRejected => texts::MFA_REJECTED,
            MalformedMfaToken => texts::MALFORMED_MFA_TOKEN,
            MfaTokenExpired => texts::MFA_TOKEN_EXPIRED,
            MfaTokenInvalidAudience => texts::MFA_TOKEN_INVALID_AUDIENCE,
            MfaTokenOtherClient => texts::MFA_TOKEN_OTHER_CLIENT,
            InvalidOobCode => texts::INVALID_OOB_CODE,
            OobCodeExpired => texts::OOB_CODE_EXPIRED,
            OobCodeMismatch => texts::OOB_CODE_MISMATCH,
            AuthorizationPending => texts::AUTHORIZATION_PENDING,
            SlowDown => texts::SLOW_DOWN,
            TooManyAttempts(_) => texts::TOO_MANY_FAILED_CODES,
            RateLimited(_) => texts::RATE_LIMIT_EXCEEDED,
            InvalidBearer => texts::INVALID_MFA_BEARER,
            AlreadyEnrolled => texts::ALREADY_ENROLLED,
            InvalidPhoneNumber => texts::INVALID_PHONE_NUMBER,
            InvalidEmail => texts::INVALID_EMAIL,
            TooManyAuthenticators => texts::TOO_MANY_AUTHENTICATORS,
            AuthenticatorNotFound => texts::AUTHENTICATOR_NOT_FOUND,
            VerifiedEmailNotDeletable => texts::VERIFIED_EMAIL_NOT_DELETABLE,
            UnsupportedChallengeType => texts::USER_NOT_ENROLLED_WITH,
            AssociationRequired => texts::ASSOCIATION_REQUIRED,
        };
        text.to_owned()
    }

    /// The JSON body the endpoints send for this error: `error`, `error_description` and,
    /// where there is one, `error_uri`.
    pub fn envelope(&self) -> serde_json::Value {
        let mut body =
            serde_json::json!({"error": self.code(), "error_description": self.description()});
        if let Some(uri) = self.error_uri() {
            body["error_uri"] = serde_json::Value::from(uri);
        }
        body
    }

    /// The `error_uri` member, present only on `unauthorized_client`.
    pub fn error_uri(&self) -> Option<&'static str> {
        matches!(self, Error::GrantNotAllowed(_)).then_some(texts::GRANT_TYPES_ERROR_URI)
    }

    /// Rate-limit headers to send with the error, if any.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self {
            Error::TooManyAttempts(limit) | Error::RateLimited(limit) => Some(*limit),
            _ => None,
        }
    }

    /// Whether the HTTP layer must omit CORS headers (a disallowed origin at `/oauth/token`).
    pub fn omits_cors(&self) -> bool {
        matches!(self, Error::OriginNotAllowed)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code(), self.description())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_rows_are_exact() {
        let rows: [(Error, u16, &str, &str); 8] = [
            (
                Error::InvalidAuthorizationCode,
                403,
                "invalid_grant",
                "Invalid authorization code",
            ),
            (
                Error::CodeVerifierMismatch,
                403,
                "invalid_grant",
                "Failed to verify code verifier",
            ),
            (
                Error::MissingParameter("code".into()),
                400,
                "invalid_request",
                "Missing required parameter: code",
            ),
            (
                Error::UnsupportedGrantType,
                400,
                "unsupported_grant_type",
                "Grant type not supported",
            ),
            (
                Error::OriginNotAllowed,
                401,
                "access_denied",
                "Unauthorized",
            ),
            (
                Error::MfaTokenExpired,
                403,
                "expired_token",
                "mfa_token is expired",
            ),
            (
                Error::AuthorizationPending,
                403,
                "authorization_pending",
                "Authorization pending: please repeat the request in a few seconds.",
            ),
            (
                Error::InvalidBearer,
                401,
                "invalid_grant",
                "The mfa_token provided is invalid. Try getting a new token.",
            ),
        ];
        for (error, status, code, description) in rows {
            assert_eq!(
                (error.status(), error.code(), error.description().as_str()),
                (status, code, description)
            );
        }
        let grant = Error::GrantNotAllowed("http://auth0.com/oauth/grant-type/mfa-otp".into());
        assert_eq!(
            grant.description(),
            "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client."
        );
        assert_eq!(
            grant.error_uri(),
            Some("https://auth0.com/docs/clients/client-grant-types")
        );
    }
}
