//! Test control under `/__emulator/` (mounted only with `--test-control`).

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use crate::model::outbox::PushAnswerError;
use crate::server::body;
use crate::server::error::ApiError;
use crate::server::fault_plan::{FaultKind, FaultSpec};
use crate::server::state::{AppState, MAX_CLOCK_OFFSET};

/// Injected latency is capped at 10 minutes.
const MAX_LATENCY_MS: u64 = 600_000;

/// The control routes, to nest under `/__emulator`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/outbox", get(outbox))
        .route("/push/{id}/approve", post(approve))
        .route("/push/{id}/reject", post(reject))
        .route("/clock", post(clock))
        .route("/faults", post(add_fault).delete(clear_faults))
        .route("/sessions/clear", post(clear_sessions))
        .route("/requests", get(requests).delete(clear_requests))
        .route("/reset", post(reset))
}

/// Reads a control request's JSON body.
pub async fn json_body<T: DeserializeOwned>(body: Body) -> Result<T, ApiError> {
    let bytes = body::read(body).await?;
    serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::Control(StatusCode::BAD_REQUEST, format!("Invalid body: {e}")))
}

async fn outbox(State(state): State<AppState>) -> Response {
    Json(state.tenant().outbox().to_vec()).into_response()
}

fn answer(state: &AppState, id: &str, approve: bool) -> Result<StatusCode, ApiError> {
    let id: u64 = id
        .parse()
        .map_err(|_| ApiError::Control(StatusCode::NOT_FOUND, "No such outbox message".into()))?;
    match state.tenant().answer_push(id, approve) {
        Ok(()) => Ok(StatusCode::NO_CONTENT),
        Err(PushAnswerError::NotFound) => Err(ApiError::Control(
            StatusCode::NOT_FOUND,
            "No such outbox message".into(),
        )),
        Err(PushAnswerError::NotPending) => Err(ApiError::Control(
            StatusCode::CONFLICT,
            "The message is not a pending push request".into(),
        )),
    }
}

async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    answer(&state, &id, true)
}

async fn reject(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    answer(&state, &id, false)
}

#[derive(Deserialize)]
struct Advance {
    advance_seconds: u64,
}

async fn clock(State(state): State<AppState>, body: Body) -> Result<Response, ApiError> {
    let advance: Advance = json_body(body).await?;
    let now = state
        .advance_clock(advance.advance_seconds)
        .ok_or_else(|| {
            ApiError::Control(
                StatusCode::BAD_REQUEST,
                "advance_seconds is too large".into(),
            )
        })?;
    Ok(Json(json!({ "now": now })).into_response())
}

async fn add_fault(State(state): State<AppState>, body: Body) -> Result<StatusCode, ApiError> {
    let fault: FaultSpec = json_body(body).await?;
    let problem = match fault.kind {
        FaultKind::Status { status } if !(400..=599).contains(&status) => {
            Some("status must be 400-599")
        }
        FaultKind::Error { status, .. } if !(400..=599).contains(&status) => {
            Some("status must be 400-599")
        }
        FaultKind::Oversized { bytes } if bytes > 16 * 1024 * 1024 => {
            Some("bytes must be at most 16777216")
        }
        FaultKind::Latency { ms } if ms > MAX_LATENCY_MS => Some("ms must be at most 600000"),
        FaultKind::RateLimit {
            retry_after_seconds,
        } if retry_after_seconds > MAX_CLOCK_OFFSET => Some("retry_after_seconds is too large"),
        _ => None,
    };
    if let Some(problem) = problem {
        return Err(ApiError::Control(StatusCode::BAD_REQUEST, problem.into()));
    }
    state.faults().add(fault);
    Ok(StatusCode::NO_CONTENT)
}

async fn clear_faults(State(state): State<AppState>) -> StatusCode {
    *state.faults() = Default::default();
    StatusCode::NO_CONTENT
}

async fn clear_sessions(State(state): State<AppState>) -> StatusCode {
    state.tenant().clear_sessions();
    StatusCode::NO_CONTENT
}

async fn requests(State(state): State<AppState>) -> Response {
    Json(state.requests().clone()).into_response()
}

async fn clear_requests(State(state): State<AppState>) -> StatusCode {
    state.requests().clear();
    StatusCode::NO_CONTENT
}

async fn reset(State(state): State<AppState>) -> StatusCode {
    state.reset();
    StatusCode::NO_CONTENT
}
