//! `use_clipboard`: copies text and says so (the "Copy" button's "Copied").

use leptos::prelude::*;

/// What [`use_clipboard`] returns.
#[derive(Clone, Copy)]
pub struct UseClipboard {
    /// True once something was copied.
    pub copied: RwSignal<bool>,
}

impl UseClipboard {
    /// Copies `text` to the clipboard (best effort: the text is on screen as well) and sets
    /// [`copied`](Self::copied).
    pub fn copy(&self, text: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(text);
        }
        self.copied.set(true);
    }
}

/// A clipboard writer with a `copied` signal for the button that uses it.
pub fn use_clipboard() -> UseClipboard {
    UseClipboard {
        copied: RwSignal::new(false),
    }
}
