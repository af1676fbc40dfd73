//! The MFA API: `/mfa/associate`, `/mfa/authenticators`, `/mfa/challenge`.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::model::grants::required;
use crate::model::tokens::AccessClaims;
use crate::model::Error;
use crate::server::body::{self, bearer};
use crate::server::error::{envelope, ApiError};
use crate::server::state::AppState;
use crate::server::token::mfa_token;

/// The bearer's claims; any failure is the 401 `invalid_grant` of §6.3.
fn bearer_claims(state: &AppState, headers: &HeaderMap) -> Result<AccessClaims, Error> {
    bearer(headers)
        .and_then(|token| state.signer().verify(token))
        .ok_or(Error::InvalidBearer)
}

fn json<T: Serialize>(value: &T) -> Response {
    envelope(
        StatusCode::OK,
        serde_json::to_value(value).unwrap_or_default(),
    )
}

/// `GET /mfa/authenticators`.
pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, ApiError> {
    let claims = bearer_claims(&state, &headers)?;
    let now = state.now();
    let views = state.tenant().list_authenticators(&claims, now)?;
    Ok(json(&views))
}

/// `POST /mfa/associate`. The bearer is checked before the body.
pub async fn associate(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let claims = bearer_claims(&state, &headers)?;
    let bytes = body::read(body).await?;
    let now = state.now();
    // Token and scope failures win over body problems.
    state.tenant().bearer_user(&claims, "enroll", now)?;
    let request = body::associate(&headers, &bytes)?;
    let enrollment = state.tenant().associate(&claims, &request, now)?;
    Ok(json(&enrollment))
}

/// `DELETE /mfa/authenticators/{id}` (the id percent-encoded or not).
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let claims = bearer_claims(&state, &headers)?;
    let now = state.now();
    state.tenant().delete_authenticator(&claims, &id, now)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `POST /mfa/challenge` (token in the body, no `Authorization`).
pub async fn challenge(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = body::read(body).await?;
    let params = body::params(&headers, &bytes)?;
    let client_id = required(params.get("client_id"), "client_id")?;
    let now = state.now();
    let mut tenant = state.tenant();
    tenant.client(client_id).ok_or(Error::UnknownClient)?;
    let claims = mfa_token(state.signer(), params.get("mfa_token"))?;
    let challenge = tenant.challenge(
        client_id,
        &claims,
        params.get("challenge_type"),
        params.get("authenticator_id"),
        now,
    )?;
    Ok(json(&challenge))
}
