//! Fault injection for the next N requests: latency, 5xx with an HTML body, 429 with the
//! tenant's rate-limit headers, a dropped connection, or missing CORS headers.

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::model::rate_limit::RateLimit;
use crate::server::error::ApiError;
use crate::server::state::AppState;

/// What a fault does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Delay the response by `ms` milliseconds.
    Latency {
        /// Delay.
        ms: u64,
    },
    /// Answer with `status` and an HTML body (to exercise non-JSON error handling).
    Status {
        /// 400–599.
        status: u16,
    },
    /// Answer 429 `too_many_requests` with `x-ratelimit-*` and `Retry-After`.
    RateLimit {
        /// `Retry-After`.
        retry_after_seconds: u64,
    },
    /// Close the connection without a response.
    Drop,
    /// Answer 200 with a JSON content type but a truncated body.
    Malformed,
    /// Answer 200 with a valid JSON array of about `bytes` bytes.
    Oversized {
        /// Approximate body size.
        bytes: usize,
    },
    /// Answer `status` with the tenant's JSON error envelope.
    Error {
        /// 400–599.
        status: u16,
        /// The `error` code.
        error: String,
        /// The `error_description` text.
        error_description: String,
    },
    /// Omit every CORS header (preflights included).
    NoCors,
}

/// A fault registered with `POST /__emulator/faults`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// What it does.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// For how many matching requests.
    pub count: u32,
    /// Only requests whose path starts with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// Marks a response whose connection must be closed without sending it.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// Registered faults, used in order.
#[derive(Debug, Default)]
pub struct Faults(Vec<FaultSpec>);

impl Faults {
    /// Registers a fault.
    pub fn add(&mut self, fault: FaultSpec) {
        if fault.count > 0 {
            self.0.push(fault);
        }
    }

    /// Takes one use of the first matching fault (`no_cors` ones only if `no_cors`).
    fn take(&mut self, path: &str, no_cors: bool) -> Option<FaultKind> {
        if path.starts_with("/__emulator") {
            return None;
        }
        let index = self.0.iter().position(|f| {
            (f.kind == FaultKind::NoCors) == no_cors
                && f.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
        })?;
        let fault = &mut self.0[index];
        fault.count -= 1;
        let kind = fault.kind.clone();
        if fault.count == 0 {
            self.0.remove(index);
        }
        Some(kind)
    }

    /// Takes one use of a matching `no_cors` fault.
    pub fn take_no_cors(&mut self, path: &str) -> bool {
        self.take(path, true).is_some()
    }
}

/// Middleware applying the next matching fault.
pub async fn apply(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let fault = state.faults().take(request.uri().path(), false);
    match fault {
        None | Some(FaultKind::NoCors) => next.run(request).await,
        Some(FaultKind::Latency { ms }) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(request).await
        }
        Some(FaultKind::Status { status }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let reason = status.canonical_reason().unwrap_or("Error");
            let body = format!(
                "<html><head><title>{code} {reason}</title></head><body><center><h1>{code} {reason}</h1></center></body></html>",
                code = status.as_u16()
            );
            let mut response = (status, body).into_response();
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html"));
            response
        }
        Some(FaultKind::RateLimit {
            retry_after_seconds,
        }) => {
            let reset = state.now() + retry_after_seconds;
            let limit = RateLimit {
                limit: 10,
                remaining: 0,
                reset,
                retry_after: retry_after_seconds,
            };
            ApiError::from(crate::model::Error::RateLimited(limit)).into_response()
        }
        Some(FaultKind::Malformed) => json_response(
            StatusCode::OK,
            "{\"authenticator_type\":\"otp\",\"sec".into(),
        ),
        Some(FaultKind::Oversized { bytes }) => {
            let entry =
                r#"{"id":"totp|dev_Oversized000000","authenticator_type":"otp","active":true}"#;
            let copies = (bytes / (entry.len() + 1)).max(1);
            json_response(
                StatusCode::OK,
                format!("[{}]", vec![entry; copies].join(",")),
            )
        }
        Some(FaultKind::Error {
            status,
            error,
            error_description,
        }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
            let body = serde_json::json!({"error": error, "error_description": error_description});
            json_response(status, body.to_string())
        }
        Some(FaultKind::Drop) => {
            let mut response = StatusCode::SERVICE_UNAVAILABLE.into_response();
            response.extensions_mut().insert(DropConnection);
            response
        }
    }
}

/// A response with a JSON content type and `body` as given (valid or not).
fn json_response(status: StatusCode, body: String) -> Response {
    let mut response = (status, body).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    response
}
