//! Finishing on return what a sign-in round trip interrupted (see [`super::pending`]).

use super::change::FactorChange;
use super::context::Factors;
use super::describe::{api_message, removal_summary};
use super::pending::Pending;
use super::row::FactorRow;
use crate::api::AuthenticatorId;
use crate::i18n::fill;
use leptos::prelude::Set;

impl Factors {
    /// Does `pending` now that `rows` are listed, and announces the outcome like the screen
    /// it was started on would have. A method gone meanwhile is left alone.
    pub fn finish_pending(self, pending: Pending, rows: &[FactorRow]) {
        let t = self.texts;
        let Some(row) = rows
            .iter()
            .find(|r| r.ids.iter().any(|i| i.0 == pending.id()))
            .cloned()
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let api = self.api();
            let id = AuthenticatorId(pending.id().to_owned());
            let outcome = match &pending {
                Pending::Remove { .. } => api.0.remove(id).await.map(|()| {
                    let what = removal_summary(&row, t);
                    (
                        FactorChange::removed(row.kind),
                        fill(t.removed, &[("what", &what)]),
                    )
                }),
                Pending::Rename { name, .. } => api.0.rename(id, name.clone()).await.map(|()| {
                    (
                        FactorChange::renamed(row.kind),
                        fill(t.renamed, &[("name", name)]),
                    )
                }),
            };
            match outcome {
                Ok((change, said)) => self.changed(change, said),
                Err(error) => {
                    let message = api_message(&error, t);
                    self.report_error(&message);
                    self.announcement.try_set(message);
                }
            }
        });
    }
}
