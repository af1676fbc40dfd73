//! Where and how a result of `/authorize` goes back to the application: the response mode and
//! the validated redirect target, and the code or error sent there. Fixed when the request is
//! validated, carried by the login transaction, used when the result is rendered.

/// How the result goes back to the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseMode {
    /// 302 with the result in the query.
    Query,
    /// 302 with the result in the fragment.
    Fragment,
    /// An auto-submitting HTML form.
    FormPost,
    /// An HTML page that `postMessage`s the result (§3.4).
    WebMessage,
}

/// Where and how to deliver a result: only built from a validated client and redirect target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    /// The validated `redirect_uri`.
    pub redirect_uri: String,
    /// The response mode.
    pub mode: ResponseMode,
    /// `state` to echo.
    pub state: Option<String>,
    /// Origin of `redirect_uri` (the `postMessage` target origin).
    pub target_origin: String,
}

/// The result for the application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthorizeResponse {
    /// An authorization code.
    Code(String),
    /// An error such as `login_required`.
    Error {
        /// `error`.
        error: &'static str,
        /// `error_description`.
        description: String,
    },
}

/// A result and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Where and how.
    pub delivery: Delivery,
    /// What.
    pub response: AuthorizeResponse,
}

impl Delivered {
    /// The response members in wire order: `code`/`error`+`error_description`, then `state`.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = match &self.response {
            AuthorizeResponse::Code(code) => vec![("code", code.clone())],
            AuthorizeResponse::Error { error, description } => {
                vec![
                    ("error", (*error).to_owned()),
                    ("error_description", description.clone()),
                ]
            }
        };
        if let Some(state) = &self.delivery.state {
            pairs.push(("state", state.clone()));
        }
        pairs
    }
}
