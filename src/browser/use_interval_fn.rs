//! `use_interval_fn`: a callback every `interval`, for as long as the calling component lives.

use leptos::prelude::*;
use std::time::Duration;

/// Calls `callback` every `interval` until the owner it was called in is cleaned up.
pub fn use_interval_fn(callback: impl Fn() + 'static, interval: Duration) {
    if let Ok(handle) = set_interval_with_handle(callback, interval) {
        on_cleanup(move || handle.clear());
    }
}
