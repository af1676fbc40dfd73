//! `/authorize` and the login form posts. The model decides; this file renders.

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};

use crate::model::authorize::{AuthorizeParams, ErrorPage, Progress, Step};
use crate::model::delivery::{Delivered, ResponseMode};
use crate::model::texts;
use crate::model::url::encode_pairs;
use crate::model::Tenant;
use crate::server::body::{self, cookie, form_pairs};
use crate::server::pages;
use crate::server::state::AppState;

/// Name of the SSO session cookie.
pub const SESSION_COOKIE: &str = "auth0";

/// `GET /authorize`.
pub async fn start(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let pairs: Vec<(String, String)> =
        match serde_urlencoded::from_str(query.as_deref().unwrap_or("")) {
            Ok(pairs) => pairs,
            Err(_) => {
                return error_page(&ErrorPage {
                    status: 400,
                    message: texts::MALFORMED_QUERY.to_owned(),
                })
            }
        };
    let params = AuthorizeParams::from_pairs(pairs);
    advance(&state, |tenant, now| {
        tenant.authorize(&params, cookie(&headers, SESSION_COOKIE), now)
    })
}

/// Runs one step of the login against the locked tenant and renders its result.
fn advance(
    state: &AppState,
    step: impl FnOnce(&mut Tenant, u64) -> Result<Progress, ErrorPage>,
) -> Response {
    let now = state.now();
    let mut tenant = state.tenant();
    let result = step(&mut tenant, now);
    let name = tenant.name().to_owned();
    drop(tenant);
    render(result, &name)
}

/// Form fields of a login page post.
async fn form(body: Body) -> Vec<(String, String)> {
    body::read(body)
        .await
        .map(|b| form_pairs(&b))
        .unwrap_or_default()
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// `POST /authorize/login`: email and password.
pub async fn login(State(state): State<AppState>, body: Body) -> Response {
    let pairs = form(body).await;
    advance(&state, |tenant, now| {
        let username = field(&pairs, "username");
        tenant.submit_password(
            field(&pairs, "tx"),
            username,
            field(&pairs, "password"),
            now,
        )
    })
}

/// `POST /authorize/mfa`: the second factor.
pub async fn second_factor(State(state): State<AppState>, body: Body) -> Response {
    let pairs = form(body).await;
    advance(&state, |tenant, now| {
        tenant.submit_second_factor(field(&pairs, "tx"), field(&pairs, "code"), now)
    })
}

/// `POST /authorize/continue`: after the new recovery code was shown.
pub async fn resume(State(state): State<AppState>, body: Body) -> Response {
    let pairs = form(body).await;
    advance(&state, |tenant, now| {
        tenant.resume(field(&pairs, "tx"), now)
    })
}

fn render(result: Result<Progress, ErrorPage>, tenant: &str) -> Response {
    let progress = match result {
        Ok(progress) => progress,
        Err(page) => return error_page(&page),
    };
    let mut response = match &progress.step {
        Step::Deliver(delivered) => deliver(delivered),
        Step::Login {
            transaction,
            client_name,
            login_hint,
            error,
        } => html(
            StatusCode::OK,
            pages::login(
                tenant,
                client_name,
                transaction,
                login_hint.as_deref(),
                *error,
            ),
        ),
        Step::SecondFactor {
            transaction,
            sent_to,
            error,
        } => html(
            StatusCode::OK,
            pages::second_factor(transaction, sent_to.as_deref(), *error),
        ),
        Step::NewRecoveryCode { transaction, code } => {
            html(StatusCode::OK, pages::new_recovery_code(transaction, code))
        }
    };
    if let Some(session) = &progress.new_session {
        let cookie = format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

fn html(status: StatusCode, body: String) -> Response {
    let mut response = (status, Html(body)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn error_page(page: &ErrorPage) -> Response {
    let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::BAD_REQUEST);
    html(status, pages::error(&page.message))
}

/// Delivers a result per response mode.
fn deliver(delivered: &Delivered) -> Response {
    let uri = &delivered.delivery.redirect_uri;
    let query = encode_pairs(
        &delivered
            .pairs()
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect::<Vec<_>>(),
    );
    let location = match delivered.delivery.mode {
        ResponseMode::WebMessage => return html(StatusCode::OK, pages::web_message(delivered)),
        ResponseMode::FormPost => return html(StatusCode::OK, pages::form_post(delivered)),
        ResponseMode::Query => {
            let (base, fragment) = uri
                .split_once('#')
                .map_or((uri.as_str(), ""), |(b, f)| (b, f));
            let separator = if base.contains('?') { '&' } else { '?' };
            let fragment = if fragment.is_empty() {
                String::new()
            } else {
                format!("#{fragment}")
            };
            format!("{base}{separator}{query}{fragment}")
        }
        ResponseMode::Fragment => {
            let base = uri.split_once('#').map_or(uri.as_str(), |(b, _)| b);
            format!("{base}#{query}")
        }
    };
    match HeaderValue::from_str(&location) {
        Ok(value) => {
            let mut response = StatusCode::FOUND.into_response();
            response.headers_mut().insert(header::LOCATION, value);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(_) => error_page(&ErrorPage {
            status: 400,
            message: format!("{}{uri}", texts::CALLBACK_MISMATCH_PREFIX),
        }),
    }
}
