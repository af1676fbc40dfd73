//! The page's reactive helpers: [`effect`]s, data a screen loads when it opens ([`Load`]) and
//! what the user sends with a button ([`Submit`]).
//!
//! Leptos's generic `Effect::new` builds its whole runner again for every closure; [`effect`]
//! hands it one boxed closure type instead. Leptos's `LocalResource` and `Action` do what
//! [`Load`] and [`Submit`] do and more (transitions, suspense, server rendering), which this
//! page does not use. Together these keep about 15 KB (brotli) out of the bundle.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// Runs `f` once the current update is done (as Leptos runs effects), and again whenever a
/// signal it reads changes, until its owner is disposed.
pub fn effect(f: impl FnMut() + 'static) {
    let mut f: Box<dyn FnMut()> = Box::new(f);
    Effect::new(move |_| f());
}

/// The latest result of a load. It starts right after it is created, again whenever a signal
/// its start function reads changes, and on [`Load::reload`]. The previous result stays
/// readable while a newer run is under way, and the result of a run overtaken by a newer one
/// is dropped.
pub struct Load<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    again: Trigger,
}

impl<T> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Load<T> {}

impl<T: Clone + 'static> Load<T> {
    /// Runs `start` right after creation and whenever what it reads changes; its future's
    /// output becomes the value.
    pub fn new<F>(start: impl Fn() -> F + 'static) -> Load<T>
    where
        F: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let again = Trigger::new();
        let latest = Rc::new(Cell::new(0u32));
        effect(move || {
            again.track();
            let future = start();
            let run = latest.get().wrapping_add(1);
            latest.set(run);
            let latest = Rc::clone(&latest);
            spawn_local(async move {
                let result = future.await;
                if latest.get() == run {
                    value.try_set(Some(result));
                }
            });
        });
        Load { value, again }
    }

    /// The latest result (tracked); `None` until the first run finishes.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Looks at the latest result without cloning it (tracked).
    pub fn with<R>(&self, f: impl FnOnce(&Option<T>) -> R) -> R {
        self.value.with(f)
    }

    /// Runs the load again (after a failure, when the user asks to retry).
    pub fn reload(&self) {
        self.again.notify();
    }
}

/// Counts `seconds` down in `waiting`, one a second; `false` when the screen went away
/// meanwhile. One function for every kind of submission, so it is in the page once.
async fn count_down(waiting: RwSignal<Option<u64>>, seconds: u64) -> bool {
    for left in (1..=seconds.max(1)).rev() {
        if waiting.try_set(Some(left)).is_some() {
            return false;
        }
        crate::browser::sleep(std::time::Duration::from_secs(1)).await;
    }
    waiting.try_set(None).is_none()
}

/// Makes the future for one submission.
type Run<I, T> = Rc<dyn Fn(&I) -> Pin<Box<dyn Future<Output = T>>>>;

/// Seconds after which a result's submission is simply sent again (a rate limit's wait).
type ResendAfter<T> = Rc<dyn Fn(&T) -> Option<u64>>;

/// A submission the user starts (send a code, verify, remove): whether one is under way, and
/// the latest result. Each finished submission sets the value, even to an equal one, so
/// effects see every answer.
pub struct Submit<I: 'static, T: 'static> {
    run: StoredValue<Run<I, T>, LocalStorage>,
    value: RwSignal<Option<T>, LocalStorage>,
    in_flight: RwSignal<u32>,
    resend_after: StoredValue<Option<ResendAfter<T>>, LocalStorage>,
    waiting: RwSignal<Option<u64>>,
}

impl<I, T> Clone for Submit<I, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I, T> Copy for Submit<I, T> {}

impl<I: Clone + 'static, T: Clone + 'static> Submit<I, T> {
    /// A submission whose future `run` makes from the input.
    pub fn new<F>(run: impl Fn(&I) -> F + 'static) -> Submit<I, T>
    where
        F: Future<Output = T> + 'static,
    {
        let run: Run<I, T> = Rc::new(move |input| Box::pin(run(input)));
        Submit {
            run: StoredValue::new_local(run),
            value: RwSignal::new_local(None),
            in_flight: RwSignal::new(0),
            resend_after: StoredValue::new_local(None),
            waiting: RwSignal::new(None),
        }
    }

    /// Sends a submission again by itself when `after` finds a wait in its result (a rate
    /// limit): [`waiting`](Self::waiting) counts the seconds down meanwhile, and the
    /// submission counts as [`pending`](Self::pending), so the user cannot send it twice.
    pub fn resending(self, after: impl Fn(&T) -> Option<u64> + 'static) -> Self {
        self.resend_after.set_value(Some(Rc::new(after)));
        self
    }

    /// Starts a submission with `input`.
    pub fn dispatch(&self, input: I) {
        let Some(future) = self.run.try_with_value(|run| run(&input)) else {
            return;
        };
        let this = *self;
        this.in_flight.update(|n| *n += 1);
        spawn_local(async move {
            let result = future.await;
            let wait = this
                .resend_after
                .try_get_value()
                .flatten()
                .and_then(|after| after(&result));
            this.in_flight.try_update(|n| *n = n.saturating_sub(1));
            this.value.try_set(Some(result));
            if let Some(seconds) = wait {
                if count_down(this.waiting, seconds).await {
                    this.dispatch(input);
                }
            }
        });
    }

    /// Seconds left before a rate-limited submission is sent again by itself.
    pub fn waiting(&self) -> Signal<Option<u64>> {
        self.waiting.into()
    }

    /// The latest result, `None` until a submission finishes.
    pub fn value(&self) -> ReadSignal<Option<T>, LocalStorage> {
        self.value.read_only()
    }

    /// Whether a submission is under way, or waiting to be sent again.
    pub fn pending(&self) -> Signal<bool> {
        let (in_flight, waiting) = (self.in_flight, self.waiting);
        Signal::derive(move || in_flight.get() > 0 || waiting.get().is_some())
    }
}
