//! Popup sign-in (widget default): `/authorize` in a popup answering by `web_message`, so the
//! host page is never navigated away.

use super::error::AuthError;
use super::exchange::finish;
use super::request::{authorize, Delivery, Purpose};
use super::token::IssuedToken;
use super::web_message::wait;
use crate::config::Config;
use std::time::Duration;

/// How long the user has to finish signing in in the popup.
pub const POPUP_TIMEOUT: Duration = Duration::from_secs(300);

/// Signs in through a popup. Must be called from a user gesture (a click), or the browser
/// blocks the popup.
pub async fn sign_in(config: &Config, purpose: Purpose) -> Result<IssuedToken, AuthError> {
    let request = authorize(config, purpose, Delivery::Popup)?;
    let window = web_sys::window().ok_or(AuthError::PopupBlocked)?;
    let popup = window
        .open_with_url_and_target_and_features(
            &request.url,
            "mfa-manager:authorize",
            "popup,width=480,height=680",
        )
        .ok()
        .flatten()
        .ok_or(AuthError::PopupBlocked)?;
    let watched = popup.clone();
    let response = wait(
        config.domain.as_str().to_owned(),
        request.state,
        POPUP_TIMEOUT,
        move || {
            watched
                .closed()
                .unwrap_or(true)
                .then_some(AuthError::PopupClosed)
        },
    )
    .await;
    let _ = popup.close();
    finish(config, response?, request.verifier, &request.nonce).await
}
