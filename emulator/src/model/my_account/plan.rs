//! The tenant's subscription plan and the My Account API's rate limits that follow from it:
//! per user per minute for reads, writes and filtered reads, and per tenant per second.

use serde::{Deserialize, Serialize};

use crate::model::rate_limit::{Bucket, BucketSpec, RateLimit};

/// The tenant's plan (seed field `plan`). Professional has Essentials' limits. [doc]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Plan {
    /// 2 reads, 2 writes, 5 filtered reads per user per minute; 2 calls per tenant per second.
    Free,
    /// 5 / 5 / 10 per user per minute; 5 per tenant per second.
    #[serde(alias = "professional")]
    Essentials,
    /// 5 / 5 / 20 per user per minute; 25 per tenant per second.
    Enterprise,
    /// The local tenant's default: limits high enough never to be met by a test that does not
    /// ask for them (the headers are still sent). A deliberate deviation. [inferred]
    #[default]
    Unmetered,
}

/// Which per-user limit a call counts against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// `GET` of the list (unfiltered), one method or the factors.
    Read,
    /// `POST`, `PATCH`, `DELETE`.
    Write,
    /// `GET /authentication-methods?type=…`.
    FilteredRead,
}

/// The calls per user per minute (reads, writes, filtered reads) and per tenant per second.
struct Allowance {
    reads: u32,
    writes: u32,
    filtered_reads: u32,
    tenant_per_second: u32,
}

impl Plan {
    fn allowance(self) -> Allowance {
        let (reads, writes, filtered_reads, tenant_per_second) = match self {
            Plan::Free => (2, 2, 5, 2),
            Plan::Essentials => (5, 5, 10, 5),
            Plan::Enterprise => (5, 5, 20, 25),
            Plan::Unmetered => (1_000, 1_000, 1_000, 1_000),
        };
        Allowance {
            reads,
            writes,
            filtered_reads,
            tenant_per_second,
        }
    }

    /// The per-user bucket for `kind`: the whole allowance comes back each minute.
    pub fn user_bucket(self, kind: CallKind) -> Bucket {
        let allowance = self.allowance();
        let capacity = match kind {
            CallKind::Read => allowance.reads,
            CallKind::Write => allowance.writes,
            CallKind::FilteredRead => allowance.filtered_reads,
        };
        Bucket::new(BucketSpec {
            capacity,
            refill_amount: capacity,
            refill_seconds: 60,
        })
    }

    /// The per-tenant bucket: the whole allowance comes back each second.
    pub fn tenant_bucket(self) -> Bucket {
        let capacity = self.allowance().tenant_per_second;
        Bucket::new(BucketSpec {
            capacity,
            refill_amount: capacity,
            refill_seconds: 1,
        })
    }
}

/// One user's My Account buckets, replaced when the plan changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserAllowance {
    reads: Bucket,
    writes: Bucket,
    filtered_reads: Bucket,
}

impl UserAllowance {
    /// Full buckets for `plan`.
    pub fn new(plan: Plan) -> Self {
        Self {
            reads: plan.user_bucket(CallKind::Read),
            writes: plan.user_bucket(CallKind::Write),
            filtered_reads: plan.user_bucket(CallKind::FilteredRead),
        }
    }

    fn bucket(&mut self, kind: CallKind) -> &mut Bucket {
        match kind {
            CallKind::Read => &mut self.reads,
            CallKind::Write => &mut self.writes,
            CallKind::FilteredRead => &mut self.filtered_reads,
        }
    }

    /// Takes one call of `kind`: `Ok` with the headers to send, or the limit that was met.
    pub fn take(&mut self, kind: CallKind, now: u64) -> Result<RateLimit, RateLimit> {
        let bucket = self.bucket(kind);
        bucket.take(now)?;
        Ok(bucket.status(now))
    }

    /// What is left of each bucket (test control).
    pub fn remaining(&mut self, now: u64) -> [(CallKind, u32); 3] {
        [CallKind::Read, CallKind::Write, CallKind::FilteredRead]
            .map(|kind| (kind, self.bucket(kind).remaining(now)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_allows_two_writes_a_minute_per_user() {
        let mut user = UserAllowance::new(Plan::Free);
        let first = user.take(CallKind::Write, 100).unwrap();
        assert_eq!((first.limit, first.remaining), (2, 1));
        user.take(CallKind::Write, 101).unwrap();
        let met = user.take(CallKind::Write, 102).unwrap_err();
        assert_eq!(met.retry_after, 58);
        // Reads are counted apart from writes.
        assert!(user.take(CallKind::Read, 102).is_ok());
        assert!(user.take(CallKind::Write, 160).is_ok());
    }

    #[test]
    fn plans_differ_in_filtered_reads_and_tenant_rate() {
        for (plan, filtered, tenant) in [
            (Plan::Free, 5, 2),
            (Plan::Essentials, 10, 5),
            (Plan::Enterprise, 20, 25),
        ] {
            let mut user = UserAllowance::new(plan);
            for _ in 0..filtered {
                user.take(CallKind::FilteredRead, 0).unwrap();
            }
            assert!(user.take(CallKind::FilteredRead, 0).is_err(), "{plan:?}");
            let mut bucket = plan.tenant_bucket();
            for _ in 0..tenant {
                bucket.take(0).unwrap();
            }
            assert!(bucket.take(0).is_err(), "{plan:?}");
            assert!(bucket.take(1).is_ok(), "{plan:?}");
        }
        let plan: Plan = serde_json::from_str("\"professional\"").unwrap();
        assert_eq!(plan, Plan::Essentials);
    }
}
