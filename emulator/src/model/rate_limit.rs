//! Token buckets for the tenant's per-user limits.

use serde::{Deserialize, Serialize};

/// Shape of a bucket: how many tokens it holds and how fast it refills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BucketSpec {
    /// Maximum (and initial) number of tokens.
    pub capacity: u32,
    /// Tokens added per refill period.
    pub refill_amount: u32,
    /// Length of a refill period in seconds.
    pub refill_seconds: u64,
}

/// What a rate-limited response reports in its `x-ratelimit-*` and `Retry-After` headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimit {
    /// `x-ratelimit-limit`: the bucket's capacity.
    pub limit: u32,
    /// `x-ratelimit-remaining`: tokens left.
    pub remaining: u32,
    /// `x-ratelimit-reset`: unix time when the next token arrives.
    pub reset: u64,
    /// `Retry-After`: seconds until then.
    pub retry_after: u64,
}

/// A token bucket. Time is passed in; it refills lazily on each use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    spec: BucketSpec,
    tokens: u32,
    last_refill: u64,
}

impl Bucket {
    /// A full bucket. Its refill clock starts when the first token is taken.
    pub fn new(spec: BucketSpec) -> Self {
        Self {
            spec,
            tokens: spec.capacity,
            last_refill: 0,
        }
    }

    fn refill(&mut self, now: u64) {
        if self.tokens >= self.spec.capacity {
            self.last_refill = now;
            return;
        }
        let periods = now.saturating_sub(self.last_refill) / self.spec.refill_seconds.max(1);
        if periods == 0 {
            return;
        }
        let added = periods.saturating_mul(u64::from(self.spec.refill_amount));
        let tokens = u64::from(self.tokens).saturating_add(added);
        self.tokens = tokens.min(u64::from(self.spec.capacity)) as u32;
        self.last_refill = if self.tokens >= self.spec.capacity {
            now
        } else {
            self.last_refill + periods * self.spec.refill_seconds
        };
    }

    /// Tokens available at `now`.
    pub fn remaining(&mut self, now: u64) -> u32 {
        self.refill(now);
        self.tokens
    }

    /// Takes one token, or reports the limit when the bucket is empty.
    pub fn take(&mut self, now: u64) -> Result<(), RateLimit> {
        self.check(now)?;
        self.tokens -= 1;
        if self.tokens + 1 == self.spec.capacity {
            self.last_refill = now;
        }
        Ok(())
    }

    /// The bucket's state as `x-ratelimit-*` headers report it after a successful call.
    pub fn status(&mut self, now: u64) -> RateLimit {
        self.refill(now);
        let reset = if self.tokens >= self.spec.capacity {
            now
        } else {
            self.last_refill + self.spec.refill_seconds
        };
        RateLimit {
            limit: self.spec.capacity,
            remaining: self.tokens,
            reset,
            retry_after: reset.saturating_sub(now),
        }
    }

    /// Fails with the limit when the bucket is empty, without taking a token.
    pub fn check(&mut self, now: u64) -> Result<(), RateLimit> {
        self.refill(now);
        if self.tokens > 0 {
            return Ok(());
        }
        let reset = self.last_refill + self.spec.refill_seconds;
        Err(RateLimit {
            limit: self.spec.capacity,
            remaining: 0,
            reset,
            retry_after: reset.saturating_sub(now),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: BucketSpec = BucketSpec {
        capacity: 10,
        refill_amount: 1,
        refill_seconds: 360,
    };

    #[test]
    fn empties_after_capacity_and_reports_reset() {
        let mut bucket = Bucket::new(SPEC);
        for _ in 0..10 {
            assert!(bucket.take(1_000).is_ok());
        }
        let limit = bucket.take(1_000).unwrap_err();
        assert_eq!(limit.limit, 10);
        assert_eq!(limit.remaining, 0);
        assert_eq!(limit.reset, 1_360);
        assert_eq!(limit.retry_after, 360);
    }

    #[test]
    fn refills_one_token_per_period() {
        let mut bucket = Bucket::new(SPEC);
        for _ in 0..10 {
            bucket.take(0).unwrap();
        }
        assert!(bucket.take(359).is_err());
        assert!(bucket.take(360).is_ok());
        assert!(bucket.take(361).is_err());
        // Two more periods give two more tokens, never more than the capacity.
        assert_eq!(bucket.remaining(360 + 720), 2);
        assert_eq!(bucket.remaining(100_000), 10);
    }

    #[test]
    fn burst_refill_adds_several_tokens() {
        let spec = BucketSpec {
            capacity: 5,
            refill_amount: 5,
            refill_seconds: 60,
        };
        let mut bucket = Bucket::new(spec);
        for _ in 0..5 {
            bucket.take(0).unwrap();
        }
        assert!(bucket.take(59).is_err());
        assert_eq!(bucket.remaining(60), 5);
    }

    #[test]
    fn check_does_not_consume() {
        let mut bucket = Bucket::new(SPEC);
        bucket.check(0).unwrap();
        assert_eq!(bucket.remaining(0), 10);
    }
}
