//! Reading a refusal of the My Account API: problem details (RFC 7807, `type`, `status`,
//! `title`, `detail`, `validation_errors`) become the same [`ApiError`]s the MFA API's refusals
//! do, so the screens word both alike. The `type` codes are the ones the reference and the
//! tenant send (`A0E-…`); an unknown one falls back on the status.

use super::error::ApiError;
use serde::Deserialize;

/// Problem details as sent.
#[derive(Debug, Default, Deserialize)]
struct Problem {
    #[serde(default, rename = "type")]
    kind: String,
    #[serde(default)]
    detail: String,
    #[serde(default)]
    validation_errors: Vec<ValidationError>,
}

#[derive(Debug, Default, Deserialize)]
struct ValidationError {
    #[serde(default)]
    field: String,
    #[serde(default)]
    detail: String,
}

/// The code at the end of a problem `type` URI (`…/api-errors/A0E-400-0003` → `A0E-400-0003`).
fn code(kind: &str) -> &str {
    kind.rsplit('/').next().unwrap_or(kind)
}

impl ApiError {
    /// The error a My Account API answer with `status` and problem `body` stands for.
    pub fn from_problem(status: u16, body: &str, retry_after: Option<u64>) -> ApiError {
        if (500..600).contains(&status) {
            return ApiError::Server { status };
        }
        let problem: Problem = crate::json::from_text(body).unwrap_or_default();
        let detail = problem.detail.clone();
        match (status, code(&problem.kind)) {
            (401, _) => ApiError::SessionExpired,
            (403, "A0E-403-0002") => ApiError::InsufficientScope(detail),
            (403, _) => ApiError::AccessDenied(detail),
            (404, _) => ApiError::NotFound,
            (429, "A0E-429-0002") => ApiError::TooManyAttempts { retry_after },
            (429, _) => ApiError::RateLimited {
                retry_after,
                description: detail,
            },
            (_, "A0E-400-0002") => ApiError::CodeExpired,
            // A wrong code; the client says which kind (`InvalidBindingCode` for a sent one).
            (_, "A0E-400-0003") => ApiError::InvalidOtp,
            (_, "A0E-400-0004") => ApiError::AuthorizationPending,
            (_, "A0E-400-0005") => ApiError::Rejected,
            (400, _) => match problem.validation_errors.first() {
                Some(error) if error.field == "phone_number" => ApiError::InvalidPhoneNumber,
                Some(error) => ApiError::InvalidRequest(error.detail.clone()),
                None => ApiError::InvalidRequest(detail),
            },
            _ => ApiError::Other {
                status,
                error: code(&problem.kind).to_owned(),
                description: detail,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(status: u16, code: &str, extra: &str) -> String {
        format!(
            r#"{{"type":"https://auth0.com/api-errors/{code}","status":{status},"title":"t","detail":"d"{extra}}}"#
        )
    }

    #[test]
    fn each_problem_is_the_error_the_mfa_api_would_give() {
        let error = |status, code: &str, extra: &str| {
            ApiError::from_problem(status, &problem(status, code, extra), Some(7))
        };
        assert_eq!(error(401, "A0E-401-0003", ""), ApiError::SessionExpired);
        assert_eq!(
            error(403, "A0E-403-0002", ""),
            ApiError::InsufficientScope("d".into())
        );
        assert_eq!(error(404, "A0E-404-0001", ""), ApiError::NotFound);
        assert_eq!(
            error(429, "A0E-429-0001", ""),
            ApiError::RateLimited {
                retry_after: Some(7),
                description: "d".into()
            }
        );
        assert_eq!(
            error(429, "A0E-429-0002", ""),
            ApiError::TooManyAttempts {
                retry_after: Some(7)
            }
        );
        assert_eq!(error(400, "A0E-400-0002", ""), ApiError::CodeExpired);
        assert_eq!(error(400, "A0E-400-0003", ""), ApiError::InvalidOtp);
        assert_eq!(
            error(400, "A0E-400-0004", ""),
            ApiError::AuthorizationPending
        );
        assert_eq!(error(400, "A0E-400-0005", ""), ApiError::Rejected);
        assert_eq!(
            error(
                400,
                "A0E-400-0001",
                r#","validation_errors":[{"field":"phone_number","detail":"bad"}]"#
            ),
            ApiError::InvalidPhoneNumber
        );
        assert_eq!(
            error(
                400,
                "A0E-400-0001",
                r#","validation_errors":[{"field":"email","detail":"email must be an email address."}]"#
            ),
            ApiError::InvalidRequest("email must be an email address.".into())
        );
        assert_eq!(
            ApiError::from_problem(503, "<html>", None),
            ApiError::Server { status: 503 }
        );
    }
}
