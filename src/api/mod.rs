//! The MFA API behind one trait, with the real HTTP implementation and the in-browser demo
//! tenant, and the typed errors both produce.

pub mod answer;
mod decode;
pub mod demo;
#[cfg(target_arch = "wasm32")]
pub mod demo_loader;
pub mod demo_tenant;
mod envelope;
pub mod error;
pub mod http;
pub mod my_account;
mod problem;
pub mod session;
pub mod transport;
pub mod types;

pub use error::ApiError;
pub use types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A browser-local future returned by [`MfaApi`] calls.
pub type ApiFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, ApiError>> + 'a>>;

/// Everything the factor screens ask of the tenant.
pub trait MfaApi {
    /// `GET /mfa/authenticators`.
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>>;
    /// `POST /mfa/associate`.
    fn associate(&self, request: Associate) -> ApiFuture<'_, Enrollment>;
    /// `POST /oauth/token` with an MFA grant, confirming an enrollment.
    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed>;
    /// `DELETE /mfa/authenticators/{id}`.
    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()>;
}

/// The API the screens use, provided once as context.
#[derive(Clone)]
pub struct ApiHandle(pub Rc<dyn MfaApi>);
