//! The page's session as the API client sees it: the token of the [`Flow`], and its renewal.

use super::flow::Flow;
use crate::api::session::{Renewal, SessionSource};

/// The [`Flow`]'s MFA session, handed to the HTTP client.
pub struct FlowSession(pub Flow);

impl SessionSource for FlowSession {
    fn bearer(&self) -> Option<String> {
        self.0.bearer()
    }

    fn renew(&self) -> Renewal {
        let reason = self.0.texts().session_expired_reason;
        Box::pin(self.0.renew(reason))
    }
}
