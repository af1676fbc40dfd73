//! `PATCH /authentication-methods/{id}` (rename, preferred phone channel) and
//! `DELETE /authentication-methods/{id}`.

use serde_json::Value;

use crate::model::authenticator::AuthenticatorKind;
use crate::model::limits::METHOD_NAME_MAX_CHARS;
use crate::model::my_account::body::{object, optional_text};
use crate::model::my_account::problem::Problem;
use crate::model::my_account::record::{method_id, password_id, MethodType};
use crate::model::my_account::request::Done;
use crate::model::tenant::Tenant;

/// Members `PATCH` accepts.
const UPDATABLE: [&str; 2] = ["name", "preferred_authentication_method"];

impl Tenant {
    /// The enrollment group of the user's method `id` (passkeys and factors).
    fn method_group(&self, user: usize, id: &str) -> Option<u64> {
        self.users[user]
            .authenticators
            .iter()
            .find(|a| MethodType::of(a).is_some() && method_id(a) == id)
            .map(|a| a.group)
    }

    /// Renames a method and/or changes a phone's preferred channel; 200 with the record.
    pub(crate) fn update_method(
        &mut self,
        user: usize,
        id: &str,
        body: Option<&Value>,
    ) -> Result<Done, Problem> {
        let body = object(body)?;
        if let Some(unknown) = body.keys().find(|k| !UPDATABLE.contains(&k.as_str())) {
            return Err(Problem::invalid(
                unknown,
                format!("{unknown} cannot be changed."),
            ));
        }
        let name = optional_text(body, "name")?;
        let channel = optional_text(body, "preferred_authentication_method")?;
        if name.is_none() && channel.is_none() {
            return Err(Problem::invalid("name", "Nothing to change."));
        }
        let is_recovery = self.users[user]
            .recovery
            .as_ref()
            .is_some_and(|r| r.id == id);
        if is_recovery || id == password_id(&self.users[user]) {
            return Err(if name.is_some() {
                Problem::invalid("name", "This method has no name.")
            } else {
                Problem::invalid(
                    "preferred_authentication_method",
                    "Only a phone has a preferred channel.",
                )
            });
        }
        let group = self.method_group(user, id).ok_or(Problem::NotFound)?;
        let name = name
            .map(|name| {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > METHOD_NAME_MAX_CHARS {
                    Err(Problem::invalid(
                        "name",
                        format!("name must be 1 to {METHOD_NAME_MAX_CHARS} characters."),
                    ))
                } else {
                    Ok(name.to_owned())
                }
            })
            .transpose()?;
        if let Some(channel) = channel {
            self.prefer_channel(user, group, channel)?;
        }
        if let Some(name) = name {
            for a in self.users[user]
                .authenticators
                .iter_mut()
                .filter(|a| a.group == group)
            {
                a.name = Some(name.clone());
            }
        }
        let current = self.users[user]
            .authenticators
            .iter()
            .find(|a| a.group == group && MethodType::of(a).is_some())
            .map(method_id)
            .ok_or(Problem::NotFound)?;
        self.method(user, &current).map(Done::ok)
    }

    /// Makes `channel` (`sms` or `voice`) the preferred twin of a phone group.
    fn prefer_channel(&mut self, user: usize, group: u64, channel: &str) -> Result<(), Problem> {
        let refused = || {
            Problem::invalid(
                "preferred_authentication_method",
                "preferred_authentication_method must be a channel this phone has: sms or voice.",
            )
        };
        let twins: Vec<usize> = (0..self.users[user].authenticators.len())
            .filter(|&i| self.users[user].authenticators[i].group == group)
            .collect();
        let is_channel = |kind: &AuthenticatorKind| match channel {
            "sms" => matches!(kind, AuthenticatorKind::Sms { .. }),
            "voice" => matches!(kind, AuthenticatorKind::Voice { .. }),
            _ => false,
        };
        let authenticators = &mut self.users[user].authenticators;
        if !twins.iter().any(|&i| is_channel(&authenticators[i].kind)) {
            return Err(refused());
        }
        for i in twins {
            authenticators[i].preferred = is_channel(&authenticators[i].kind);
        }
        Ok(())
    }

    /// Deletes a method (with its twins); the password cannot be removed here (409). 204.
    pub(crate) fn delete_method(&mut self, user: usize, id: &str) -> Result<Done, Problem> {
        if id == password_id(&self.users[user]) {
            return Err(Problem::Conflict(
                "The password cannot be removed with this API.".to_owned(),
            ));
        }
        let account = &mut self.users[user];
        if account.recovery.as_ref().is_some_and(|r| r.id == id) {
            account.recovery = None;
        } else {
            let group = self.method_group(user, id).ok_or(Problem::NotFound)?;
            self.users[user].remove_group(group);
        }
        Ok(Done {
            status: 204,
            body: None,
            location_id: None,
        })
    }
}
