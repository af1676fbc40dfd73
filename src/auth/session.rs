//! The signed-in session: the MFA token in memory and the clock it runs on.

use super::token::{AccessToken, IssuedToken};

/// Seconds before expiry at which the user is warned.
pub const WARNING_SECONDS: i64 = 60;

/// A signed-in session. Dropping it forgets the token.
#[derive(Debug)]
pub struct Session {
    token: AccessToken,
    expires_at_ms: f64,
    /// Granted scopes.
    pub scope: String,
}

/// Where a session stands at a given moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// More than a minute left.
    Active {
        /// Whole seconds left.
        seconds_left: i64,
    },
    /// The last minute: the user is warned.
    Expiring {
        /// Whole seconds left.
        seconds_left: i64,
    },
    /// The token is no longer valid.
    Expired,
}

impl Phase {
    /// Whole seconds left (0 once expired).
    pub fn seconds_left(self) -> i64 {
        match self {
            Phase::Active { seconds_left } | Phase::Expiring { seconds_left } => seconds_left,
            Phase::Expired => 0,
        }
    }

    /// The phase without its countdown: the same for every second of one phase, so what is
    /// built from it is built again only when the phase changes, not on every tick.
    pub fn without_countdown(self) -> Phase {
        match self {
            Phase::Active { .. } => Phase::Active { seconds_left: 0 },
            Phase::Expiring { .. } => Phase::Expiring { seconds_left: 0 },
            Phase::Expired => Phase::Expired,
        }
    }
}

impl Session {
    /// Starts a session from a token issued at `now_ms` (milliseconds since the epoch).
    pub fn new(issued: IssuedToken, now_ms: f64) -> Session {
        Session {
            token: issued.access_token,
            expires_at_ms: now_ms + issued.expires_in as f64 * 1000.0,
            scope: issued.scope,
        }
    }

    /// The bearer token for MFA API calls.
    pub fn token(&self) -> &AccessToken {
        &self.token
    }

    /// The session's phase at `now_ms`.
    pub fn phase(&self, now_ms: f64) -> Phase {
        let left = ((self.expires_at_ms - now_ms) / 1000.0).ceil() as i64;
        match left {
            l if l <= 0 => Phase::Expired,
            l if l <= WARNING_SECONDS => Phase::Expiring { seconds_left: l },
            l => Phase::Active { seconds_left: l },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new(
            IssuedToken {
                access_token: AccessToken::new("t".into()),
                expires_in: 600,
                scope: String::new(),
            },
            1_000_000.0,
        )
    }

    #[test]
    fn phases_follow_the_600_second_lifetime() {
        let s = session();
        assert_eq!(s.phase(1_000_000.0), Phase::Active { seconds_left: 600 });
        assert_eq!(
            s.phase(1_000_000.0 + 539_000.0),
            Phase::Active { seconds_left: 61 }
        );
        assert_eq!(
            s.phase(1_000_000.0 + 540_000.0),
            Phase::Expiring { seconds_left: 60 }
        );
        assert_eq!(
            s.phase(1_000_000.0 + 599_500.0),
            Phase::Expiring { seconds_left: 1 }
        );
        assert_eq!(s.phase(1_000_000.0 + 600_000.0), Phase::Expired);
    }

    #[test]
    fn a_phase_without_its_countdown_changes_only_with_the_phase() {
        let s = session();
        let at = |seconds_in: f64| s.phase(1_000_000.0 + seconds_in * 1000.0);
        assert_eq!(at(541.0).without_countdown(), at(580.0).without_countdown());
        assert_ne!(at(539.0).without_countdown(), at(541.0).without_countdown());
        assert_eq!(at(541.0).seconds_left(), 59);
        assert_eq!(at(100.0).seconds_left(), 500);
        assert_eq!(at(700.0).seconds_left(), 0);
    }
}
