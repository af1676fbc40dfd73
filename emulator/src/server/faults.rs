//! Fault injection for the next N requests: latency, 5xx with an HTML body, 429 with the
//! tenant's rate-limit headers, a dropped connection, or missing CORS headers. The middleware
//! here applies the faults registered in the state's [`Faults`](crate::server::fault_plan::Faults).

use std::time::Duration;

use crate::model::rate_limit::RateLimit;
use crate::server::error::ApiError;
use crate::server::fault_plan::{DropConnection, FaultKind};
use crate::server::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
