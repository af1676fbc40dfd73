//! The HTTP transport both API clients share: `fetch` with a deadline, the bearer from the
//! signed-in session, and one renewal and resend when the tenant refuses the token, so the
//! screens never see an expiry the session could recover from.

use super::answer::{wait_seconds, Answer};
use super::error::ApiError;
use super::session::SessionSource;
use crate::browser::deadline::{Deadline, REQUEST_TIMEOUT};
use gloo_net::http::{Method, Request, RequestBuilder, Response};
use std::rc::Rc;

/// Answers larger than this are refused rather than parsed.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// Builds one attempt's request from the token and the attempt's abort signal.
pub type BuildRequest<'a> =
    &'a dyn Fn(&str, Option<&web_sys::AbortSignal>) -> Result<Request, ApiError>;

/// Requests to one tenant, signed in through a session.
pub struct Transport {
    /// The tenant's origin, without a trailing slash.
    pub origin: String,
    session: Rc<dyn SessionSource>,
}

impl Transport {
    /// A transport to the tenant at `origin` (`https://acme.us.auth0.com`).
    pub fn new(origin: &str, session: Rc<dyn SessionSource>) -> Transport {
        Transport {
            origin: origin.trim_end_matches('/').to_owned(),
            session,
        }
    }

    /// Sends the request `build` makes with the current token. When the tenant refuses the
    /// token (or there is none), renews the session once and sends it again with the new one.
    pub async fn send_signed_in(&self, build: BuildRequest<'_>) -> Result<Answer, ApiError> {
        let mut renewed = false;
        loop {
            if let Some(token) = self.session.bearer() {
                let deadline = Deadline::start(REQUEST_TIMEOUT);
                let answer = send(build(&token, deadline.signal().as_ref())?, &deadline).await?;
                if renewed || !refuses_token(&answer) {
                    return Ok(answer);
                }
            } else if renewed {
                return Err(ApiError::SessionExpired);
            }
            if !self.session.renew().await {
                return Err(ApiError::SessionExpired);
            }
            renewed = true;
        }
    }
}

impl Transport {
    /// `GET url`, signed in.
    pub async fn get(&self, url: &str) -> Result<Answer, ApiError> {
        self.send_signed_in(&|token, signal| {
            signed(Request::get(url), token, signal)
                .build()
                .map_err(request_error)
        })
        .await
    }

    /// `DELETE url`, signed in.
    pub async fn delete(&self, url: &str) -> Result<Answer, ApiError> {
        self.send_signed_in(&|token, signal| {
            signed(Request::delete(url), token, signal)
                .build()
                .map_err(request_error)
        })
        .await
    }

    /// `POST url` with a JSON `body`, signed in.
    pub async fn post_json(&self, url: &str, body: &str) -> Result<Answer, ApiError> {
        self.send_json(Method::POST, url, body).await
    }

    /// `method url` with a JSON `body`, signed in.
    pub async fn send_json(
        &self,
        method: Method,
        url: &str,
        body: &str,
    ) -> Result<Answer, ApiError> {
        self.send_signed_in(&|token, signal| {
            signed(
                RequestBuilder::new(url).method(method.clone()),
                token,
                signal,
            )
            .header("Content-Type", "application/json")
            .body(body)
            .map_err(request_error)
        })
        .await
    }
}

/// True for an answer refusing the token itself (expired, revoked, malformed) or its scope
/// (step-up: the tenant wants a token with more): a new token can fix it. Read as either
/// API's error shape, the transport serving both.
fn refuses_token(answer: &Answer) -> bool {
    let fixable = |e: ApiError| e.needs_sign_in() || matches!(e, ApiError::InsufficientScope(_));
    answer.success().is_err_and(fixable) || answer.problem().is_err_and(fixable)
}

/// `builder` with the attempt's abort signal and `token` in the `Authorization` header.
fn signed(
    builder: RequestBuilder,
    token: &str,
    signal: Option<&web_sys::AbortSignal>,
) -> RequestBuilder {
    builder
        .abort_signal(signal)
        .header("Authorization", &format!("Bearer {token}"))
}

/// Sends a request and reads the whole answer (refusing oversized ones).
async fn send(request: Request, deadline: &Deadline) -> Result<Answer, ApiError> {
    let response = request
        .send()
        .await
        .map_err(|e| network_error(deadline, e))?;
    let status = response.status();
    let retry_after = retry_after(&response);
    let location = response.headers().get("location");
    let body = response
        .text()
        .await
        .map_err(|e| network_error(deadline, e))?;
    if body.len() > MAX_BODY_BYTES {
        return Err(ApiError::Unexpected {
            status,
            detail: format!("the answer is too large ({} bytes)", body.len()),
        });
    }
    Ok(Answer {
        status,
        body,
        retry_after,
        location,
    })
}

/// Seconds to wait, from the answer's `Retry-After` or `x-ratelimit-reset`.
fn retry_after(response: &Response) -> Option<u64> {
    let headers = response.headers();
    wait_seconds(
        headers.get("retry-after").as_deref(),
        headers.get("x-ratelimit-reset").as_deref(),
        js_sys::Date::now(),
    )
}

/// The error for a request that did not complete: a timeout says so, anything else is a
/// network error.
fn network_error(deadline: &Deadline, e: gloo_net::Error) -> ApiError {
    if deadline.expired() {
        ApiError::Network(format!(
            "no answer within {} seconds",
            REQUEST_TIMEOUT.as_secs()
        ))
    } else {
        ApiError::Network(e.to_string())
    }
}

/// A request that could not even be built.
pub fn request_error(e: gloo_net::Error) -> ApiError {
    ApiError::Network(e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::answer::tests::answer;

    #[test]
    fn refused_tokens_and_missing_scopes_are_renewed_in_either_apis_shape() {
        assert!(refuses_token(&answer(
            401,
            r#"{"error":"invalid_grant","error_description":"expired"}"#
        )));
        assert!(refuses_token(&answer(
            403,
            r#"{"type":"https://auth0.com/api-errors/A0E-403-0002","status":403,"title":"Forbidden","detail":"Insufficient scope"}"#
        )));
        assert!(refuses_token(&answer(
            403,
            r#"{"error":"access_denied","error_description":"Insufficient scope, expected any of: remove:authenticators"}"#
        )));
        assert!(!refuses_token(&answer(
            429,
            r#"{"error":"too_many_requests","error_description":"slow down"}"#
        )));
        assert!(!refuses_token(&answer(
            400,
            r#"{"type":"https://auth0.com/api-errors/A0E-400-0001","status":400,"title":"Bad Request","detail":"x"}"#
        )));
        assert!(!refuses_token(&answer(204, "")));
    }
}
