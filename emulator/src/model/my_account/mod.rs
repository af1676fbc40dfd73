//! The My Account API (`/me/v1/…`): a user's authentication methods — list, enroll (start →
//! verify), rename, delete — over the same store as the MFA API, with passkeys, problem-details
//! errors and per-plan rate limits. Reference: the project's `my-account-api.md`.
//!
//! The model answers whole requests ([`MeRequest`] → [`MeResponse`]) so that the HTTP server
//! and the page's demo mode route them the same way.

pub mod access;
pub mod body;
pub mod edit;
pub mod enroll;
pub mod inspect;
pub mod passkey_enroll;
pub mod plan;
pub mod problem;
pub mod read;
pub mod record;
pub mod request;
pub mod session;

#[cfg(all(test, feature = "software-authenticator"))]
mod passkey_tests;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

use crate::model::rate_limit::Bucket;

pub use plan::Plan;
pub use problem::Problem;
pub use request::{MeBody, MeRequest, MeResponse, MeToken};

use plan::UserAllowance;
use session::EnrollmentSession;

/// The tenant's My Account API settings and short-lived state.
#[derive(Debug, Clone)]
pub struct MyAccountState {
    /// Whether the API is activated for the tenant (tokens for `/me/` are refused otherwise).
    pub(crate) active: bool,
    /// The plan whose rate limits apply.
    pub(crate) plan: Plan,
    /// A configured relying-party id for passkeys; otherwise the page's host.
    pub(crate) relying_party_id: Option<String>,
    /// The per-tenant, per-second bucket.
    pub(crate) tenant_calls: Bucket,
    /// Per-user buckets, by user id.
    pub(crate) allowances: BTreeMap<String, UserAllowance>,
    /// Enrollments between start and verify, by `auth_session`.
    pub(crate) sessions: BTreeMap<String, EnrollmentSession>,
}

impl MyAccountState {
    /// Settings for a new tenant.
    pub fn new(active: bool, plan: Plan, relying_party_id: Option<String>) -> Self {
        Self {
            active,
            plan,
            relying_party_id,
            tenant_calls: plan.tenant_bucket(),
            allowances: BTreeMap::new(),
            sessions: BTreeMap::new(),
        }
    }

    /// Switches the plan; every bucket starts full again.
    pub fn set_plan(&mut self, plan: Plan) {
        *self = Self::new(self.active, plan, self.relying_party_id.take());
    }
}

impl crate::model::Tenant {
    /// Switches the plan whose limits apply (test control); every bucket starts full.
    pub fn set_my_account_plan(&mut self, plan: Plan) {
        self.my_account.set_plan(plan);
    }

    /// The plan in force.
    pub fn my_account_plan(&self) -> Plan {
        self.my_account.plan
    }

    /// Activates or deactivates the API (test control): tokens for `/me/` are refused and its
    /// calls answer 404 while it is off.
    pub fn set_my_account_active(&mut self, active: bool) {
        self.my_account.active = active;
    }

    /// Whether the API is activated.
    pub fn my_account_active(&self) -> bool {
        self.my_account.active
    }

    /// What is left of a user's read, write and filtered-read allowances, and of the
    /// tenant's calls this second (test control).
    pub fn my_account_remaining(&mut self, user_id: &str, now: u64) -> Remaining {
        let plan = self.my_account.plan;
        let user = self
            .my_account
            .allowances
            .entry(user_id.to_owned())
            .or_insert_with(|| UserAllowance::new(plan))
            .remaining(now);
        Remaining {
            reads: user[0].1,
            writes: user[1].1,
            filtered_reads: user[2].1,
            tenant_this_second: self.my_account.tenant_calls.remaining(now),
        }
    }
}

/// Calls left in the current windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Remaining {
    /// Reads left this minute.
    pub reads: u32,
    /// Writes left this minute.
    pub writes: u32,
    /// Filtered reads left this minute.
    pub filtered_reads: u32,
    /// The tenant's calls left this second.
    pub tenant_this_second: u32,
}
