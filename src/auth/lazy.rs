//! The sign-in machinery (the `oauth2` client, PKCE, the token exchange, ID token checks, the
//! popup and the hidden iframe) as one chunk, `auth`, that the signed-out screen fetches while
//! the visitor reads it: the first screen does not wait for it. The flow's own steps that use
//! it (leaving for `/authorize`, finishing an answer) join the chunk in `crate::app::flow`.

use super::error::AuthError;
use super::request::Purpose;
use super::token::IssuedToken;
use crate::chunk::lazy_part;
use crate::config::Config;
use std::future::Future;
use std::pin::Pin;

/// A sign-in under way inside the chunk.
type Signing = Pin<Box<dyn Future<Output = Result<IssuedToken, AuthError>>>>;

lazy_part! {
    chunk auth;
    /// Loads the chunk (prefetch); nothing else.
    pub fn ready() -> Result<(), AuthError> {
        Ok(())
    }
}

lazy_part! {
    chunk auth;
    fn popup_part(config: Config, purpose: Purpose, popup: web_sys::Window)
        -> Result<Signing, AuthError>
    {
        Ok(Box::pin(async move { super::popup::sign_in(&config, purpose, popup).await }))
    }
}

lazy_part! {
    chunk auth;
    fn silent_part(config: Config, purpose: Purpose) -> Result<Signing, AuthError> {
        Ok(Box::pin(async move { super::silent::sign_in(&config, purpose).await }))
    }
}

/// Signs in through a popup (see [`super::popup::sign_in`]): `opened`, a sign-in window the
/// first screen's click opened, or else one opened at once, in the caller's task, so call it
/// in the click's handler, before `spawn_local`: Safari opens a window only while the page
/// handles the click (not after the chunk's download), and Firefox runs the page's pending
/// microtasks inside `window.open`, which re-entered a future opening it while being polled
/// and stopped the sign-in.
pub fn popup_sign_in(
    config: &Config,
    purpose: Purpose,
    opened: Option<web_sys::Window>,
) -> impl Future<Output = Result<IssuedToken, AuthError>> {
    let popup = opened.map_or_else(super::popup::open, Ok);
    let config = config.clone();
    async move {
        let popup = popup?;
        match popup_part(config, purpose, popup.clone()).await {
            Ok(signing) => signing.await,
            Err(e) => {
                let _ = popup.close();
                Err(e)
            }
        }
    }
}

/// Gets a token silently (see [`super::silent::sign_in`]).
pub async fn silent_sign_in(config: &Config, purpose: Purpose) -> Result<IssuedToken, AuthError> {
    silent_part(config.clone(), purpose).await?.await
}
