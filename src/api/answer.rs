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
        serde_json::from_slice(self.body.as_bytes()).map_err(|e| ApiError::Unexpected {
            status: self.status,
            detail: format!("the answer is not the expected JSON ({e})"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Authenticator;

    fn answer(status: u16, body: &str) -> Answer {
        Answer {
            status,
            body: body.into(),
            retry_after: None,
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
}
