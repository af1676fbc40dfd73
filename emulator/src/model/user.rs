//! Users: credentials, authenticators, recovery code and per-user limits.

use crate::model::authenticator::{Authenticator, AuthenticatorKind};
use crate::model::limits::{
    EMAIL_SENDS, FAILED_CODES, FAILED_RECOVERY_CODES, PENDING_AUTHENTICATOR_SECONDS, PHONE_SENDS,
    PUSH_SENDS,
};
use crate::model::rate_limit::Bucket;
use crate::model::recovery::RecoveryCode;

/// A recovery code generated with a first enrollment, kept until that enrollment is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRecovery {
    /// The enrollment group that carries it.
    pub group: u64,
    /// The code shown in the associate response.
    pub code: String,
}

/// Per-user rate-limit buckets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserLimits {
    /// Failed OTP/binding codes.
    pub failed_codes: Bucket,
    /// Failed recovery codes.
    pub failed_recovery: Bucket,
    /// SMS and voice sends.
    pub phone_sends: Bucket,
    /// Email sends.
    pub email_sends: Bucket,
    /// Push sends.
    pub push_sends: Bucket,
}

impl Default for UserLimits {
    fn default() -> Self {
        Self {
            failed_codes: Bucket::new(FAILED_CODES),
            failed_recovery: Bucket::new(FAILED_RECOVERY_CODES),
            phone_sends: Bucket::new(PHONE_SENDS),
            email_sends: Bucket::new(EMAIL_SENDS),
            push_sends: Bucket::new(PUSH_SENDS),
        }
    }
}

/// A database user of the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// `auth0|<24 hex>`.
    pub user_id: String,
    /// Login email.
    pub email: String,
    /// Password (plain: this is a local emulator with published test passwords).
    pub password: String,
    /// Whether the email is verified (verified emails are listed as authenticators).
    pub email_verified: bool,
    /// Display name.
    pub name: String,
    /// Unix time the user was created (the password method's `created_at`).
    pub created_at: u64,
    /// Authenticators in creation order.
    pub authenticators: Vec<Authenticator>,
    /// The confirmed recovery code.
    pub recovery: Option<RecoveryCode>,
    /// A recovery code waiting for its enrollment to be confirmed.
    pub pending_recovery: Option<PendingRecovery>,
    /// Rate limits.
    pub limits: UserLimits,
}

impl User {
    /// Whether the user has an active factor other than email (MFA is then enforced for the MFA
    /// audience, and an `mfa_token` can no longer enroll). [doc]
    pub fn has_active_non_email_factor(&self) -> bool {
        self.authenticators
            .iter()
            .any(|a| a.active && !a.kind.is_email() && a.kind.is_mfa_factor())
    }

    /// Whether the user has an active TOTP usable at the login prompt.
    pub fn has_active_otp(&self) -> bool {
        self.authenticators
            .iter()
            .any(|a| a.active && matches!(a.kind, AuthenticatorKind::Otp { .. }))
    }

    /// Removes enrollments left unconfirmed for 24 h.
    pub fn sweep_pending(&mut self, now: u64) {
        let expired: Vec<u64> = self
            .authenticators
            .iter()
            .filter(|a| !a.active && now >= a.created_at + PENDING_AUTHENTICATOR_SECONDS)
            .map(|a| a.group)
            .collect();
        for group in expired {
            self.remove_group(group);
        }
    }

    /// Number of pending enrollments (twins count once).
    pub fn pending_enrollments(&self) -> usize {
        let mut groups: Vec<u64> = self
            .authenticators
            .iter()
            .filter(|a| !a.active)
            .map(|a| a.group)
            .collect();
        groups.dedup();
        groups.len()
    }

    /// Activates every authenticator of `group` and, if it carried the first recovery code,
    /// makes that code the user's.
    pub fn activate_group(&mut self, group: u64, recovery_id: impl FnOnce() -> String) {
        let mut created_at = 0;
        for a in self.authenticators.iter_mut().filter(|a| a.group == group) {
            a.active = true;
            created_at = a.created_at;
        }
        if self
            .pending_recovery
            .as_ref()
            .is_some_and(|p| p.group == group)
        {
            if let Some(pending) = self.pending_recovery.take() {
                self.recovery = Some(RecoveryCode {
                    id: recovery_id(),
                    code: pending.code,
                    created_at,
                    last_auth_at: None,
                });
            }
        }
    }

    /// Deletes every authenticator of `group` (twins go together).
    pub fn remove_group(&mut self, group: u64) {
        self.authenticators.retain(|a| a.group != group);
        if self
            .pending_recovery
            .as_ref()
            .is_some_and(|p| p.group == group)
        {
            self.pending_recovery = None;
        }
    }

    /// Records that an active authenticator passed a sign-in at `now` (`last_auth_at`); a
    /// pending one being confirmed is not a sign-in.
    pub(crate) fn mark_used(&mut self, id: &str, now: u64) {
        if let Some(a) = self
            .authenticators
            .iter_mut()
            .find(|a| a.id == id && a.active)
        {
            a.last_auth_at = Some(now);
        }
    }

    /// Marks the newest authenticator as the preferred channel of its phone twins or not.
    pub(crate) fn prefer_last(&mut self, preferred: bool) {
        if let Some(last) = self.authenticators.last_mut() {
            last.preferred = preferred;
        }
    }

    /// The authenticator with `id`.
    pub fn authenticator(&self, id: &str) -> Option<&Authenticator> {
        self.authenticators.iter().find(|a| a.id == id)
    }
}
