//! A deadline for a `fetch`: aborts the request when it has no answer in time, so the user is
//! told and can retry instead of waiting forever.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

/// How long a request may go without an answer before the user is told and can retry.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// Aborts a request that has no answer after its timeout; dropping it stops the timer.
pub struct Deadline {
    controller: Option<web_sys::AbortController>,
    timer: Option<leptos::prelude::TimeoutHandle>,
    expired: Rc<Cell<bool>>,
}

impl Deadline {
    /// Starts the clock: the request given [`Deadline::signal`] is aborted after `timeout`.
    pub fn start(timeout: Duration) -> Deadline {
        let controller = web_sys::AbortController::new().ok();
        let expired = Rc::new(Cell::new(false));
        let timer = controller.clone().and_then(|controller| {
            let expired = Rc::clone(&expired);
            leptos::prelude::set_timeout_with_handle(
                move || {
                    expired.set(true);
                    controller.abort();
                },
                timeout,
            )
            .ok()
        });
        Deadline {
            controller,
            timer,
            expired,
        }
    }

    /// The signal to hand the request.
    pub fn signal(&self) -> Option<web_sys::AbortSignal> {
        self.controller
            .as_ref()
            .map(web_sys::AbortController::signal)
    }

    /// True once the timeout passed (a failure since then is the deadline's doing).
    pub fn expired(&self) -> bool {
        self.expired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
    }
}
