//! The HTTP client handed to the `oauth2` crate: a thin adapter over `fetch` (gloo-net), with
//! a deadline so a token request that never answers does not leave the page waiting forever.

use crate::browser::deadline::{Deadline, REQUEST_TIMEOUT};
use gloo_net::http::RequestBuilder;
use std::fmt;

/// A request that did not complete: offline, blocked by CORS, an unreadable answer, or no
/// answer before the deadline.
#[derive(Debug)]
pub enum FetchError {
    /// No answer within [`REQUEST_TIMEOUT`].
    TimedOut,
    /// Anything else, in the browser's words.
    Failed(String),
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::TimedOut => write!(f, "no answer within {} s", REQUEST_TIMEOUT.as_secs()),
            FetchError::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for FetchError {}

/// Sends an `oauth2` request with the browser's `fetch` and returns the answer unchanged.
pub async fn fetch(request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, FetchError> {
    let deadline = Deadline::start(REQUEST_TIMEOUT);
    let failed = |e: gloo_net::Error| {
        if deadline.expired() {
            FetchError::TimedOut
        } else {
            FetchError::Failed(e.to_string())
        }
    };
    let (parts, body) = request.into_parts();
    let mut builder = RequestBuilder::new(&parts.uri.to_string())
        .method(parts.method)
        .abort_signal(deadline.signal().as_ref());
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            builder = builder.header(name.as_str(), value);
        }
    }
    let request = if body.is_empty() {
        builder.build()
    } else {
        builder.body(js_sys::Uint8Array::from(body.as_slice()))
    }
    .map_err(failed)?;
    let response = request.send().await.map_err(failed)?;
    let mut answer = http::Response::builder().status(response.status());
    if let Some(content_type) = response.headers().get("content-type") {
        answer = answer.header(http::header::CONTENT_TYPE, content_type);
    }
    let bytes = response.binary().await.map_err(failed)?;
    answer
        .body(bytes)
        .map_err(|e| FetchError::Failed(e.to_string()))
}
