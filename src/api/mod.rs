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
pub mod wire;

pub use error::ApiError;
pub use types::{
    Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment, PasskeyChallenge,
    PasskeyInfo,
};

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

    /// What this backend offers beyond listing, enrolling and removing (nothing, unless it
    /// says).
    fn features(&self) -> Features {
        Features::default()
    }

    /// Gives the method `id` the name `name` (only where [`Features::rename`]).
    fn rename(&self, id: AuthenticatorId, name: String) -> ApiFuture<'_, ()> {
        let _ = (id, name);
        unsupported()
    }

    /// Starts a passkey enrollment (only where [`Features::passkeys`]).
    fn start_passkey(&self) -> ApiFuture<'_, PasskeyChallenge> {
        unsupported()
    }

    /// Completes the passkey enrollment `challenge` with the browser's answer (a
    /// `RegistrationResponseJSON` text); the new passkey as listed.
    fn finish_passkey(
        &self,
        challenge: PasskeyChallenge,
        credential: String,
    ) -> ApiFuture<'_, Authenticator> {
        let _ = (challenge, credential);
        unsupported()
    }

    /// Creates a recovery code the user asked for (only where
    /// [`Features::recovery_code_on_request`]); the code, shown once.
    fn add_recovery_code(&self) -> ApiFuture<'_, String> {
        unsupported()
    }
}

/// What a backend offers beyond the MFA API's calls; the screens show only what it offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Features {
    /// Methods can be renamed.
    pub rename: bool,
    /// Passkeys can be listed and added.
    pub passkeys: bool,
    /// The recovery code is created when the user asks for it (not handed out with the first
    /// enrollment).
    pub recovery_code_on_request: bool,
}

/// The answer of a call this backend does not offer.
fn unsupported<'a, T: 'a>() -> ApiFuture<'a, T> {
    Box::pin(std::future::ready(Err(ApiError::Unsupported)))
}

/// The API the screens use, provided once as context.
#[derive(Clone)]
pub struct ApiHandle(pub Rc<dyn MfaApi>);
