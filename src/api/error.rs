//! Everything the MFA API and the MFA grants at `/oauth/token` can refuse, mapped from the wire
//! (protocol §2, §4.9, §6.3, §7, §8, §10, §11) to what the user is told and what fixes it.
//!
//! Mapping follows the `error` code, as Auth0 SDKs do; `error_description` is consulted only
//! for the texts SDKs match exactly (`Invalid otp_code.`, `Invalid binding_code.`,
//! `MFA Authorization rejected.`, `Malformed mfa_token`, `mfa_token is expired`) and where the
//! code alone cannot tell two documented cases apart. Tenant texts are carried as data and only
//! ever shown as text.

use super::envelope::Envelope;
use crate::i18n::en::EN;
use crate::i18n::{fill, Texts};
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

/// Error bodies are a few hundred bytes; anything much larger is not an Auth0 error envelope.
const MAX_ERROR_BODY_BYTES: usize = 16 * 1024;
/// Tenant texts longer than this are cut, so a hostile answer cannot flood the page.
const MAX_TEXT_CHARS: usize = 300;

/// The `error_description` of a bad bearer on `/mfa/*`, matched by public client code.
const INVALID_BEARER: &str = "The mfa_token provided is invalid. Try getting a new token.";

impl ApiError {
    /// Maps a non-success answer. `retry_after` is what the HTTP layer read from `Retry-After`
    /// or `x-ratelimit-reset`. Never panics, whatever the body.
    pub fn from_response(status: u16, body: &str, retry_after: Option<u64>) -> ApiError {
        if (500..600).contains(&status) {
            return ApiError::Server { status };
        }
        match parse_envelope(body) {
            Ok((error, description)) => from_code(status, &error, description, retry_after),
            // Without a readable body only the status is left to go on.
            Err(detail) => match status {
                429 => ApiError::RateLimited {
                    retry_after,
                    description: String::new(),
                },
                404 => ApiError::NotFound,
                // Every 401 of these endpoints means the bearer token was refused.
                401 => ApiError::SessionExpired,
                _ => ApiError::Unexpected { status, detail },
            },
        }
    }

    /// One sentence for the user saying what happened (English).
    pub fn message(&self) -> String {
        self.message_in(&EN)
    }

    /// One sentence for the user saying what happened, in the language of `t`. Tenant texts
    /// are inserted as they are.
    pub fn message_in(&self, t: &Texts) -> String {
        let described =
            |template: &str, description: &str| fill(template, &[("description", description)]);
        match self {
            ApiError::SessionExpired => t.api_session_expired.into(),
            ApiError::InvalidOtp => t.api_invalid_otp.into(),
            ApiError::InvalidBindingCode => t.api_invalid_binding_code.into(),
            ApiError::Rejected => t.api_rejected.into(),
            ApiError::AuthorizationPending => t.api_pending.into(),
            ApiError::SlowDown { .. } => t.api_slow_down.into(),
            ApiError::CodeExpired => t.api_code_expired.into(),
            ApiError::TooManyAttempts { .. } => t.api_too_many_attempts.into(),
            ApiError::RateLimited { description, .. } => {
                if description.is_empty() {
                    t.api_rate_limited.into()
                } else {
                    described(t.api_rate_limited_described, description)
                }
            }
            ApiError::AlreadyEnrolled => t.api_already_enrolled.into(),
            ApiError::InsufficientScope(scope) => {
                fill(t.api_insufficient_scope, &[("scope", scope)])
            }
            ApiError::InvalidPhoneNumber => t.api_invalid_phone.into(),
            ApiError::InvalidRequest(description) => described(t.api_invalid_request, description),
            ApiError::FactorDisabled(description) => described(t.api_factor_disabled, description),
            ApiError::NotFound => t.api_not_found.into(),
            ApiError::GrantNotEnabled(description) => {
                described(t.api_grant_not_enabled, description)
            }
            ApiError::OriginNotAllowed => t.api_origin_not_allowed.into(),
            ApiError::AccessDenied(description) => described(t.api_access_denied, description),
            ApiError::WrongAudience(description) => described(t.api_wrong_audience, description),
            ApiError::Network(why) => fill(t.api_network, &[("why", why)]),
            ApiError::DemoUnavailable(why) => fill(t.api_demo_unavailable, &[("why", why)]),
            ApiError::Server { status } => fill(t.api_server, &[("status", &status.to_string())]),
            ApiError::Unexpected { status, detail } => fill(
                t.api_unexpected,
                &[("status", &status.to_string()), ("detail", detail)],
            ),
            ApiError::Other {
                status,
                error,
                description,
            } => {
                let status = status.to_string();
                if description.is_empty() {
                    fill(t.api_other, &[("error", error), ("status", &status)])
                } else {
                    fill(
                        t.api_other_described,
                        &[
                            ("description", description),
                            ("error", error),
                            ("status", &status),
                        ],
                    )
                }
            }
        }
    }

    /// The likely cause and what to do, when there is something useful to say (English).
    pub fn hint(&self) -> Option<String> {
        self.hint_in(&EN)
    }

    /// The likely cause and what to do, in the language of `t`.
    pub fn hint_in(&self, t: &Texts) -> Option<String> {
        let wait = |retry_after: &Option<u64>, otherwise: &str| match retry_after {
            Some(seconds) => fill(t.hint_try_again_in, &[("wait", &wait_text_in(*seconds, t))]),
            None => otherwise.to_owned(),
        };
        Some(match self {
            ApiError::SessionExpired => t.hint_session_expired.into(),
            ApiError::InvalidOtp => t.hint_invalid_otp.into(),
            ApiError::InvalidBindingCode => t.hint_invalid_binding_code.into(),
            ApiError::Rejected => t.hint_rejected.into(),
            ApiError::AuthorizationPending => t.hint_pending.into(),
            ApiError::SlowDown { retry_after } => wait(retry_after, t.hint_wait_seconds),
            ApiError::CodeExpired => t.hint_code_expired.into(),
            ApiError::TooManyAttempts { retry_after } => fill(
                t.hint_codes_blocked,
                &[("wait", &wait(retry_after, t.hint_wait_minutes))],
            ),
            ApiError::RateLimited {
                retry_after,
                description,
            } => {
                if description.contains("maximum amount of authenticators") {
                    t.hint_too_many_enrollments.into()
                } else {
                    wait(retry_after, t.hint_wait_minutes)
                }
            }
            ApiError::AlreadyEnrolled => t.hint_already_enrolled.into(),
            ApiError::InsufficientScope(_) => t.hint_insufficient_scope.into(),
            ApiError::InvalidPhoneNumber => t.hint_invalid_phone.into(),
            ApiError::FactorDisabled(_) => t.hint_factor_disabled.into(),
            ApiError::NotFound => t.hint_not_found.into(),
            ApiError::GrantNotEnabled(_) => t.hint_grant_not_enabled.into(),
            ApiError::OriginNotAllowed => t.hint_origin_not_allowed.into(),
            ApiError::AccessDenied(_) => t.hint_access_denied.into(),
            ApiError::WrongAudience(_) => t.hint_wrong_audience.into(),
            ApiError::Network(_) => t.hint_api_network.into(),
            ApiError::DemoUnavailable(_) => t.hint_demo_unavailable.into(),
            ApiError::Server { .. } => t.hint_server.into(),
            ApiError::Unexpected { .. } => t.hint_unexpected.into(),
            ApiError::InvalidRequest(_) | ApiError::Other { .. } => return None,
        })
    }

    /// True when the user must sign in again before anything else can work.
    pub fn needs_sign_in(&self) -> bool {
        matches!(self, ApiError::SessionExpired)
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

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ApiError {}

/// A wait in words, rounded up so the user never retries too early: "40 seconds", "1 minute",
/// "6 minutes", "1 hour 30 minutes" (English).
pub fn wait_text(seconds: u64) -> String {
    wait_text_in(seconds, &EN)
}

/// [`wait_text`] in the language of `t`.
pub fn wait_text_in(seconds: u64, t: &Texts) -> String {
    let unit = |count: u64, one: &str, many: &str| {
        if count == 1 {
            one.to_owned()
        } else {
            fill(many, &[("count", &count.to_string())])
        }
    };
    if seconds < 60 {
        return unit(seconds, t.second, t.seconds);
    }
    let minutes = seconds.div_ceil(60);
    if minutes < 60 {
        return unit(minutes, t.minute, t.minutes);
    }
    let (hours, minutes) = (minutes / 60, minutes % 60);
    if minutes == 0 {
        unit(hours, t.hour, t.hours)
    } else {
        format!(
            "{} {}",
            unit(hours, t.hour, t.hours),
            unit(minutes, t.minute, t.minutes)
        )
    }
}

/// `error` and `error_description` of an error envelope, or why the body is not one.
fn parse_envelope(body: &str) -> Result<(String, String), String> {
    let trimmed = body.trim();
    if trimmed.is_empty() {
        return Err("an empty answer".into());
    }
    if body.len() > MAX_ERROR_BODY_BYTES {
        return Err(format!(
            "an answer too large to be an error ({} bytes)",
            body.len()
        ));
    }
    if trimmed.starts_with('<') {
        return Err("an HTML page instead of JSON".into());
    }
    let envelope: Envelope = match crate::json::from_text(trimmed) {
        Ok(value) => value,
        Err(e) if trimmed.starts_with('{') || trimmed.starts_with('[') => {
            return Err(format!("malformed JSON ({e})"))
        }
        Err(_) => return Err(format!("text instead of JSON: \"{}\"", clip(trimmed))),
    };
    let error = envelope.error.as_deref().filter(|e| !e.is_empty());
    let Some(error) = error else {
        return Err("JSON without an error code".into());
    };
    // Some Auth0 services put the text in `message` instead of `error_description`.
    let description = envelope
        .error_description
        .as_deref()
        .or(envelope.message.as_deref());
    Ok((clip(error), description.map(clip).unwrap_or_default()))
}

/// The error for a well-formed envelope.
fn from_code(status: u16, error: &str, description: String, retry_after: Option<u64>) -> ApiError {
    match error {
        "invalid_grant" => match description.as_str() {
            "Invalid otp_code." => ApiError::InvalidOtp,
            "Invalid binding_code." => ApiError::InvalidBindingCode,
            "MFA Authorization rejected." => ApiError::Rejected,
            "Malformed mfa_token" | INVALID_BEARER => ApiError::SessionExpired,
            // Seed S1 reports "invalid audience" for a token minted for a custom-domain API.
            d if d.to_ascii_lowercase().contains("audience") => {
                ApiError::WrongAudience(description)
            }
            // Every bearer failure on /mfa/* is a 401 invalid_grant.
            _ if status == 401 => ApiError::SessionExpired,
            _ => other(status, error, description),
        },
        "expired_token" => {
            if description.starts_with("oob_code") {
                ApiError::CodeExpired
            } else {
                ApiError::SessionExpired
            }
        }
        "authorization_pending" => ApiError::AuthorizationPending,
        "slow_down" => ApiError::SlowDown { retry_after },
        "too_many_attempts" => ApiError::TooManyAttempts { retry_after },
        "too_many_requests" => ApiError::RateLimited {
            retry_after,
            description,
        },
        "access_denied" => access_denied(description),
        "unauthorized_client" => ApiError::GrantNotEnabled(description),
        "unsupported_challenge_type"
        | "enrollment_method_disabled"
        | "feature_disabled_by_admin" => ApiError::FactorDisabled(description),
        "invalid_phone_number" => ApiError::InvalidPhoneNumber,
        // The code alone cannot tell a bad phone number from other malformed requests.
        "invalid_request" if description.to_ascii_lowercase().contains("phone number") => {
            ApiError::InvalidPhoneNumber
        }
        "invalid_request" => ApiError::InvalidRequest(description),
        "not_found" => ApiError::NotFound,
        _ if status == 404 => ApiError::NotFound,
        _ => other(status, error, description),
    }
}

/// `access_denied` covers several documented cases told apart only by their text.
fn access_denied(description: String) -> ApiError {
    const SCOPE_PREFIX: &str = "Insufficient scope";
    match description.as_str() {
        "Unauthorized" => ApiError::OriginNotAllowed,
        "User is already enrolled." => ApiError::AlreadyEnrolled,
        d if d.starts_with(SCOPE_PREFIX) => {
            let scope = d
                .split_once("expected any of:")
                .map(|(_, scopes)| scopes.trim())
                .filter(|scopes| !scopes.is_empty())
                .unwrap_or(d);
            ApiError::InsufficientScope(scope.to_owned())
        }
        d if d.starts_with("Service not found")
            || d.starts_with("Service not enabled within domain") =>
        {
            ApiError::WrongAudience(description)
        }
        _ => ApiError::AccessDenied(description),
    }
}

fn other(status: u16, error: &str, description: String) -> ApiError {
    ApiError::Other {
        status,
        error: error.to_owned(),
        description,
    }
}

/// At most [`MAX_TEXT_CHARS`] characters of a tenant text, marked when cut.
fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_TEXT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(error: &str, description: &str) -> String {
        serde_json::json!({"error": error, "error_description": description}).to_string()
    }

    /// One error row of protocol.md: where it comes from, what the tenant sends (status,
    /// `error`, `error_description`, the wait the HTTP layer read) and the variant expected.
    struct Row {
        case: &'static str,
        status: u16,
        error: &'static str,
        description: &'static str,
        retry_after: Option<u64>,
        expected: ApiError,
    }

    #[rustfmt::skip]
    fn protocol_rows() -> Vec<Row> {
        use ApiError::*;
        let row = |case, status, error, description, expected| Row {
            case, status, error, description, retry_after: None, expected,
        };
        let waited = |case, status, error, description, retry_after, expected| Row {
            case, status, error, description, retry_after: Some(retry_after), expected,
        };
        let limited = |description: &str, retry_after| RateLimited { retry_after, description: description.into() };
        let grant = "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client.";
        let pending = "User has created the maximum amount of authenticators";
        let custom = "Service not enabled within domain: https://login.acme.com/mfa/";
        let implicit = "Verified emails cannot be removed as authenticators";
        vec![
            // §4.9 /oauth/token catalogue
            row("§4.9 invalid code", 403, "invalid_grant", "Invalid authorization code",
                other(403, "invalid_grant", "Invalid authorization code".into())),
            row("§4.9 PKCE", 403, "invalid_grant", "Failed to verify code verifier",
                other(403, "invalid_grant", "Failed to verify code verifier".into())),
            row("§4.9 missing parameter", 400, "invalid_request", "Missing required parameter: otp",
                InvalidRequest("Missing required parameter: otp".into())),
            row("§4.9 missing binding_code", 400, "invalid_request", "Missing required parameter: binding_code",
                InvalidRequest("Missing required parameter: binding_code".into())),
            row("§4.9 grant not enabled", 403, "unauthorized_client", grant, GrantNotEnabled(grant.into())),
            row("§4.9 unknown grant type", 400, "unsupported_grant_type", "Grant type not supported",
                other(400, "unsupported_grant_type", "Grant type not supported".into())),
            row("§4.9 origin not allowed", 401, "access_denied", "Unauthorized", OriginNotAllowed),
            row("§4.9 wrong TOTP", 403, "invalid_grant", "Invalid otp_code.", InvalidOtp),
            row("§4.9 wrong TOTP (401 fixture)", 401, "invalid_grant", "Invalid otp_code.", InvalidOtp),
            row("§4.9 wrong binding code", 403, "invalid_grant", "Invalid binding_code.", InvalidBindingCode),
            row("§4.9 push rejected", 403, "invalid_grant", "MFA Authorization rejected.", Rejected),
            row("§4.9 malformed mfa_token", 403, "invalid_grant", "Malformed mfa_token", SessionExpired),
            row("§4.9 mfa_token expired", 403, "expired_token", "mfa_token is expired", SessionExpired),
            row("§4.9 oob_code expired", 403, "expired_token", "oob_code is expired", CodeExpired),
            row("§4.9 other client", 400, "invalid_request", "mfa_token not issued to this client",
                InvalidRequest("mfa_token not issued to this client".into())),
            row("§4.9 oob mismatch", 400, "invalid_request", "The oob_code doesn't match the mfa_token",
                InvalidRequest("The oob_code doesn't match the mfa_token".into())),
            row("§4.9 non-MFA audience", 403, "invalid_grant", "invalid audience",
                WrongAudience("invalid audience".into())),
            row("§4.9 pending", 403, "authorization_pending",
                "Authorization pending: please repeat the request in a few seconds.", AuthorizationPending),
            waited("§4.9 slow down", 429, "slow_down", "You are polling faster than allowed. Try again in 5 seconds.",
                5, SlowDown { retry_after: Some(5) }),
            waited("§4.9 too many attempts", 429, "too_many_attempts",
                "Too many failed codes. Wait for some minutes before retrying.", 360,
                TooManyAttempts { retry_after: Some(360) }),
            row("§4.9 rate limit", 429, "too_many_requests", "Rate limit exceeded.",
                limited("Rate limit exceeded.", None)),
            // §5.4 custom-domain audience at /oauth/token
            row("§5.4 custom audience", 403, "access_denied", custom, WrongAudience(custom.into())),
            // §6.3 associate errors
            row("§6.3 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
            row("§6.3 already enrolled", 403, "access_denied", "User is already enrolled.", AlreadyEnrolled),
            row("§6.3 missing enroll", 403, "access_denied", "Insufficient scope, expected any of: enroll",
                InsufficientScope("enroll".into())),
            row("§6.3 unknown type", 400, "invalid_request", "Unsupported authenticator type: webauthn",
                InvalidRequest("Unsupported authenticator type: webauthn".into())),
            row("§6.3 factor disabled", 403, "unsupported_challenge_type", "The factor is not enabled for this tenant: sms",
                FactorDisabled("The factor is not enabled for this tenant: sms".into())),
            row("§6.3 bad phone", 400, "invalid_request", "The provided phone number is invalid", InvalidPhoneNumber),
            row("§6.3 Guardian bad phone", 400, "invalid_phone_number", "", InvalidPhoneNumber),
            row("§6.3 50 pending (429)", 429, "too_many_requests", pending, limited(pending, None)),
            row("§6.3 50 pending (403)", 403, "too_many_requests", pending, limited(pending, None)),
            waited("§6.3 send limit", 429, "too_many_requests", "Rate limit exceeded.", 3600,
                limited("Rate limit exceeded.", Some(3600))),
            // §7 list errors
            row("§7 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
            row("§7 missing read scope", 403, "access_denied", "Insufficient scope, expected any of: read:authenticators",
                InsufficientScope("read:authenticators".into())),
            // §8 delete errors
            row("§8 unknown id", 404, "not_found", "Authenticator not found", NotFound),
            row("§8 implicit email", 403, "access_denied", implicit, AccessDenied(implicit.into())),
            row("§8 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
            row("§8 missing remove scope", 403, "access_denied", "Insufficient scope, expected any of: remove:authenticators",
                InsufficientScope("remove:authenticators".into())),
            row("§8 mfa_token cannot delete", 403, "access_denied", "Forbidden", AccessDenied("Forbidden".into())),
            // §10 rate limit with Retry-After
            waited("§10 rate limit", 429, "too_many_requests", "Rate limit exceeded.", 360,
                limited("Rate limit exceeded.", Some(360))),
            // §11 CORS: origin not in Allowed Web Origins
            row("§11 CORS", 401, "access_denied", "Unauthorized", OriginNotAllowed),
        ]
    }

    #[test]
    fn every_protocol_error_row_maps_to_its_variant() {
        for row in protocol_rows() {
            let got = ApiError::from_response(
                row.status,
                &body(row.error, row.description),
                row.retry_after,
            );
            assert_eq!(got, row.expected, "{}", row.case);
            assert!(!got.message().is_empty(), "{}", row.case);
        }
    }

    #[test]
    fn status_decides_only_without_a_readable_body() {
        let html = "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>";
        assert_eq!(
            ApiError::from_response(503, html, None),
            ApiError::Server { status: 503 }
        );
        // 5xx wins even over a readable envelope.
        let json = body("invalid_grant", "Invalid otp_code.");
        assert_eq!(
            ApiError::from_response(500, &json, None),
            ApiError::Server { status: 500 }
        );
        assert_eq!(
            ApiError::from_response(429, "", Some(40)),
            ApiError::RateLimited {
                retry_after: Some(40),
                description: String::new()
            }
        );
        assert_eq!(
            ApiError::from_response(404, "<html>missing</html>", None),
            ApiError::NotFound
        );
        assert_eq!(
            ApiError::from_response(403, &body("something_new", "Nope"), None),
            other(403, "something_new", "Nope".into())
        );
        assert_eq!(
            ApiError::from_response(404, &body("gone", "Gone"), None),
            ApiError::NotFound
        );
    }

    #[test]
    fn unreadable_401_still_means_sign_in_again() {
        assert_eq!(
            ApiError::from_response(401, "<html>Unauthorized</html>", None),
            ApiError::SessionExpired
        );
    }

    #[test]
    fn unreadable_bodies_are_unexpected_not_panics() {
        let cases = [
            (403, "", "an empty answer"),
            (400, "   \n", "an empty answer"),
            (403, "<html><body>Forbidden</body></html>", "HTML"),
            (400, "{\"error\":\"invalid_gr", "malformed JSON"),
            (400, "[1, 2", "malformed JSON"),
            (
                403,
                "Origin https://test.app is not allowed.",
                "Origin https://test.app is not allowed.",
            ),
            (200, "{\"authenticators\":[]}", "without an error code"),
            (400, "{\"error\":42}", "without an error code"),
            (400, "null", "without an error code"),
        ];
        for (status, text, detail_part) in cases {
            match ApiError::from_response(status, text, None) {
                ApiError::Unexpected { status: s, detail } => {
                    assert_eq!(s, status);
                    assert!(detail.contains(detail_part), "{text:?} gave {detail:?}");
                }
                other => panic!("{text:?} gave {other:?}"),
            }
        }
        let huge = format!(
            "{{\"error\":\"x\",\"error_description\":\"{}\"}}",
            "a".repeat(20_000)
        );
        assert!(matches!(
            ApiError::from_response(400, &huge, None),
            ApiError::Unexpected { status: 400, .. }
        ));
    }

    #[test]
    fn long_tenant_texts_are_clipped() {
        let long = "é".repeat(1_000);
        let got = ApiError::from_response(400, &body("invalid_request", &long), None);
        let ApiError::InvalidRequest(text) = got else {
            panic!("{got:?}")
        };
        assert_eq!(text.chars().count(), MAX_TEXT_CHARS + 1);
        assert!(text.ends_with('…'));
    }

    #[test]
    fn message_member_stands_in_for_error_description() {
        let text = r#"{"statusCode":403,"error":"access_denied","message":"Insufficient scope, expected any of: enroll"}"#;
        assert_eq!(
            ApiError::from_response(403, text, None),
            ApiError::InsufficientScope("enroll".into())
        );
    }

    #[test]
    fn server_text_is_kept_verbatim_as_data() {
        let hostile = "<script>alert(1)</script>";
        let got = ApiError::from_response(400, &body("invalid_request", hostile), None);
        assert!(got.message().contains(hostile));
        assert!(got.to_string().contains(hostile));
        let got = ApiError::from_response(403, &body("access_denied", hostile), None);
        assert!(got.message().contains(hostile));
    }

    #[test]
    fn wait_text_reads_naturally() {
        assert_eq!(wait_text(0), "0 seconds");
        assert_eq!(wait_text(1), "1 second");
        assert_eq!(wait_text(40), "40 seconds");
        assert_eq!(wait_text(60), "1 minute");
        assert_eq!(wait_text(61), "2 minutes");
        assert_eq!(wait_text(360), "6 minutes");
        assert_eq!(wait_text(3600), "1 hour");
        assert_eq!(wait_text(5400), "1 hour 30 minutes");
        assert_eq!(wait_text(7260), "2 hours 1 minute");
        assert!(wait_text(u64::MAX).contains("hours"));
    }

    #[test]
    fn hints_name_the_fix() {
        let hint = |e: ApiError| e.hint().unwrap_or_default();
        assert!(hint(ApiError::TooManyAttempts {
            retry_after: Some(360)
        })
        .contains("Try again in 6 minutes."));
        assert!(hint(ApiError::RateLimited {
            retry_after: Some(40),
            description: String::new()
        })
        .contains("in 40 seconds"));
        assert!(hint(ApiError::RateLimited {
            retry_after: None,
            description: "User has created the maximum amount of authenticators".into()
        })
        .contains("did not finish"));
        assert!(hint(ApiError::OriginNotAllowed).contains("Allowed Web Origins"));
        assert!(hint(ApiError::Network("Failed to fetch".into())).contains("Allowed Web Origins"));
        assert!(
            hint(ApiError::WrongAudience("invalid audience".into())).contains("canonical_domain")
        );
        assert!(hint(ApiError::GrantNotEnabled(String::new())).contains("Grant Types"));
        assert!(hint(ApiError::CodeExpired).contains("new code"));
        assert!(hint(ApiError::AccessDenied("x".into())).contains("verified email"));
        assert_eq!(ApiError::InvalidRequest("x".into()).hint(), None);
    }

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
        let error: Box<dyn std::error::Error> = Box::new(ApiError::NotFound);
        assert_eq!(error.to_string(), ApiError::NotFound.message());
    }
}
