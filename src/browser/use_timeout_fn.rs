//! `use_timeout_fn`: a callback once, `delay` after each `start`, cancelled by `stop` or when
//! the calling component goes away.

use leptos::prelude::*;
use std::time::Duration;

/// What [`use_timeout_fn`] returns.
#[derive(Clone, Copy)]
pub struct UseTimeoutFn {
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    callback: StoredValue<Box<dyn Fn()>, LocalStorage>,
    delay: Duration,
    /// True while a start is waiting to call back.
    pub is_pending: RwSignal<bool>,
}

impl UseTimeoutFn {
    /// (Re)starts the wait: the callback runs `delay` from now, once.
    pub fn start(&self) {
        self.stop();
        let this = *self;
        let handle = set_timeout_with_handle(
            move || {
                this.is_pending.try_set(false);
                this.timer.try_set_value(None);
                this.callback.try_with_value(|callback| callback());
            },
            self.delay,
        );
        if let Ok(handle) = handle {
            self.timer.set_value(Some(handle));
            self.is_pending.set(true);
        }
    }

    /// Cancels a pending call back, if any.
    pub fn stop(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        self.is_pending.try_set(false);
    }
}

/// A timer that calls `callback` once, `delay` after each [`UseTimeoutFn::start`].
pub fn use_timeout_fn(callback: impl Fn() + 'static, delay: Duration) -> UseTimeoutFn {
    let timeout = UseTimeoutFn {
        timer: StoredValue::new_local(None),
        callback: StoredValue::new_local(Box::new(callback)),
        delay,
        is_pending: RwSignal::new(false),
    };
    on_cleanup(move || timeout.stop());
    timeout
}
