//! The HTTP layer (feature `server`): the endpoints of the Auth0 wire protocol on top of the
//! model, CORS like a tenant, fault injection and test control.
//!
//! `app(state)` builds the router (tested with `tower::ServiceExt::oneshot`); `serve` runs it
//! on a listener until a shutdown future completes.

mod authorize;
pub mod body;
mod connection;
pub mod control;
pub mod control_guard;
mod control_my_account;
mod cors;
mod discovery;
pub mod error;
pub mod fault_plan;
pub mod faults;
pub mod jwt;
pub mod log;
mod mfa;
mod my_account;
mod options;
pub mod pages;
pub mod request_log;
mod session_cookie;
pub mod state;
mod token;

#[cfg(test)]
mod tests;

use std::future::Future;

use axum::middleware::from_fn_with_state;
use axum::routing::{any, delete, get, post};
use axum::Router;
use tokio::net::TcpListener;

use crate::server::error::ApiError;
pub use crate::server::options::Options;
pub use crate::server::state::{AppState, StateError};

/// The router for `state`.
pub fn app(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/authorize", get(authorize::start))
        .route("/authorize/login", post(authorize::login))
        .route("/authorize/mfa", post(authorize::second_factor))
        .route("/authorize/continue", post(authorize::resume))
        .route(
            "/authorize/passkey/options",
            post(authorize::passkey_options),
        )
        .route("/authorize/passkey", post(authorize::passkey))
        .route("/oauth/token", post(token::token))
        .route("/mfa/associate", post(mfa::associate))
        .route("/mfa/authenticators", get(mfa::list))
        .route("/mfa/authenticators/{id}", delete(mfa::delete))
        .route("/mfa/challenge", post(mfa::challenge))
        .route(
            "/userinfo",
            get(discovery::userinfo).post(discovery::userinfo),
        )
        .route(
            "/.well-known/openid-configuration",
            get(discovery::openid_configuration),
        )
        .route("/.well-known/jwks.json", get(discovery::jwks))
        .route("/me/v1/{*rest}", any(my_account::handle));
    if state.test_control() {
        let control = control::routes()
            .merge(control_my_account::routes())
            .layer(from_fn_with_state(state.clone(), control_guard::apply));
        router = router.nest("/__emulator", control);
    }
    router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), faults::apply))
        .layer(from_fn_with_state(state.clone(), cors::apply))
        .layer(from_fn_with_state(state.clone(), log::record))
        .with_state(state)
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// Serves the emulator on `listener` until `shutdown` completes. The listener's address is the
/// canonical tenant host; `localhost:{port}` is the custom domain.
pub async fn serve(
    listener: TcpListener,
    options: Options,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let addr = listener.local_addr()?;
    let state = AppState::new(options, addr)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?;
    serve_state(listener, state, shutdown).await
}

/// Like [`serve`], with state built beforehand (to report seed errors before listening).
pub async fn serve_state(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    connection::run(listener, app(state), shutdown).await
}
