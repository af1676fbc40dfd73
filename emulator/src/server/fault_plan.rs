//! The faults registered for the next N requests (`POST /__emulator/faults`) and the marker of
//! a connection to drop. Plain data kept in the server state; the middleware that applies them
//! is in `faults`.

use serde::{Deserialize, Serialize};

/// What a fault does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Delay the response by `ms` milliseconds.
    Latency {
        /// Delay.
        ms: u64,
    },
    /// Answer with `status` and an HTML body (to exercise non-JSON error handling).
    Status {
        /// 400–599.
        status: u16,
    },
    /// Answer 429 `too_many_requests` with `x-ratelimit-*` and `Retry-After`.
    RateLimit {
        /// `Retry-After`.
        retry_after_seconds: u64,
    },
    /// Close the connection without a response.
    Drop,
    /// Answer 200 with a JSON content type but a truncated body.
    Malformed,
    /// Answer 200 with a valid JSON array of about `bytes` bytes.
    Oversized {
        /// Approximate body size.
        bytes: usize,
    },
    /// Answer `status` with the tenant's JSON error envelope.
    Error {
        /// 400–599.
        status: u16,
        /// The `error` code.
        error: String,
        /// The `error_description` text.
        error_description: String,
    },
    /// Omit every CORS header (preflights included).
    NoCors,
}

/// A fault registered with `POST /__emulator/faults`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// What it does.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// For how many matching requests.
    pub count: u32,
    /// Only requests whose path starts with this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path_prefix: Option<String>,
}

/// Marks a response whose connection must be closed without sending it.
#[derive(Debug, Clone, Copy)]
pub struct DropConnection;

/// Registered faults, used in order.
#[derive(Debug, Default)]
pub struct Faults(Vec<FaultSpec>);

impl Faults {
    /// Registers a fault.
    pub fn add(&mut self, fault: FaultSpec) {
        if fault.count > 0 {
            self.0.push(fault);
        }
    }

    /// Takes one use of the first matching fault (`no_cors` ones only if `no_cors`).
    pub(super) fn take(&mut self, path: &str, no_cors: bool) -> Option<FaultKind> {
        if path.starts_with("/__emulator") {
            return None;
        }
        let index = self.0.iter().position(|f| {
            (f.kind == FaultKind::NoCors) == no_cors
                && f.path_prefix.as_deref().is_none_or(|p| path.starts_with(p))
        })?;
        let fault = &mut self.0[index];
        fault.count -= 1;
        let kind = fault.kind.clone();
        if fault.count == 0 {
            self.0.remove(index);
        }
        Some(kind)
    }

    /// Takes one use of a matching `no_cors` fault.
    pub fn take_no_cors(&mut self, path: &str) -> bool {
        self.take(path, true).is_some()
    }
}
