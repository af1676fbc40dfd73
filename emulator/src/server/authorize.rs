//! `/authorize` and the login form posts. The model decides; this file renders.

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Json, Response};
use serde_json::json;

use crate::model::authorize::{AuthorizeParams, ErrorPage, Progress, Step};
use crate::model::delivery::{Delivered, ResponseMode};
use crate::model::texts;
use crate::model::url::encode_pairs;
use crate::model::Tenant;
use crate::server::body::{self, form_pairs, host};
use crate::server::error::envelope;
use crate::server::pages;
use crate::server::session_cookie;
use crate::server::state::AppState;

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
        tenant.authorize(&params, session_cookie::read(&headers), now)
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

/// `POST /authorize/passkey/options`: the WebAuthn request options for the login page's
/// "Sign in with a passkey" button (JSON); a dead transaction is a JSON error.
pub async fn passkey_options(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let pairs = form(body).await;
    let now = state.now();
    let mut tenant = state.tenant();
    let domain = tenant.domain_of_host(host(&headers));
    let result = tenant.passkey_options(field(&pairs, "tx"), domain, now);
    drop(tenant);
    match result {
        Ok(options) => no_store(Json(options).into_response()),
        Err(page) => {
            // The page's message is `error_code: description`.
            let (error, description) = page
                .message
                .split_once(": ")
                .unwrap_or(("invalid_request", page.message.as_str()));
            let status = StatusCode::from_u16(page.status).unwrap_or(StatusCode::BAD_REQUEST);
            no_store(envelope(
                status,
                json!({ "error": error, "error_description": description }),
            ))
        }
    }
}

/// `POST /authorize/passkey`: the browser's passkey credential (JSON in `credential`).
pub async fn passkey(State(state): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let pairs = form(body).await;
    advance(&state, |tenant, now| {
        let domain = tenant.domain_of_host(host(&headers));
        tenant.submit_passkey_json(
            field(&pairs, "tx"),
            field(&pairs, "credential"),
            domain,
            now,
        )
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
            passkey,
            error,
        } => html(
            StatusCode::OK,
            pages::login(
                tenant,
                client_name,
                transaction,
                login_hint.as_deref(),
                *passkey,
                error.as_deref(),
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
        session_cookie::append(response.headers_mut(), session);
    }
    response
}

fn html(status: StatusCode, body: String) -> Response {
    no_store((status, Html(body)).into_response())
}

/// Login answers carry transaction ids, challenges and codes: never cached.
fn no_store(mut response: Response) -> Response {
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
            no_store(response)
        }
        Err(_) => error_page(&ErrorPage {
            status: 400,
            message: format!("{}{uri}", texts::CALLBACK_MISMATCH_PREFIX),
        }),
    }
}
