//! What the HTTP client asks of the signed-in session: the bearer token, and a renewal when the
//! tenant refuses it. The app provides it; the client never reaches into the screens.

use std::future::Future;
use std::pin::Pin;

/// A renewal under way: `true` once a fresh token is in place, `false` when renewing needs the
/// user (the app then takes the interactive path itself, keeping the screen).
pub type Renewal = Pin<Box<dyn Future<Output = bool>>>;

/// The signed-in session as the API client sees it.
pub trait SessionSource {
    /// The current MFA access token, if the user is signed in.
    fn bearer(&self) -> Option<String>;
    /// Renews the token after the tenant refused it (or when there is none): silently where
    /// the tenant session allows. Callers asking while a renewal is under way share it.
    fn renew(&self) -> Renewal;
}
