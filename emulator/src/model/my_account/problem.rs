//! The My Account API's errors as RFC 7807 problem details (`type`, `status`, `title`,
//! `detail`, `validation_errors`). Every status, `type` URI and text lives here.
//!
//! `type` URIs the reference lists ([doc]): `A0E-401-0001`, `A0E-401-0003`, `A0E-403-0002`,
//! `A0E-400-0001`. The others are this tenant's choice, one per status, and marked [inferred].

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::rate_limit::RateLimit;

/// Prefix of every problem `type`. [doc]
pub const TYPE_PREFIX: &str = "https://auth0.com/api-errors/";

/// One entry of `validation_errors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidationError {
    /// What is wrong.
    pub detail: String,
    /// The member at fault.
    pub field: String,
    /// JSON pointer to it.
    pub pointer: String,
    /// Always `body`.
    pub source: &'static str,
}

/// Everything the My Account API refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// No `Authorization: Bearer` header (401 `A0E-401-0001`). [doc]
    MissingToken,
    /// A token that is not this tenant's, has expired, or is for another audience or domain
    /// (401 `A0E-401-0003`). [doc]
    InvalidToken,
    /// The token lacks the call's scope (403 `A0E-403-0002`). [doc]
    InsufficientScope(&'static str),
    /// A body member is missing or wrong (400 `A0E-400-0001` with `validation_errors`). [doc]
    Invalid {
        /// The member.
        field: String,
        /// What is wrong with it.
        detail: String,
    },
    /// The body is not a JSON object (400 `A0E-400-0001`). [doc]
    MalformedBody,
    /// The factor is switched off for the tenant (400 `A0E-400-0001`). [inferred]
    FactorDisabled(String),
    /// Unknown, used, expired or foreign `auth_session` (400 `A0E-400-0002`). [inferred]
    InvalidAuthSession,
    /// Wrong `otp_code` (400 `A0E-400-0003`). [inferred]
    InvalidCode,
    /// The push request has not been accepted yet (400 `A0E-400-0004`). [inferred]
    PushPending,
    /// The push request was declined (400 `A0E-400-0005`). [inferred]
    PushRejected,
    /// The passkey ceremony's answer failed a check (400 `A0E-400-0006`). [inferred]
    PasskeyRefused(String),
    /// No such method for this user (404 `A0E-404-0001`). [inferred]
    NotFound,
    /// The change cannot be made in the method's state (409 `A0E-409-0001`); the reference says
    /// 409 is possible without saying when. [inferred]
    Conflict(String),
    /// The body is not `application/json` (415 `A0E-415-0001`). [inferred]
    UnsupportedMediaType,
    /// The body is over the size cap (413 `A0E-413-0001`). [inferred]
    BodyTooLarge,
    /// A rate limit was met (429 `A0E-429-0001`, `retry-after`,
    /// `x-auth0-error-kind: global-rate-limit`). [doc for the headers; inferred `type`]
    TooManyRequests(RateLimit),
    /// Too many wrong codes (429 `A0E-429-0002`). [inferred]
    TooManyAttempts(RateLimit),
}

impl Problem {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.parts().0
    }

    /// The full `type` URI.
    pub fn type_uri(&self) -> String {
        format!("{TYPE_PREFIX}{}", self.parts().1)
    }

    /// `(status, type code, detail)`.
    fn parts(&self) -> (u16, &'static str, String) {
        match self {
            Problem::MissingToken => (401, "A0E-401-0001", "Missing access token.".into()),
            Problem::InvalidToken => (401, "A0E-401-0003", "Invalid token.".into()),
            Problem::InsufficientScope(scope) => (
                403,
                "A0E-403-0002",
                format!("Insufficient scope; expected: {scope}."),
            ),
            Problem::Invalid { .. } => (400, "A0E-400-0001", "Invalid request payload.".into()),
            Problem::MalformedBody => (
                400,
                "A0E-400-0001",
                "The request body must be a JSON object.".into(),
            ),
            Problem::FactorDisabled(kind) => (
                400,
                "A0E-400-0001",
                format!("The authentication method type {kind} is not enabled for this tenant."),
            ),
            Problem::InvalidAuthSession => (
                400,
                "A0E-400-0002",
                "The auth_session is invalid, expired or already used.".into(),
            ),
            Problem::InvalidCode => (400, "A0E-400-0003", "Invalid otp_code.".into()),
            Problem::PushPending => (
                400,
                "A0E-400-0004",
                "The push notification has not been accepted yet.".into(),
            ),
            Problem::PushRejected => (
                400,
                "A0E-400-0005",
                "The push notification was rejected.".into(),
            ),
            Problem::PasskeyRefused(why) => (400, "A0E-400-0006", why.clone()),
            Problem::NotFound => (
                404,
                "A0E-404-0001",
                "The authentication method was not found.".into(),
            ),
            Problem::Conflict(why) => (409, "A0E-409-0001", why.clone()),
            Problem::UnsupportedMediaType => (
                415,
                "A0E-415-0001",
                "The request body must be application/json.".into(),
            ),
            Problem::BodyTooLarge => (413, "A0E-413-0001", "The request body is too large.".into()),
            Problem::TooManyRequests(_) => {
                (429, "A0E-429-0001", "Global limit has been reached.".into())
            }
            Problem::TooManyAttempts(_) => (
                429,
                "A0E-429-0002",
                "Too many failed verification attempts.".into(),
            ),
        }
    }

    /// The standard reason phrase of the status, used as `title`.
    fn title(&self) -> &'static str {
        match self.status() {
            400 => "Bad Request",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            409 => "Conflict",
            413 => "Payload Too Large",
            415 => "Unsupported Media Type",
            _ => "Too Many Requests",
        }
    }

    /// The rate limit a 429 reports in its headers.
    pub fn rate_limit(&self) -> Option<RateLimit> {
        match self {
            Problem::TooManyRequests(limit) | Problem::TooManyAttempts(limit) => Some(*limit),
            _ => None,
        }
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let (status, code, detail) = self.parts();
        let mut body = json!({
            "type": format!("{TYPE_PREFIX}{code}"),
            "status": status,
            "title": self.title(),
            "detail": detail,
        });
        if let Problem::Invalid { field, detail } = self {
            body["validation_errors"] = json!([ValidationError {
                detail: detail.clone(),
                field: field.clone(),
                pointer: format!("/{field}"),
                source: "body",
            }]);
        }
        body
    }

    /// A missing or mistyped member.
    pub fn invalid(field: &str, detail: impl Into<String>) -> Self {
        Problem::Invalid {
            field: field.to_owned(),
            detail: detail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_carry_type_status_title_and_detail() {
        let body = Problem::InsufficientScope("delete:me:authentication_methods").body();
        assert_eq!(
            body,
            json!({
                "type": "https://auth0.com/api-errors/A0E-403-0002",
                "status": 403,
                "title": "Forbidden",
                "detail": "Insufficient scope; expected: delete:me:authentication_methods.",
            })
        );
        let invalid = Problem::invalid("otp_code", "otp_code must be 6 digits.").body();
        assert_eq!(invalid["status"], 400);
        assert_eq!(invalid["validation_errors"][0]["field"], "otp_code");
        assert_eq!(invalid["validation_errors"][0]["pointer"], "/otp_code");
    }
}
