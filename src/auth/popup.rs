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

/// The sign-in window's name and features.
const TARGET: &str = "mfa-manager:authorize";
const FEATURES: &str = "popup,width=480,height=680";

/// Opens the sign-in window, empty, for [`sign_in`]. Must be called while the page handles the
/// user's click, before anything is awaited (the sign-in chunk may still be downloading):
/// browsers open windows only then, Safari strictly so (it blocked the window when the click
/// came before the chunk had arrived).
pub fn open() -> Result<web_sys::Window, AuthError> {
    web_sys::window()
        .and_then(|w| {
            w.open_with_url_and_target_and_features("", TARGET, FEATURES)
                .ok()
                .flatten()
        })
        .ok_or(AuthError::PopupBlocked)
}

/// Signs in through `popup`, a window from [`open`], which it closes when done.
pub async fn sign_in(
    config: &Config,
    purpose: Purpose,
    popup: web_sys::Window,
) -> Result<IssuedToken, AuthError> {
    let request = authorize(config, purpose, Delivery::Popup).and_then(|request| {
        popup
            .location()
            .set_href(&request.url)
            .map(|()| request)
            .map_err(|_| AuthError::PopupBlocked)
    });
    let request = match request {
        Ok(request) => request,
        Err(e) => {
            let _ = popup.close();
            return Err(e);
        }
    };
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
    // Closed from a task of its own, not while this future is polled: Firefox runs the
    // closing window's scripts inside `close()`, and with them this page's pending microtasks,
    // which re-entered the running future ("closure invoked recursively") and stopped the
    // sign-in before the code exchange.
    leptos::prelude::set_timeout(
        move || {
            let _ = popup.close();
        },
        Duration::ZERO,
    );
    finish(config, response?, request.verifier, &request.nonce).await
}
