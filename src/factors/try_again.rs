//! What a "Try again" button does, for the list and the enrollment panels.

use crate::browser::focus_first;

/// What a "Try again" button does: moves keyboard focus to `keep_focus_on` (the panel's title
/// or the list) and starts `again`. The answer replaces the button, and focus must not drop to
/// the page with it.
pub fn try_again(keep_focus_on: &str, again: impl FnOnce()) {
    focus_first(keep_focus_on);
    again();
}
