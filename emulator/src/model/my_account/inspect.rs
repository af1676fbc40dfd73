//! What the test harness may see and change of a user's passkeys (test control only).

use serde::Serialize;

use crate::model::iso_time::iso_8601;
use crate::model::tenant::Tenant;

/// A stored passkey as test control lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PasskeySummary {
    /// The method id (`passkey|dev_…`).
    pub id: String,
    /// The credential id, base64url.
    pub key_id: String,
    /// The authenticator model.
    pub aaguid: String,
    /// The name given to it, if any.
    pub name: Option<String>,
    /// Backed up (synced).
    pub backed_up: bool,
    /// The signature counter last seen.
    pub sign_count: u32,
    /// When it last signed the user in.
    pub last_auth_at: Option<String>,
}

impl Tenant {
    /// The passkeys of the user with `user_id` (`None` for an unknown user).
    pub fn passkey_summaries(&self, user_id: &str) -> Option<Vec<PasskeySummary>> {
        let user = self.user_index(user_id)?;
        Some(
            self.passkeys_of(user)
                .map(|(a, p)| PasskeySummary {
                    id: a.id.clone(),
                    key_id: data_encoding::BASE64URL_NOPAD.encode(&p.credential_id),
                    aaguid: p.aaguid_text(),
                    name: a.name.clone(),
                    backed_up: p.backed_up,
                    sign_count: p.sign_count,
                    last_auth_at: a.last_auth_at.map(iso_8601),
                })
                .collect(),
        )
    }

    /// Deletes one passkey of a user; `false` when there is no such passkey.
    pub fn delete_passkey(&mut self, user_id: &str, id: &str) -> bool {
        let Some(user) = self.user_index(user_id) else {
            return false;
        };
        let Some(group) = self
            .passkeys_of(user)
            .find(|(a, _)| a.id == id)
            .map(|(a, _)| a.group)
        else {
            return false;
        };
        self.users[user].remove_group(group);
        true
    }
}
