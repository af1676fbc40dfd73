//! `/.well-known/openid-configuration`, `/.well-known/jwks.json` and `/userinfo`.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::model::tokens::AccessClaims;
use crate::server::body::{bearer, host};
use crate::server::error::ApiError;
use crate::server::state::AppState;

/// OpenID Provider metadata; the issuer follows the host used.
pub async fn openid_configuration(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let tenant = state.tenant();
    let issuer = tenant.issuer(tenant.domain_of_host(host(&headers)));
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}authorize"),
        "token_endpoint": format!("{issuer}oauth/token"),
        "userinfo_endpoint": format!("{issuer}userinfo"),
        "mfa_challenge_endpoint": format!("{issuer}mfa/challenge"),
        "jwks_uri": format!("{issuer}.well-known/jwks.json"),
        "scopes_supported": ["openid", "profile", "email", "offline_access"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query", "fragment", "form_post", "web_message"],
        "code_challenge_methods_supported": ["S256"],
        "grant_types_supported": [
            "authorization_code",
            "http://auth0.com/oauth/grant-type/mfa-otp",
            "http://auth0.com/oauth/grant-type/mfa-oob",
            "http://auth0.com/oauth/grant-type/mfa-recovery-code"
        ],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "token_endpoint_auth_methods_supported": ["none"],
        "claims_supported": ["aud", "auth_time", "email", "email_verified", "exp", "iat", "iss", "name", "nickname", "nonce", "sub"]
    }))
    .into_response()
}

/// The public signing key.
pub async fn jwks(State(state): State<AppState>) -> Response {
    Json(state.signer().jwks()).into_response()
}

/// `GET`/`POST /userinfo` with any access token that has the userinfo audience.
pub async fn userinfo(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let claims: AccessClaims = bearer(&headers)
        .and_then(|t| state.signer().verify(t))
        .ok_or(ApiError::InvalidUserinfoToken)?;
    let now = state.now();
    let info = state
        .tenant()
        .userinfo(&claims, now)
        .ok_or(ApiError::InvalidUserinfoToken)?;
    Ok(Json(info).into_response())
}
