//! `use_clipboard`: copies text and says so for a moment (the "Copy" button's "Copied").

use super::use_timeout_fn::use_timeout_fn;
use leptos::prelude::*;
use std::time::Duration;

/// How long a button says "Copied" after a copy.
pub const COPIED_FOR: Duration = Duration::from_secs(3);

/// What [`use_clipboard`] returns.
#[derive(Clone, Copy)]
pub struct UseClipboard {
    /// True for [`COPIED_FOR`] after each copy.
    pub copied: Signal<bool>,
    copied_now: RwSignal<bool>,
    reset: super::UseTimeoutFn,
}

impl UseClipboard {
    /// Copies `text` to the clipboard (best effort: the text is on screen as well) and sets
    /// [`copied`](Self::copied).
    pub fn copy(&self, text: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(text);
        }
        self.copied_now.set(true);
        self.reset.start();
    }
}

/// A clipboard writer with a `copied` signal for the button that uses it.
pub fn use_clipboard() -> UseClipboard {
    let copied_now = RwSignal::new(false);
    let reset = use_timeout_fn(move || copied_now.set(false), COPIED_FOR);
    UseClipboard {
        copied: copied_now.into(),
        copied_now,
        reset,
    }
}
