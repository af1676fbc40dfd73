//! The tenant's My Account API settings and short-lived state, kept by the tenant.

use std::collections::BTreeMap;

use crate::model::rate_limit::Bucket;

use crate::model::my_account::plan::{Plan, UserAllowance};
use crate::model::my_account::session::EnrollmentSession;

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
