//! An endpoint's answer — status, body and `Retry-After` — read the same way whether it came
//! over `fetch` or from demo mode's in-page tenant.

use super::error::ApiError;
use serde::de::DeserializeOwned;

/// What an MFA API endpoint answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The body (JSON, or empty for 204).
    pub body: String,
    /// Seconds to wait, from `Retry-After` (or `x-ratelimit-reset`).
    pub retry_after: Option<u64>,
    /// The `Location` header (a started My Account enrollment's method).
    pub location: Option<String>,
}

impl Answer {
    /// `Ok` for a 2xx answer, else the [`ApiError`] its status and error envelope describe.
    pub fn success(&self) -> Result<(), ApiError> {
        if (200..300).contains(&self.status) {
            Ok(())
        } else {
            Err(ApiError::from_response(
                self.status,
                &self.body,
                self.retry_after,
            ))
        }
    }

    /// A 2xx answer's JSON body as `T`; any other answer as its [`ApiError`].
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        self.success()?;
        self.parse()
    }

    /// `Ok` for a 2xx answer of the My Account API, else its problem as an [`ApiError`].
    pub fn problem(&self) -> Result<(), ApiError> {
        if (200..300).contains(&self.status) {
            Ok(())
        } else {
            Err(ApiError::from_problem(
                self.status,
                &self.body,
                self.retry_after,
            ))
        }
    }

    /// The body of a 2xx answer of the My Account API as `T`, else its problem.
    pub fn problem_json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        self.problem()?;
        self.parse()
    }

    fn parse<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        crate::json::from_text(&self.body).map_err(|e| ApiError::Unexpected {
            status: self.status,
            detail: format!("the answer is not the expected JSON ({e})"),
        })
    }
}

/// Seconds to wait before retrying, from the `Retry-After` header (seconds) or else
/// `x-ratelimit-reset` (a unix time in seconds), given the time now in milliseconds.
///
/// Both are read as whole numbers: a float parser would add its lookup tables to the bundle.
pub fn wait_seconds(
    retry_after: Option<&str>,
    ratelimit_reset: Option<&str>,
    now_ms: f64,
) -> Option<u64> {
    if let Some(seconds) = retry_after.and_then(|v| v.trim().parse().ok()) {
        return Some(seconds);
    }
    let reset: u64 = ratelimit_reset?.trim().parse().ok()?;
    let now = (now_ms / 1000.0) as u64;
    Some(reset.saturating_sub(now))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::api::Authenticator;

    /// An answer with `status` and `body` and no headers (shared by the API's tests).
    pub(crate) fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            body: body.into(),
            retry_after: None,
            location: None,
        }
    }

    #[test]
    fn success_bodies_are_parsed_and_refusals_mapped() {
        let list: Vec<Authenticator> = answer(200, "[]").json().unwrap();
        assert!(list.is_empty());
        assert_eq!(answer(204, "").success(), Ok(()));
        assert_eq!(
            answer(
                404,
                r#"{"error":"not_found","error_description":"Authenticator not found"}"#
            )
            .success(),
            Err(ApiError::NotFound)
        );
        assert!(matches!(
            answer(200, "<html>").json::<Vec<Authenticator>>(),
            Err(ApiError::Unexpected { status: 200, .. })
        ));
    }

    #[test]
    fn wait_comes_from_retry_after_or_else_the_reset_time() {
        let now_ms = 1_675_452_000_250.0;
        assert_eq!(
            wait_seconds(Some(" 360 "), Some("1675452600"), now_ms),
            Some(360)
        );
        assert_eq!(wait_seconds(None, Some("1675452600"), now_ms), Some(600));
        assert_eq!(
            wait_seconds(Some("soon"), Some("1675452030"), now_ms),
            Some(30)
        );
        // A reset time already past means retry now, not a wrapped-around wait.
        assert_eq!(wait_seconds(None, Some("1675451000"), now_ms), Some(0));
        assert_eq!(wait_seconds(None, Some("1675452600.5"), now_ms), None);
        assert_eq!(wait_seconds(None, None, now_ms), None);
    }
}
