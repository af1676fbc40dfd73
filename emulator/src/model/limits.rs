//! Lifetimes, sizes and rate limits of the tenant (protocol.md §10), in one place.

use crate::model::rate_limit::BucketSpec;

/// Access tokens for the MFA audience live 600 s; not configurable on Auth0. [doc]
pub const MFA_ACCESS_TOKEN_SECONDS: u64 = 600;
/// Access tokens for the My Account API live 600 s, like the MFA API's. [inferred]
pub const MY_ACCOUNT_ACCESS_TOKEN_SECONDS: u64 = 600;
/// Default lifetime of access tokens for other APIs. [doc]
pub const DEFAULT_ACCESS_TOKEN_SECONDS: u64 = 86_400;
/// ID token lifetime (Auth0 default, 10 h). [doc]
pub const ID_TOKEN_SECONDS: u64 = 36_000;
/// Authorization codes are short-lived. [inferred: 60 s]
pub const AUTHORIZATION_CODE_SECONDS: u64 = 60;
/// SMS/voice/email codes and push requests are valid 5 min. [doc]
pub const OOB_CODE_SECONDS: u64 = 300;
/// Unconfirmed enrollments are removed after 24 h. [doc]
pub const PENDING_AUTHENTICATOR_SECONDS: u64 = 86_400;
/// At most 50 pending enrollments per user. [doc]
pub const MAX_PENDING_AUTHENTICATORS: usize = 50;
/// A login transaction at `/authorize` lives 10 min. [inferred]
pub const LOGIN_TRANSACTION_SECONDS: u64 = 600;
/// Push polls closer together than this (whole seconds) get `slow_down`: a 5 s interval with
/// one second of slack for the whole-second clock. [inferred]
pub const PUSH_POLL_MIN_SECONDS: u64 = 4;
/// TOTP step length. [doc]
pub const TOTP_PERIOD_SECONDS: u64 = 30;
/// TOTP digits. [doc]
pub const TOTP_DIGITS: u32 = 6;
/// TOTP secret length in bytes (32 base32 characters). [inferred]
pub const TOTP_SECRET_BYTES: usize = 20;
/// Length of a recovery code. [doc]
pub const RECOVERY_CODE_LENGTH: usize = 24;
/// Length of the random part of an authenticator id after `dev_`. [doc]
pub const AUTHENTICATOR_ID_LENGTH: usize = 16;

/// Failed OTP/binding codes: 10 per user, one back every 6 min. [doc]
pub const FAILED_CODES: BucketSpec = BucketSpec {
    capacity: 10,
    refill_amount: 1,
    refill_seconds: 360,
};
/// Failed recovery codes: 10 per hour per user. [doc]
pub const FAILED_RECOVERY_CODES: BucketSpec = BucketSpec {
    capacity: 10,
    refill_amount: 1,
    refill_seconds: 360,
};
/// SMS and voice sends: burst 10, then 1 per hour per user. [doc]
pub const PHONE_SENDS: BucketSpec = BucketSpec {
    capacity: 10,
    refill_amount: 1,
    refill_seconds: 3_600,
};
/// Email sends: burst 20, then 1 per minute per user. [doc]
pub const EMAIL_SENDS: BucketSpec = BucketSpec {
    capacity: 20,
    refill_amount: 1,
    refill_seconds: 60,
};
/// Push sends: burst 5, +5 per minute per user. [doc]
pub const PUSH_SENDS: BucketSpec = BucketSpec {
    capacity: 5,
    refill_amount: 5,
    refill_seconds: 60,
};
/// An `auth_session` of the My Account API stays valid 5 min between start and verify.
/// [inferred]
pub const AUTH_SESSION_SECONDS: u64 = 300;
/// Length of an `auth_session`. [inferred]
pub const AUTH_SESSION_LENGTH: usize = 40;
/// Longest method name the My Account API accepts, in characters. [inferred]
pub const METHOD_NAME_MAX_CHARS: usize = 100;
/// At most this many methods in one list answer. [doc]
pub const METHODS_PER_LIST: usize = 20;
