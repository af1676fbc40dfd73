//! The HTTP client handed to the `oauth2` crate: a thin adapter over `fetch` (gloo-net).

use gloo_net::http::RequestBuilder;
use std::fmt;

/// A request that did not complete: offline, blocked by CORS, or an unreadable answer.
#[derive(Debug)]
pub struct FetchError(String);

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FetchError {}

impl From<gloo_net::Error> for FetchError {
    fn from(e: gloo_net::Error) -> Self {
        FetchError(e.to_string())
    }
}

/// Sends an `oauth2` request with the browser's `fetch` and returns the answer unchanged.
pub async fn fetch(request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, FetchError> {
    let (parts, body) = request.into_parts();
    let mut builder = RequestBuilder::new(&parts.uri.to_string()).method(parts.method);
    for (name, value) in &parts.headers {
        if let Ok(value) = value.to_str() {
            builder = builder.header(name.as_str(), value);
        }
    }
    let request = if body.is_empty() {
        builder.build()?
    } else {
        builder.body(js_sys::Uint8Array::from(body.as_slice()))?
    };
    let response = request.send().await?;
    let mut answer = http::Response::builder().status(response.status());
    if let Some(content_type) = response.headers().get("content-type") {
        answer = answer.header(http::header::CONTENT_TYPE, content_type);
    }
    let bytes = response.binary().await?;
    answer.body(bytes).map_err(|e| FetchError(e.to_string()))
}
