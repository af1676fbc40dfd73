//! Test control of the My Account API: switch it on or off, set the plan, read a user's
//! rate-limit allowances, list and delete a user's passkeys.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

use crate::model::my_account::Plan;
use crate::server::control::json_body;
use crate::server::error::ApiError;
use crate::server::state::AppState;

/// The routes, merged into the control router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/my-account", get(settings).post(change))
        .route("/users/{user_id}/rate-limits", get(rate_limits))
        .route("/users/{user_id}/passkeys", get(passkeys))
        .route("/users/{user_id}/passkeys/{id}", delete(delete_passkey))
}

fn settings_json(state: &AppState) -> Response {
    let tenant = state.tenant();
    Json(json!({
        "active": tenant.my_account_active(),
        "plan": tenant.my_account_plan(),
    }))
    .into_response()
}

async fn settings(State(state): State<AppState>) -> Response {
    settings_json(&state)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Change {
    active: Option<bool>,
    plan: Option<Plan>,
}

async fn change(State(state): State<AppState>, body: Body) -> Result<Response, ApiError> {
    let change: Change = json_body(body).await?;
    {
        let mut tenant = state.tenant();
        if let Some(active) = change.active {
            tenant.set_my_account_active(active);
        }
        if let Some(plan) = change.plan {
            tenant.set_my_account_plan(plan);
        }
    }
    Ok(settings_json(&state))
}

fn no_user() -> ApiError {
    ApiError::Control(StatusCode::NOT_FOUND, "No such user".into())
}

async fn rate_limits(
    State(state): State<AppState>,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let now = state.now();
    let mut tenant = state.tenant();
    tenant.user(&user_id).ok_or_else(no_user)?;
    Ok(Json(tenant.my_account_remaining(&user_id, now)).into_response())
}

async fn passkeys(
    State(state): State<AppState>,
    Path(user_id): Path<String>,
) -> Result<Response, ApiError> {
    let list = state
        .tenant()
        .passkey_summaries(&user_id)
        .ok_or_else(no_user)?;
    Ok(Json(list).into_response())
}

async fn delete_passkey(
    State(state): State<AppState>,
    Path((user_id, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    if state.tenant().delete_passkey(&user_id, &id) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::Control(
            StatusCode::NOT_FOUND,
            "No such passkey".into(),
        ))
    }
}
