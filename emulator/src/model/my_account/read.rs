//! `GET /factors`, `GET /authentication-methods[?type=…]` and `GET /authentication-methods/{id}`.

use serde_json::{json, Value};

use crate::model::limits::METHODS_PER_LIST;
use crate::model::my_account::problem::Problem;
use crate::model::my_account::record::{records, MethodType};
use crate::model::my_account::request::Done;
use crate::model::tenant::Tenant;

impl Tenant {
    /// The method types enabled on the tenant, with their usage.
    pub(crate) fn factors_list(&self) -> Value {
        let factors = &self.factors;
        let enabled = |kind: MethodType| match kind {
            MethodType::Passkey => factors.passkey,
            MethodType::Password => false,
            MethodType::Totp => factors.otp,
            MethodType::Phone => factors.sms || factors.voice,
            MethodType::Email => factors.email,
            MethodType::Push => factors.push,
            MethodType::RecoveryCode => factors.recovery_code,
        };
        let list: Vec<Value> = MethodType::ALL
            .into_iter()
            .filter(|kind| enabled(*kind))
            .map(|kind| json!({"type": kind.name(), "usage": [kind.usage()]}))
            .collect();
        json!({ "factors": list })
    }

    /// The user's methods, optionally of one type, at most [`METHODS_PER_LIST`].
    pub(crate) fn list_methods(&self, user: usize, filter: Option<&str>) -> Result<Done, Problem> {
        let wanted = filter
            .map(|name| {
                MethodType::parse(name)
                    .ok_or_else(|| Problem::invalid("type", format!("Unknown type: {name}.")))
            })
            .transpose()?;
        let list: Vec<Value> = records(&self.users[user])
            .into_iter()
            .filter(|(kind, _)| wanted.is_none_or(|w| w == *kind))
            .map(|(_, record)| record)
            .take(METHODS_PER_LIST)
            .collect();
        Ok(Done::ok(json!({ "authentication_methods": list })))
    }

    /// One method of the user by its id.
    pub(crate) fn method(&self, user: usize, id: &str) -> Result<Value, Problem> {
        records(&self.users[user])
            .into_iter()
            .map(|(_, record)| record)
            .find(|record| record["id"] == id)
            .ok_or(Problem::NotFound)
    }
}
