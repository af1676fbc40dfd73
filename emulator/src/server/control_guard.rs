//! Who may use test control (`/__emulator/…`): it reads the outbox's codes, answers push
//! requests and moves the clock, so a web page the developer happens to visit while the
//! emulator runs must not reach it. Two checks, before any control handler runs:
//!
//! - **Origin.** A request with an `Origin` header (every cross-origin `fetch`, every form
//!   post) is answered only when the origin is one of the app's (`--allowed-origin`); other
//!   pages get 403, and `cors.rs` gives them no CORS headers either. Tools on the
//!   machine (curl, the e2e harness) send no `Origin` and are answered.
//! - **Host.** The `Host` header must name the emulator as it listens: its listen address
//!   (`127.0.0.1:PORT`) or the custom domain `localhost:PORT`. A page on `evil.example` whose
//!   name was made to resolve to 127.0.0.1 (DNS rebinding) is same-origin with itself, so it
//!   sends no foreign `Origin`, but its requests say `Host: evil.example:PORT`: 421.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::model::url::origin_matches;
use crate::server::body;
use crate::server::error::ApiError;
use crate::server::state::AppState;

/// Why a control request was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The `Host` header (if any) names none of the emulator's hosts.
    ForeignHost {
        /// The host the request named.
        host: Option<String>,
        /// The hosts that are answered.
        expected: Vec<String>,
    },
    /// The request came from a page of another origin.
    ForeignOrigin {
        /// The page's origin.
        origin: String,
        /// The origins that are answered.
        allowed: Vec<String>,
    },
}

impl Refusal {
    /// The status: 421 for a foreign host, 403 for a foreign origin.
    pub fn status(&self) -> StatusCode {
        match self {
            Refusal::ForeignHost { .. } => StatusCode::MISDIRECTED_REQUEST,
            Refusal::ForeignOrigin { .. } => StatusCode::FORBIDDEN,
        }
    }

    /// The sentence sent as `error_description`.
    pub fn description(&self) -> String {
        match self {
            Refusal::ForeignHost { host, expected } => format!(
                "Test control answers only at {}; this request was sent to {} (a name that \
                 merely resolves to this machine, as in DNS rebinding, is refused)",
                expected.join(" or "),
                host.as_deref().unwrap_or("no host"),
            ),
            Refusal::ForeignOrigin { origin, allowed } => {
                let allowed = if allowed.is_empty() {
                    "no page (no --allowed-origin was given)".to_owned()
                } else {
                    format!("pages of {} only", allowed.join(", "))
                };
                format!(
                    "Test control answers tools without an Origin header and {allowed}; \
                     a page of {origin} may not use it"
                )
            }
        }
    }
}

/// Whether `origin` (the `Origin` header, if sent) may use test control.
pub fn origin_allowed(origin: Option<&str>, allowed: &[String]) -> bool {
    origin.is_none_or(|origin| allowed.iter().any(|entry| origin_matches(entry, origin)))
}

/// Checks a control request's `Host` and `Origin` against the emulator's hosts and the app's
/// origins.
pub fn check<'a>(
    headers: &HeaderMap,
    hosts: impl Iterator<Item = &'a str>,
    allowed: &[String],
) -> Result<(), Refusal> {
    let host = body::host(headers);
    let hosts: Vec<String> = hosts.map(str::to_owned).collect();
    let known = host.is_some_and(|host| hosts.iter().any(|h| h.eq_ignore_ascii_case(host)));
    if !known {
        let host = headers
            .get(header::HOST)
            .map(|h| String::from_utf8_lossy(h.as_bytes()).into_owned());
        return Err(Refusal::ForeignHost {
            host,
            expected: hosts,
        });
    }
    let origin = headers
        .get(header::ORIGIN)
        .map(|o| String::from_utf8_lossy(o.as_bytes()).into_owned());
    if origin_allowed(origin.as_deref(), allowed) {
        Ok(())
    } else {
        Err(Refusal::ForeignOrigin {
            origin: origin.unwrap_or_default(),
            allowed: allowed.to_vec(),
        })
    }
}

/// Middleware on the control routes: refuses what [`check`] refuses.
pub async fn apply(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match check(request.headers(), state.hosts(), state.control_origins()) {
        Ok(()) => next.run(request).await,
        Err(refusal) => ApiError::Control(refusal.status(), refusal.description()).into_response(),
    }
}
