//! Reading a refusal off the wire (protocol §2, §4.9, §6.3, §7, §8, §10, §11): status, error
//! envelope and wait become an [`ApiError`].
//!
//! Mapping follows the `error` code, as Auth0 SDKs do; `error_description` is consulted only
//! for the texts SDKs match exactly (`Invalid otp_code.`, `Invalid binding_code.`,
//! `MFA Authorization rejected.`, `Malformed mfa_token`, `mfa_token is expired`) and where the
//! code alone cannot tell two documented cases apart. Tenant texts are carried as data and only
//! ever shown as text.

use super::envelope::Envelope;
use super::error::ApiError;

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
mod tests;
