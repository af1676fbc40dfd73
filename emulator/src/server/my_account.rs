//! The My Account API over HTTP: `/me/v1/…` hands each call to the model
//! ([`Tenant::my_account`](crate::model::Tenant::my_account)) and writes its answer with the
//! `Location` and `x-ratelimit-*` headers (plus `retry-after` and `x-auth0-error-kind` on a 429).

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use crate::model::my_account::{MeBody, MeRequest, MeResponse, MeToken, Problem};
use crate::model::tokens::AccessClaims;
use crate::server::body::{self, bearer, host, origin};
use crate::server::error::add_rate_limit_headers;
use crate::server::state::AppState;

/// The path prefix of the API.
pub const PREFIX: &str = "/me/v1";
/// Content type of problem answers. [inferred]
const PROBLEM_JSON: &str = "application/problem+json";

/// Whether the request's `Content-Type` is JSON.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

/// The body as the model wants it: absent, JSON, or refused with a problem.
fn read_body(headers: &HeaderMap, bytes: Option<&[u8]>) -> Result<Option<Value>, Problem> {
    let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
        return Ok(None);
    };
    if !is_json(headers) {
        return Err(Problem::UnsupportedMediaType);
    }
    serde_json::from_slice(bytes)
        .map(Some)
        .map_err(|_| Problem::MalformedBody)
}

/// The `type` query parameter.
fn type_filter(query: Option<&str>) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query.unwrap_or(""))
        .ok()?
        .into_iter()
        .find_map(|(key, value)| (key == "type").then_some(value))
}

/// Every `/me/v1/…` call.
pub async fn handle(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let headers = &parts.headers;
    let has_body = parts.method == Method::POST || parts.method == Method::PATCH;
    let bytes = if has_body {
        body::read(Body::new(body)).await.map(Some)
    } else {
        Ok(None)
    };
    let parsed = match &bytes {
        Ok(bytes) => read_body(headers, bytes.as_deref()),
        Err(_) => Err(Problem::BodyTooLarge),
    };
    let claims: Option<Option<AccessClaims>> =
        bearer(headers).map(|token| state.signer().verify(token));
    let token = match &claims {
        None => MeToken::Missing,
        Some(None) => MeToken::Unreadable,
        Some(Some(claims)) => MeToken::Claims(claims),
    };
    let body = match &parsed {
        Ok(Some(value)) => MeBody::Json(value),
        Ok(None) => MeBody::None,
        Err(problem) => MeBody::Refused(problem),
    };
    let type_filter = type_filter(parts.uri.query());
    let user_agent = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok());
    let path = parts.uri.path().strip_prefix(PREFIX).unwrap_or("");
    let now = state.now();
    let mut tenant = state.tenant();
    let request = MeRequest {
        method: parts.method.as_str(),
        path,
        type_filter: type_filter.as_deref(),
        token,
        domain: tenant.domain_of_host(host(headers)),
        body,
        origin: origin(headers),
        user_agent,
    };
    let answer = tenant.my_account(&request, now);
    drop(tenant);
    respond(answer)
}

fn respond(answer: MeResponse) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = match &answer.body {
        Some(body) => (status, body.to_string()).into_response(),
        None => status.into_response(),
    };
    let headers = response.headers_mut();
    if answer.body.is_some() {
        let content_type = if answer.status >= 400 {
            PROBLEM_JSON
        } else {
            "application/json; charset=utf-8"
        };
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    }
    if let Some(location) = answer.location.and_then(|l| HeaderValue::from_str(&l).ok()) {
        headers.insert(header::LOCATION, location);
    }
    add_rate_limit_headers(headers, &answer.rate_limit);
    if answer.status != 429 {
        headers.remove(header::RETRY_AFTER);
    }
    if answer.rate_limited {
        headers.insert(
            "x-auth0-error-kind",
            HeaderValue::from_static("global-rate-limit"),
        );
    }
    response
}
