//! `use_timestamp`: the current time as a signal, for countdowns.

use super::use_interval_fn::use_interval_fn;
use leptos::prelude::*;
use std::time::Duration;

/// Milliseconds since the epoch, updated every `interval` while the calling component lives.
/// (A plain signal: the page reads it only; a read-only view of it would cost bytes.)
pub fn use_timestamp(interval: Duration) -> RwSignal<f64> {
    let now = RwSignal::new(js_sys::Date::now());
    use_interval_fn(move || now.set(js_sys::Date::now()), interval);
    now
}
