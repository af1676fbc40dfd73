//! CORS like a tenant (§11): preflights answered for allowed origins, `Access-Control-Allow-Origin`
//! only for Allowed Web Origins, never on refused `/oauth/token` calls. Test control's answers
//! carry them for the app's origins (`--allowed-origin`) only.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::server::control_guard;
use crate::server::error::OmitCors;
use crate::server::state::AppState;

const ALLOW_METHODS: &str = "GET, POST, PATCH, DELETE, OPTIONS";
const ALLOW_HEADERS: &str = "Authorization, Content-Type, Auth0-Client, DPoP";
const EXPOSE_HEADERS: &str = "x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, \
     retry-after, x-auth0-error-kind, Location, DPoP-Nonce";
const MAX_AGE: &str = "86400";

/// Endpoints a browser calls with `fetch` (the `/authorize` pages are navigations).
fn is_api(path: &str) -> bool {
    path == "/oauth/token"
        || path.starts_with("/mfa/")
        || path.starts_with("/me/")
        || path == "/userinfo"
        || path.starts_with("/.well-known/")
}

/// Middleware applying the CORS rules.
pub async fn apply(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    // Test control answers the app's pages only (control_guard.rs refuses the others).
    let control = path.starts_with("/__emulator/");
    if !is_api(&path) && !control {
        return next.run(request).await;
    }
    let origin = request
        .headers()
        .get(header::ORIGIN)
        .and_then(|o| o.to_str().ok())
        .map(str::to_owned);
    let omit = state.faults().take_no_cors(&path);
    let allowed = origin
        .as_deref()
        .filter(|o| {
            !omit
                && if control {
                    control_guard::origin_allowed(Some(o), state.control_origins())
                } else {
                    state.tenant().is_allowed_origin(o)
                }
        })
        .and_then(|o| HeaderValue::from_str(o).ok());
    let preflight = request.method() == Method::OPTIONS
        && request
            .headers()
            .contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    if preflight {
        let mut response = StatusCode::NO_CONTENT.into_response();
        if let Some(origin) = allowed {
            let headers = response.headers_mut();
            headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_METHODS,
                HeaderValue::from_static(ALLOW_METHODS),
            );
            headers.insert(
                header::ACCESS_CONTROL_ALLOW_HEADERS,
                HeaderValue::from_static(ALLOW_HEADERS),
            );
            headers.insert(
                header::ACCESS_CONTROL_MAX_AGE,
                HeaderValue::from_static(MAX_AGE),
            );
            headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        }
        return response;
    }
    let mut response = next.run(request).await;
    if let Some(origin) = allowed.filter(|_| response.extensions().get::<OmitCors>().is_none()) {
        add_actual_headers(response.headers_mut(), origin);
    }
    response
}

fn add_actual_headers(headers: &mut HeaderMap, origin: HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static(EXPOSE_HEADERS),
    );
}
