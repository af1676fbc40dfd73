//! The text of a button that sends something: what it does, that it is sending, or the
//! seconds left before a rate-limited request is sent again by itself.

use super::describe::wait_text;
use crate::i18n::{fill, Texts};

/// `idle` when nothing is under way, `busy` while sending, "Trying again in 40 seconds"
/// while `waiting` counts a rate limit down.
pub fn button_text(
    waiting: Option<u64>,
    busy: bool,
    (busy_text, idle_text): (&str, &str),
    t: &Texts,
) -> String {
    match waiting {
        Some(seconds) => fill(t.retrying_in, &[("wait", &wait_text(seconds, t))]),
        None if busy => busy_text.to_owned(),
        None => idle_text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::en::EN;

    #[test]
    fn a_waiting_button_counts_down() {
        let texts = ("Removing…", "Remove");
        assert_eq!(button_text(None, false, texts, &EN), "Remove");
        assert_eq!(button_text(None, true, texts, &EN), "Removing…");
        assert_eq!(
            button_text(Some(40), true, texts, &EN),
            "Trying again in 40 seconds"
        );
    }
}
