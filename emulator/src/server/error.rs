//! The HTTP error type: the tenant's error envelope with its status and headers.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::model::rate_limit::RateLimit;
use crate::model::{texts, Error};

/// Marks a response whose CORS headers must be omitted (origin refused at `/oauth/token`).
#[derive(Debug, Clone, Copy)]
pub struct OmitCors;

/// Every error a JSON endpoint returns.
#[derive(Debug)]
pub enum ApiError {
    /// A tenant error (`/oauth/token`, `/mfa/*`).
    Tenant(Error),
    /// No such endpoint (404).
    NotFound,
    /// Wrong method for an endpoint (405).
    MethodNotAllowed,
    /// Bad token at `/userinfo` (401).
    InvalidUserinfoToken,
    /// Test-control request problems (status and description).
    Control(StatusCode, String),
}

impl From<Error> for ApiError {
    fn from(error: Error) -> Self {
        ApiError::Tenant(error)
    }
}

/// `{"error":…,"error_description":…}` with `application/json; charset=utf-8`.
pub fn envelope(status: StatusCode, body: Value) -> Response {
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}

/// Adds `x-ratelimit-*` and `Retry-After`.
pub fn add_rate_limit_headers(headers: &mut HeaderMap, limit: &RateLimit) {
    for (name, value) in [
        ("x-ratelimit-limit", u64::from(limit.limit)),
        ("x-ratelimit-remaining", u64::from(limit.remaining)),
        ("x-ratelimit-reset", limit.reset),
        ("retry-after", limit.retry_after),
    ] {
        headers.insert(name, HeaderValue::from(value));
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, description) = match &self {
            ApiError::Tenant(error) => (error.status(), error.code(), error.description()),
            ApiError::NotFound => (404, "not_found", texts::NOT_FOUND.to_owned()),
            ApiError::MethodNotAllowed => (
                405,
                "method_not_allowed",
                texts::METHOD_NOT_ALLOWED.to_owned(),
            ),
            ApiError::InvalidUserinfoToken => (
                401,
                "invalid_token",
                texts::INVALID_USERINFO_TOKEN.to_owned(),
            ),
            ApiError::Control(status, description) => {
                let code = match *status {
                    StatusCode::NOT_FOUND => "not_found",
                    StatusCode::FORBIDDEN => "forbidden",
                    StatusCode::MISDIRECTED_REQUEST => "misdirected_request",
                    _ => "invalid_request",
                };
                (status.as_u16(), code, description.clone())
            }
        };
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
        let body = match &self {
            ApiError::Tenant(error) => error.envelope(),
            _ => json!({"error": code, "error_description": description}),
        };
        let mut response = envelope(status, body);
        if let ApiError::Tenant(error) = &self {
            if let Some(limit) = error.rate_limit() {
                add_rate_limit_headers(response.headers_mut(), &limit);
            }
            if error.omits_cors() {
                response.extensions_mut().insert(OmitCors);
            }
        }
        if matches!(self, ApiError::InvalidUserinfoToken) {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
        }
        response
    }
}
