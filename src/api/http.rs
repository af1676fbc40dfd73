//! `HttpMfaApi`: the real MFA API over `fetch`, authenticated with the in-memory MFA token.
//! A request whose token the tenant refuses (expired or revoked) renews the session once and is
//! sent again, so the screens never see an expiry the session could recover from.

use super::answer::{wait_seconds, Answer};
use super::error::ApiError;
use super::session::SessionSource;
use super::types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};
use super::{ApiFuture, MfaApi};
use crate::browser::deadline::{Deadline, REQUEST_TIMEOUT};
use gloo_net::http::{Request, RequestBuilder, Response};
use std::rc::Rc;

/// Grant type confirming a TOTP enrollment.
pub const GRANT_MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
/// Grant type confirming an SMS, voice, email or push enrollment.
pub const GRANT_MFA_OOB: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
/// Answers larger than this are refused rather than parsed.
const MAX_BODY_BYTES: usize = 256 * 1024;

/// The MFA API of a tenant.
pub struct HttpMfaApi {
    origin: String,
    client_id: String,
    session: Rc<dyn SessionSource>,
}

/// Builds one attempt's request from the token and the attempt's abort signal.
type BuildRequest<'a> =
    &'a dyn Fn(&str, Option<&web_sys::AbortSignal>) -> Result<Request, ApiError>;

impl HttpMfaApi {
    /// An API client for the tenant at `origin` (`https://acme.us.auth0.com`), signed in
    /// through `session`.
    pub fn new(origin: &str, client_id: &str, session: Rc<dyn SessionSource>) -> HttpMfaApi {
        HttpMfaApi {
            origin: origin.trim_end_matches('/').to_owned(),
            client_id: client_id.to_owned(),
            session,
        }
    }

    /// Sends the request `build` makes with the current token. When the tenant refuses the
    /// token (or there is none), renews the session once and sends it again with the new one.
    async fn send_signed_in(&self, build: BuildRequest<'_>) -> Result<Answer, ApiError> {
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

/// True for an answer refusing the token itself (expired, revoked, malformed): renewing the
/// session can fix it.
fn refuses_token(answer: &Answer) -> bool {
    answer.success().is_err_and(|e| e.needs_sign_in())
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

fn request_error(e: gloo_net::Error) -> ApiError {
    ApiError::Network(e.to_string())
}

impl MfaApi for HttpMfaApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move {
            let url = format!("{}/mfa/authenticators", self.origin);
            self.send_signed_in(&|token, signal| {
                signed(Request::get(&url), token, signal)
                    .build()
                    .map_err(request_error)
            })
            .await?
            .json()
        })
    }

    fn associate(&self, associate: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move {
            let url = format!("{}/mfa/associate", self.origin);
            let body = associate.body();
            self.send_signed_in(&|token, signal| {
                signed(Request::post(&url), token, signal)
                    .header("Content-Type", "application/json")
                    .body(body.as_str())
                    .map_err(request_error)
            })
            .await?
            .json()
        })
    }

    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(async move {
            let url = format!("{}/oauth/token", self.origin);
            self.send_signed_in(&|token, signal| {
                Request::post(&url)
                    .abort_signal(signal)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .body(self.confirm_form(&confirm, token))
                    .map_err(request_error)
            })
            .await?
            .json()
        })
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let encoded = String::from(js_sys::encode_uri_component(&id.0));
            let url = format!("{}/mfa/authenticators/{encoded}", self.origin);
            self.send_signed_in(&|token, signal| {
                signed(Request::delete(&url), token, signal)
                    .build()
                    .map_err(request_error)
            })
            .await?
            .success()
        })
    }
}

impl HttpMfaApi {
    /// The MFA grant's form confirming an enrollment, with the MFA token as `mfa_token`.
    fn confirm_form(&self, confirm: &Confirm, token: &str) -> String {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("client_id", &self.client_id)
            .append_pair("mfa_token", token);
        match confirm {
            Confirm::Otp { otp } => {
                form.append_pair("grant_type", GRANT_MFA_OTP)
                    .append_pair("otp", otp);
            }
            Confirm::Oob {
                oob_code,
                binding_code,
            } => {
                form.append_pair("grant_type", GRANT_MFA_OOB)
                    .append_pair("oob_code", oob_code);
                if let Some(code) = binding_code {
                    form.append_pair("binding_code", code);
                }
            }
        }
        form.finish()
    }
}
