//! The entries of the request log served at `/__emulator/requests`. Plain data kept in the
//! server state; the middleware that writes them is in `log`.

use serde::Serialize;

/// A logged request. `status` is 0 when the connection was dropped on purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequestRecord {
    /// HTTP method.
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// Response status.
    pub status: u16,
}
