//! Switching the API on or off, choosing the plan, and reading what is left of the rate limits
//! (test control and seeds).

use serde::Serialize;

use crate::model::my_account::plan::{Plan, UserAllowance};
use crate::model::tenant::Tenant;

impl Tenant {
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
