//! The tenant's multi-factor settings: which factors are enabled and when the login asks for a
//! second factor. Part of a tenant description and kept by the tenant, so both `seed` and
//! `tenant` use them.

use serde::{Deserialize, Serialize};

/// Per-tenant factor switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FactorSwitches {
    /// Authenticator apps (TOTP).
    pub otp: bool,
    /// SMS.
    pub sms: bool,
    /// Voice.
    pub voice: bool,
    /// Email.
    pub email: bool,
    /// Push (Guardian).
    pub push: bool,
    /// Recovery codes.
    pub recovery_code: bool,
    /// Passkeys (enrolled through the My Account API; need a custom domain).
    pub passkey: bool,
}

impl Default for FactorSwitches {
    fn default() -> Self {
        Self {
            otp: true,
            sms: true,
            voice: true,
            email: true,
            push: true,
            recovery_code: true,
            passkey: true,
        }
    }
}

/// When `/authorize` asks users with an active non-email factor for a second factor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MfaPolicy {
    /// On every login (Auth0 policy "Always").
    #[default]
    Always,
    /// Only for the MFA API audience, which Auth0 always enforces (policy "Never").
    Never,
}
