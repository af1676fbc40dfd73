//! The redirect round trip's state in sessionStorage: written just before leaving for
//! `/authorize`, read and deleted on return. It never holds a token.

use super::error::{AuthError, StorageFlaw};
use super::request::Purpose;
use serde::{Deserialize, Serialize};
use std::fmt;

/// sessionStorage key of the pending round trip.
pub const STORAGE_KEY: &str = "mfa-manager:transaction";

/// Where to bring the user back to, and why they went (non-secret).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// The screen the user was on.
    pub screen: String,
    /// A sentence to show on return (e.g. why a redirect was needed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A pending redirect sign-in.
#[derive(PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// The `state` sent to `/authorize`.
    pub state: String,
    /// The `nonce` expected in the ID token.
    pub nonce: String,
    /// PKCE verifier (a secret, kept only for the round trip).
    pub verifier: String,
    /// Which token this sign-in is for.
    pub purpose: Purpose,
    /// Where to return to.
    pub resume: Resume,
}

impl fmt::Debug for Transaction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transaction")
            .field("purpose", &self.purpose)
            .field("resume", &self.resume)
            .finish_non_exhaustive()
    }
}

fn storage() -> Result<web_sys::Storage, AuthError> {
    web_sys::window()
        .ok_or(AuthError::Storage(StorageFlaw::NoWindow))?
        .session_storage()
        .map_err(|_| AuthError::Storage(StorageFlaw::Blocked))?
        .ok_or(AuthError::Storage(StorageFlaw::Unavailable))
}

impl Transaction {
    /// Stores the transaction for the round trip.
    pub fn save(&self) -> Result<(), AuthError> {
        let text =
            serde_json::to_string(self).map_err(|_| AuthError::Storage(StorageFlaw::Full))?;
        storage()?
            .set_item(STORAGE_KEY, &text)
            .map_err(|_| AuthError::Storage(StorageFlaw::Full))
    }

    /// Deletes the stored transaction, if any: a round trip that failed is not resumed later.
    pub fn discard() {
        if let Ok(storage) = storage() {
            let _ = storage.remove_item(STORAGE_KEY);
        }
    }

    /// Reads and deletes the stored transaction, if any. An unreadable entry is deleted too.
    pub fn take() -> Result<Option<Transaction>, AuthError> {
        let storage = storage()?;
        let text = storage.get_item(STORAGE_KEY).ok().flatten();
        let _ = storage.remove_item(STORAGE_KEY);
        Ok(text.and_then(|t| crate::json::from_text(&t).ok()))
    }
}
