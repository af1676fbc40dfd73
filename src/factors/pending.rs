//! An action the user started that a sign-in round trip interrupted (the tenant wanted the
//! user back, e.g. for a step-up, and the page had to leave for it): remembered in the round
//! trip's screen name, and done on return once the list is loaded — the user confirmed it
//! already, so it is not asked for again.

use serde::{Deserialize, Serialize};

/// The prefix of a screen name that carries a [`Pending`] action.
const PREFIX: &str = "pending:";

/// An action under way when the page had to leave for the tenant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pending {
    /// Removing the method with this id (twins go with it at the tenant).
    Remove {
        /// The method's id.
        id: String,
    },
    /// Giving the method with this id a new name.
    Rename {
        /// The method's id.
        id: String,
        /// The name the user typed (checked already).
        name: String,
    },
}

impl Pending {
    /// The screen name that carries this action through the round trip.
    pub fn screen(&self) -> String {
        // Only strings: serializing cannot fail.
        format!(
            "{PREFIX}{}",
            serde_json::to_string(self).unwrap_or_default()
        )
    }

    /// The action a screen name carries, if it carries one.
    pub fn from_screen(screen: &str) -> Option<Pending> {
        crate::json::from_text(screen.strip_prefix(PREFIX)?).ok()
    }

    /// The id of the method it acts on.
    pub fn id(&self) -> &str {
        match self {
            Pending::Remove { id } | Pending::Rename { id, .. } => id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_survive_the_round_trip_in_the_screen_name() {
        for pending in [
            Pending::Remove {
                id: "totp|dev_A".into(),
            },
            Pending::Rename {
                id: "email|dev_B".into(),
                name: "Work \"mail\"".into(),
            },
        ] {
            let screen = pending.screen();
            assert!(screen.starts_with("pending:"), "{screen}");
            assert_eq!(Pending::from_screen(&screen), Some(pending));
        }
        assert_eq!(Pending::from_screen("add-app"), None);
        assert_eq!(Pending::from_screen("pending:{\"explode\":1}"), None);
    }
}
