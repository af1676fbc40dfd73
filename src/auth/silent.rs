//! Silent re-authorize: `/authorize?prompt=none&response_mode=web_message` in a hidden iframe,
//! answered only if the tenant session is still valid.

use super::error::AuthError;
use super::exchange::finish;
use super::request::{authorize, Delivery, Purpose};
use super::token::IssuedToken;
use super::web_message::wait;
use crate::config::Config;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// How long to wait for the hidden iframe's answer.
pub const SILENT_TIMEOUT: Duration = Duration::from_secs(60);

/// Gets a token without user interaction, or fails with the tenant's reason
/// (`login_required`, `consent_required`, …) or [`AuthError::Timeout`].
pub async fn sign_in(config: &Config, purpose: Purpose) -> Result<IssuedToken, AuthError> {
    let request = authorize(config, purpose, Delivery::Silent)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(AuthError::Timeout)?;
    let iframe: web_sys::HtmlIFrameElement = document
        .create_element("iframe")
        .map_err(|_| AuthError::Timeout)?
        .unchecked_into();
    iframe.set_src(&request.url);
    iframe.set_title("Silent sign-in");
    let _ = iframe.set_attribute("hidden", "");
    let _ = iframe.set_attribute("aria-hidden", "true");
    if let Some(body) = document.body() {
        let _ = body.append_child(&iframe);
    }
    let response = wait(
        config.domain.as_str().to_owned(),
        request.state,
        SILENT_TIMEOUT,
        || None,
    )
    .await;
    iframe.remove();
    finish(config, response?, request.verifier, &request.nonce).await
}
