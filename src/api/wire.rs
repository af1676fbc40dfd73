//! How the My Account client reaches its API: [`Transport`] over HTTP with the signed-in
//! session, or the tenant inside the page in demo mode (`super::demo::DemoApi`). Either
//! answers a call the same way, so the client cannot tell them apart.

use super::answer::Answer;
use super::error::ApiError;
use super::transport::Transport;
use gloo_net::http::Method;
use std::future::Future;
use std::pin::Pin;

/// A browser-local future of an answer.
pub type WireFuture<'a> = Pin<Box<dyn Future<Output = Result<Answer, ApiError>> + 'a>>;

/// Sends My Account API calls.
pub trait Wire {
    /// The origin the API's URLs start with (no trailing slash).
    fn origin(&self) -> &str;
    /// Sends `method url`, with a JSON `body` for `POST` and `PATCH`.
    fn send<'a>(&'a self, method: Method, url: &'a str, body: Option<&'a str>) -> WireFuture<'a>;
}

impl Wire for Transport {
    fn origin(&self) -> &str {
        &self.origin
    }

    fn send<'a>(&'a self, method: Method, url: &'a str, body: Option<&'a str>) -> WireFuture<'a> {
        Box::pin(async move {
            match (method, body) {
                (Method::GET, _) => self.get(url).await,
                (Method::DELETE, _) => self.delete(url).await,
                (method, body) => self.send_json(method, url, body.unwrap_or("{}")).await,
            }
        })
    }
}
