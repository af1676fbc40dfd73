//! One log line per request (method, path, status, ms: never the query, body or tokens) and
//! the request log served at `/__emulator/requests`.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::server::fault_plan::DropConnection;
use crate::server::request_log::RequestRecord;
use crate::server::state::AppState;

/// Middleware: logs to stderr and records non-control requests.
pub async fn record(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().to_string();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let dropped = response.extensions().get::<DropConnection>().is_some();
    let status = if dropped {
        0
    } else {
        response.status().as_u16()
    };
    let shown = if dropped {
        "dropped".to_owned()
    } else {
        status.to_string()
    };
    eprintln!(
        "{method} {path} {shown} {}ms",
        started.elapsed().as_millis()
    );
    if !path.starts_with("/__emulator") {
        state.requests().push(RequestRecord {
            method,
            path,
            status,
        });
    }
    response
}
