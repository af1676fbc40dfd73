//! Tenant descriptions: the built-in development tenant, the JSON format of `--seed FILE`, and
//! building a [`Tenant`] from one ([`Tenant::from_seed`]).

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::api::Api;
use crate::model::authenticator::{is_valid_id, Authenticator, AuthenticatorKind};
use crate::model::client::{Client, GrantType};
use data_encoding::BASE64URL_NOPAD;

use crate::model::mfa_settings::{FactorSwitches, MfaPolicy};
use crate::model::my_account::passkey_enroll::user_handle;
use crate::model::my_account::plan::Plan;
use crate::model::my_account::state::MyAccountState;
use crate::model::passkey::Passkey;
use crate::model::phone_number::is_e164;
use crate::model::recovery::{is_well_formed, RecoveryCode};
use crate::model::rng::TenantRng;
use crate::model::tenant::{Domains, Tenant};
use crate::model::totp::decode_secret;
use crate::model::user::{User, UserLimits};
use crate::model::webauthn::test_passkey;

/// Client id of the seeded SPA.
pub const CLIENT_ID: &str = "mfa-manager-dev";
/// Identifier of the seeded custom API.
pub const APP_AUDIENCE: &str = "https://api.example.com/";
/// Password of every seeded user.
pub const PASSWORD: &str = "correct horse";
/// A user with no factors: the first enrollment yields a recovery code.
pub const NEW_USER: &str = "new@example.com";
/// A user with an active TOTP, SMS+voice twins, a verified email, a pending OTP and a recovery code.
pub const ENROLLED_USER: &str = "enrolled@example.com";
/// Base32 secret of the enrolled user's active TOTP (published test value).
pub const ENROLLED_TOTP_SECRET: &str = "MFAMANAGERDEVTOTPSECRETSEEDED234";
/// Base32 secret of the enrolled user's abandoned (`active:false`) TOTP enrollment.
pub const ENROLLED_PENDING_TOTP_SECRET: &str = "PENDINGTOTPENROLLMENTNEVERUSED23";
/// The enrolled user's recovery code (rotated when used; restored by a reset).
pub const ENROLLED_RECOVERY_CODE: &str = "ENROLLEDRECOVERYCODE0001";
/// The enrolled user's phone number (SMS and voice twins).
pub const ENROLLED_PHONE: &str = "+14155552046";
/// User id of [`NEW_USER`].
pub const NEW_USER_ID: &str = "auth0|65a000000000000000000001";
/// User id of [`ENROLLED_USER`].
pub const ENROLLED_USER_ID: &str = "auth0|65a000000000000000000002";
/// Id of the enrolled user's active TOTP.
pub const ENROLLED_TOTP_ID: &str = "totp|dev_SeededTotpActive";
/// Id of the enrolled user's pending TOTP.
pub const ENROLLED_PENDING_TOTP_ID: &str = "totp|dev_SeededOtpPending";
/// Id of the enrolled user's SMS authenticator (its voice twin shares the suffix).
pub const ENROLLED_SMS_ID: &str = "sms|dev_SeededPhoneTwins";
/// Id of the enrolled user's voice authenticator.
pub const ENROLLED_VOICE_ID: &str = "voice|dev_SeededPhoneTwins";
/// Id of the enrolled user's recovery-code entry.
pub const ENROLLED_RECOVERY_ID: &str = "recovery-code|dev_SeededRecoveryId";
/// Id of the enrolled user's passkey: the published test passkey, synced, for `localhost`.
pub const ENROLLED_PASSKEY_ID: &str = "passkey|dev_SeededPasskeyKey";
/// The enrolled user's passkey's AAGUID (Google Password Manager's).
pub const ENROLLED_PASSKEY_AAGUID: &str = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";
/// The browser the enrolled user's passkey was created in.
pub const ENROLLED_PASSKEY_USER_AGENT: &str =
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) \
     Chrome/156.0.0.0 Safari/537.36";
/// Tenant name used in `otpauth://` labels.
pub const TENANT_NAME: &str = "mfa-emulator";

/// Which phone channels a seeded phone enrollment has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhoneChannel {
    /// `sms|dev_…`.
    Sms,
    /// `voice|dev_…`.
    Voice,
}

/// A seeded authenticator. `dev_id` is the 16-character part after `dev_`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum SeedAuthenticator {
    /// An authenticator app with a base32 secret.
    Otp {
        /// Id suffix.
        dev_id: String,
        /// Base32 secret.
        secret: String,
        /// Confirmed or pending.
        #[serde(default = "yes")]
        active: bool,
    },
    /// A phone number with one or both channels (twins share the id suffix).
    Phone {
        /// Id suffix.
        dev_id: String,
        /// E.164 number.
        phone_number: String,
        /// `sms`, `voice` or both.
        channels: Vec<PhoneChannel>,
        /// Confirmed or pending.
        #[serde(default = "yes")]
        active: bool,
    },
    /// An explicitly enrolled email address.
    Email {
        /// Id suffix.
        dev_id: String,
        /// The address.
        email: String,
        /// Confirmed or pending.
        #[serde(default = "yes")]
        active: bool,
    },
    /// A Guardian push enrollment and its TOTP twin.
    Push {
        /// Id suffix of the push entry.
        dev_id: String,
        /// Id suffix of the TOTP twin.
        otp_dev_id: String,
        /// Device name.
        device_name: String,
        /// Confirmed or pending.
        #[serde(default = "yes")]
        active: bool,
    },
    /// A passkey. Without `credential_id` and `public_key` it is the published test passkey
    /// (`webauthn::test_passkey`), which tests can sign in with.
    Passkey {
        /// Id suffix.
        dev_id: String,
        /// The relying-party id it is bound to (default `localhost`).
        #[serde(default = "localhost")]
        relying_party_id: String,
        /// Credential id, base64url (default: the test passkey's).
        #[serde(default)]
        credential_id: Option<String>,
        /// COSE public key, base64url (default: the test passkey's).
        #[serde(default)]
        public_key: Option<String>,
        /// The authenticator model, `8-4-4-4-12` hexadecimal (default all zeros).
        #[serde(default)]
        aaguid: Option<String>,
        /// Synced (backup eligible and backed up) or bound to one device (default synced).
        #[serde(default = "yes")]
        synced: bool,
        /// The browser that created it.
        #[serde(default)]
        user_agent: Option<String>,
    },
}

fn localhost() -> String {
    "localhost".to_owned()
}

fn yes() -> bool {
    true
}

/// A seeded user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedUser {
    /// `auth0|…`.
    pub user_id: String,
    /// Login email.
    pub email: String,
    /// Password.
    pub password: String,
    /// Whether the email is verified (listed as an email authenticator when the factor is on).
    #[serde(default)]
    pub email_verified: bool,
    /// Display name (defaults to the email).
    #[serde(default)]
    pub name: Option<String>,
    /// Authenticators in creation order.
    #[serde(default)]
    pub authenticators: Vec<SeedAuthenticator>,
    /// A recovery code (24 `[A-Z0-9]`), with its id suffix.
    #[serde(default)]
    pub recovery_code: Option<SeedRecoveryCode>,
}

/// A seeded recovery code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRecoveryCode {
    /// Id suffix.
    pub dev_id: String,
    /// The code.
    pub code: String,
}

/// A whole tenant description (the JSON of `--seed FILE`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenantSeed {
    /// Tenant name used in `otpauth://` labels.
    #[serde(default = "default_name")]
    pub name: String,
    /// Factor switches (all on by default).
    #[serde(default)]
    pub factors: FactorSwitches,
    /// When the login asks for a second factor (default `always`).
    #[serde(default)]
    pub mfa_policy: MfaPolicy,
    /// Applications.
    pub clients: Vec<Client>,
    /// Custom APIs.
    #[serde(default)]
    pub apis: Vec<Api>,
    /// Users.
    #[serde(default)]
    pub users: Vec<SeedUser>,
    /// Whether the My Account API is activated (default on).
    #[serde(default = "yes")]
    pub my_account_api: bool,
    /// The plan whose My Account API rate limits apply (`free`, `essentials`, `enterprise`;
    /// default `unmetered`).
    #[serde(default)]
    pub plan: Plan,
    /// The passkeys' relying-party id; by default the host of the page that asks.
    #[serde(default)]
    pub passkey_relying_party_id: Option<String>,
}

fn default_name() -> String {
    TENANT_NAME.to_owned()
}

impl TenantSeed {
    /// Parses a JSON description.
    pub fn from_json(json: &str) -> Result<Self, SeedError> {
        serde_json::from_str(json).map_err(|e| SeedError::Json(e.to_string()))
    }

    /// Adds `origins` to every client's Allowed Web Origins (skipping duplicates).
    pub fn with_extra_origins(mut self, origins: &[String]) -> Self {
        for client in &mut self.clients {
            for origin in origins {
                if !client.web_origins.contains(origin) {
                    client.web_origins.push(origin.clone());
                }
            }
        }
        self
    }
}

/// Why a tenant description was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SeedError {
    /// Not valid JSON for the format (serde's message).
    Json(String),
    /// Two users share an email or id.
    DuplicateUser(String),
    /// Two authenticators share an id.
    DuplicateAuthenticator(String),
    /// An id suffix is not 16 alphanumerics.
    InvalidDevId(String),
    /// A TOTP secret is not base32.
    InvalidSecret(String),
    /// A phone number is not E.164 or has no channel.
    InvalidPhone(String),
    /// A recovery code is not 24 `[A-Z0-9]`.
    InvalidRecoveryCode(String),
    /// A passkey's key, credential id or AAGUID cannot be read.
    InvalidPasskey(String),
}

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeedError::Json(e) => write!(f, "invalid tenant description: {e}"),
            SeedError::DuplicateUser(u) => write!(f, "duplicate user: {u}"),
            SeedError::DuplicateAuthenticator(id) => write!(f, "duplicate authenticator id: {id}"),
            SeedError::InvalidDevId(id) => {
                write!(
                    f,
                    "authenticator id suffix must be 16 letters or digits: {id}"
                )
            }
            SeedError::InvalidSecret(id) => write!(f, "TOTP secret is not base32: {id}"),
            SeedError::InvalidPhone(n) => {
                write!(
                    f,
                    "phone number must be E.164 with at least one channel: {n}"
                )
            }
            SeedError::InvalidPasskey(id) => {
                write!(
                    f,
                    "passkey {id}: credential_id and public_key must be base64url, aaguid a UUID"
                )
            }
            SeedError::InvalidRecoveryCode(u) => {
                write!(f, "recovery code must be 24 characters A-Z 0-9 (user {u})")
            }
        }
    }
}

impl std::error::Error for SeedError {}

impl Tenant {
    /// Builds a tenant from a description. `now` dates the seeded authenticators.
    pub fn from_seed(
        seed: &TenantSeed,
        domains: Domains,
        rng_seed: u64,
        now: u64,
    ) -> Result<Self, SeedError> {
        let mut tenant = Tenant {
            name: seed.name.clone(),
            domains,
            factors: seed.factors,
            mfa_policy: seed.mfa_policy,
            clients: seed.clients.clone(),
            apis: seed.apis.clone(),
            users: Vec::new(),
            codes: BTreeMap::new(),
            oob: Vec::new(),
            outbox: Vec::new(),
            sessions: BTreeMap::new(),
            transactions: BTreeMap::new(),
            rng: TenantRng::new(rng_seed),
            next_group: 1,
            my_account: MyAccountState::new(
                seed.my_account_api,
                seed.plan,
                seed.passkey_relying_party_id.clone(),
            ),
        };
        let mut ids: Vec<String> = Vec::new();
        for seed_user in &seed.users {
            if tenant.users.iter().any(|u| {
                u.user_id == seed_user.user_id || u.email.eq_ignore_ascii_case(&seed_user.email)
            }) {
                return Err(SeedError::DuplicateUser(seed_user.email.clone()));
            }
            let mut user = User {
                user_id: seed_user.user_id.clone(),
                email: seed_user.email.clone(),
                password: seed_user.password.clone(),
                email_verified: seed_user.email_verified,
                name: seed_user
                    .name
                    .clone()
                    .unwrap_or_else(|| seed_user.email.clone()),
                created_at: now,
                authenticators: Vec::new(),
                recovery: None,
                pending_recovery: None,
                limits: UserLimits::default(),
            };
            for seeded in &seed_user.authenticators {
                let group = tenant.new_group();
                for (index, (id, kind, active)) in
                    seeded_authenticators(seeded, &seed_user.user_id)?
                        .into_iter()
                        .enumerate()
                {
                    if ids.contains(&id) {
                        return Err(SeedError::DuplicateAuthenticator(id));
                    }
                    ids.push(id.clone());
                    user.authenticators
                        .push(Authenticator::new(id, kind, active, now, group));
                    // A phone's first channel is its preferred one.
                    user.prefer_last(index == 0);
                }
            }
            if let Some(recovery) = &seed_user.recovery_code {
                let id = format!("recovery-code|dev_{}", recovery.dev_id);
                if !is_valid_id(&id) {
                    return Err(SeedError::InvalidDevId(recovery.dev_id.clone()));
                }
                if !is_well_formed(&recovery.code) {
                    return Err(SeedError::InvalidRecoveryCode(seed_user.email.clone()));
                }
                user.recovery = Some(RecoveryCode {
                    id,
                    code: recovery.code.clone(),
                    created_at: now,
                    last_auth_at: None,
                });
            }
            tenant.users.push(user);
        }
        Ok(tenant)
    }
}

/// Expands a seeded authenticator into `(id, kind, active)` entries (twins share a group).
fn seeded_authenticators(
    seeded: &SeedAuthenticator,
    user_id: &str,
) -> Result<Vec<(String, AuthenticatorKind, bool)>, SeedError> {
    let checked = |prefix: &str, dev_id: &str| {
        let id = format!("{prefix}|dev_{dev_id}");
        if is_valid_id(&id) {
            Ok(id)
        } else {
            Err(SeedError::InvalidDevId(dev_id.to_owned()))
        }
    };
    let otp_secret = |secret: &str, id: &str| {
        decode_secret(secret).ok_or_else(|| SeedError::InvalidSecret(id.to_owned()))
    };
    Ok(match seeded {
        SeedAuthenticator::Otp {
            dev_id,
            secret,
            active,
        } => {
            let id = checked("totp", dev_id)?;
            let secret = otp_secret(secret, &id)?;
            vec![(
                id,
                AuthenticatorKind::Otp {
                    secret,
                    guardian: false,
                },
                *active,
            )]
        }
        SeedAuthenticator::Phone {
            dev_id,
            phone_number,
            channels,
            active,
        } => {
            if channels.is_empty() || !is_e164(phone_number) {
                return Err(SeedError::InvalidPhone(phone_number.clone()));
            }
            let mut out = Vec::new();
            for channel in [PhoneChannel::Sms, PhoneChannel::Voice] {
                if !channels.contains(&channel) {
                    continue;
                }
                let phone = phone_number.clone();
                let (prefix, kind) = match channel {
                    PhoneChannel::Sms => ("sms", AuthenticatorKind::Sms { phone }),
                    PhoneChannel::Voice => ("voice", AuthenticatorKind::Voice { phone }),
                };
                out.push((checked(prefix, dev_id)?, kind, *active));
            }
            out
        }
        SeedAuthenticator::Email {
            dev_id,
            email,
            active,
        } => vec![(
            checked("email", dev_id)?,
            AuthenticatorKind::Email {
                address: email.clone(),
            },
            *active,
        )],
        SeedAuthenticator::Push {
            dev_id,
            otp_dev_id,
            device_name,
            active,
        } => {
            let otp_id = checked("totp", otp_dev_id)?;
            // The Guardian TOTP secret of a seeded push enrollment is derived from its id.
            let secret = sha1_of(otp_id.as_bytes());
            vec![
                (
                    checked("push", dev_id)?,
                    AuthenticatorKind::Push {
                        device_name: device_name.clone(),
                    },
                    *active,
                ),
                (
                    otp_id,
                    AuthenticatorKind::Otp {
                        secret,
                        guardian: true,
                    },
                    *active,
                ),
            ]
        }
        SeedAuthenticator::Passkey {
            dev_id,
            relying_party_id,
            credential_id,
            public_key,
            aaguid,
            synced,
            user_agent,
        } => {
            let id = checked("passkey", dev_id)?;
            let invalid = || SeedError::InvalidPasskey(id.clone());
            let bytes = |text: &Option<String>, fallback: fn() -> Vec<u8>| match text {
                None => Ok(fallback()),
                Some(text) => BASE64URL_NOPAD
                    .decode(text.trim_end_matches('=').as_bytes())
                    .map_err(|_| invalid()),
            };
            let aaguid = match aaguid {
                None => [0; 16],
                Some(text) => parse_aaguid(text).ok_or_else(invalid)?,
            };
            let passkey = Passkey {
                credential_id: bytes(credential_id, test_passkey::credential_id)?,
                public_key: bytes(public_key, test_passkey::cose_public_key)?,
                algorithm: test_passkey::ALGORITHM,
                aaguid,
                sign_count: 0,
                backup_eligible: *synced,
                backed_up: *synced,
                transports: vec!["internal".to_owned(), "hybrid".to_owned()],
                user_agent: user_agent.clone(),
                relying_party_id: relying_party_id.clone(),
                user_handle: user_handle(user_id),
            };
            vec![(id, AuthenticatorKind::Passkey(Box::new(passkey)), true)]
        }
    })
}

/// A UUID in its `8-4-4-4-12` hexadecimal form as 16 bytes.
fn parse_aaguid(text: &str) -> Option<[u8; 16]> {
    let hex: String = text.chars().filter(|c| *c != '-').collect();
    let bytes = data_encoding::HEXLOWER_PERMISSIVE
        .decode(hex.as_bytes())
        .ok()?;
    bytes.try_into().ok()
}

fn sha1_of(bytes: &[u8]) -> Vec<u8> {
    use sha1::{Digest, Sha1};
    Sha1::digest(bytes).to_vec()
}

/// The built-in development tenant, with `allowed_origins` as the SPA's web origins.
pub fn default_seed(allowed_origins: &[String]) -> TenantSeed {
    let dev_id = |id: &str| id.split_once("|dev_").map_or(id, |(_, s)| s).to_owned();
    TenantSeed {
        name: TENANT_NAME.to_owned(),
        factors: FactorSwitches::default(),
        mfa_policy: MfaPolicy::Always,
        clients: vec![Client {
            client_id: CLIENT_ID.to_owned(),
            name: "MFA Manager (dev)".to_owned(),
            grant_types: vec![
                GrantType::AuthorizationCode,
                GrantType::MfaOtp,
                GrantType::MfaOob,
                GrantType::MfaRecoveryCode,
            ],
            callbacks: None,
            web_origins: allowed_origins.to_vec(),
        }],
        apis: vec![Api {
            identifier: APP_AUDIENCE.to_owned(),
            name: "Example API".to_owned(),
            scopes: vec!["read:messages".to_owned(), "write:messages".to_owned()],
            token_lifetime: crate::model::limits::DEFAULT_ACCESS_TOKEN_SECONDS,
        }],
        users: vec![
            SeedUser {
                user_id: NEW_USER_ID.to_owned(),
                email: NEW_USER.to_owned(),
                password: PASSWORD.to_owned(),
                email_verified: false,
                name: Some("New User".to_owned()),
                authenticators: Vec::new(),
                recovery_code: None,
            },
            SeedUser {
                user_id: ENROLLED_USER_ID.to_owned(),
                email: ENROLLED_USER.to_owned(),
                password: PASSWORD.to_owned(),
                email_verified: true,
                name: Some("Enrolled User".to_owned()),
                authenticators: vec![
                    SeedAuthenticator::Otp {
                        dev_id: dev_id(ENROLLED_TOTP_ID),
                        secret: ENROLLED_TOTP_SECRET.to_owned(),
                        active: true,
                    },
                    SeedAuthenticator::Phone {
                        dev_id: dev_id(ENROLLED_SMS_ID),
                        phone_number: ENROLLED_PHONE.to_owned(),
                        channels: vec![PhoneChannel::Sms, PhoneChannel::Voice],
                        active: true,
                    },
                    SeedAuthenticator::Otp {
                        dev_id: dev_id(ENROLLED_PENDING_TOTP_ID),
                        secret: ENROLLED_PENDING_TOTP_SECRET.to_owned(),
                        active: false,
                    },
                    SeedAuthenticator::Passkey {
                        dev_id: dev_id(ENROLLED_PASSKEY_ID),
                        relying_party_id: localhost(),
                        credential_id: None,
                        public_key: None,
                        aaguid: Some(ENROLLED_PASSKEY_AAGUID.to_owned()),
                        synced: true,
                        user_agent: Some(ENROLLED_PASSKEY_USER_AGENT.to_owned()),
                    },
                ],
                recovery_code: Some(SeedRecoveryCode {
                    dev_id: dev_id(ENROLLED_RECOVERY_ID),
                    code: ENROLLED_RECOVERY_CODE.to_owned(),
                }),
            },
        ],
        my_account_api: true,
        plan: Plan::default(),
        passkey_relying_party_id: None,
    }
}

/// The built-in development tenant, built.
pub fn default_tenant(
    allowed_origins: &[String],
    domains: Domains,
    rng_seed: u64,
    now: u64,
) -> Tenant {
    match Tenant::from_seed(&default_seed(allowed_origins), domains, rng_seed, now) {
        Ok(tenant) => tenant,
        // The built-in description is valid (a unit test builds it); this arm is unreachable.
        Err(error) => unreachable!("built-in tenant description is invalid: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::totp::decode_secret;

    #[test]
    fn default_seed_builds_and_round_trips_as_json() {
        let seed = default_seed(&["http://127.0.0.1:8080".to_owned()]);
        let json = serde_json::to_string_pretty(&seed).unwrap();
        assert_eq!(TenantSeed::from_json(&json).unwrap(), seed);
        Tenant::from_seed(&seed, Domains::local("127.0.0.1:4000"), 1, 0).unwrap();
        assert_eq!(ENROLLED_TOTP_SECRET.len(), 32);
        assert_eq!(decode_secret(ENROLLED_TOTP_SECRET).unwrap().len(), 20);
        assert_eq!(
            decode_secret(ENROLLED_PENDING_TOTP_SECRET).unwrap().len(),
            20
        );
        assert_eq!(NEW_USER_ID.len(), "auth0|".len() + 24);
        assert!(crate::model::recovery::is_well_formed(
            ENROLLED_RECOVERY_CODE
        ));
    }

    #[test]
    fn invalid_descriptions_are_refused() {
        assert!(matches!(
            TenantSeed::from_json("{"),
            Err(SeedError::Json(_))
        ));
        let mut seed = default_seed(&[]);
        seed.users[1].authenticators.push(SeedAuthenticator::Otp {
            dev_id: "short".into(),
            secret: ENROLLED_TOTP_SECRET.into(),
            active: true,
        });
        assert_eq!(
            Tenant::from_seed(&seed, Domains::local("127.0.0.1:4000"), 1, 0).unwrap_err(),
            SeedError::InvalidDevId("short".into())
        );
    }

    #[test]
    fn the_readme_seed_example_is_valid() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```json\n").unwrap() + "```json\n".len();
        let end = start + readme[start..].find("```").unwrap();
        let seed = TenantSeed::from_json(&readme[start..end]).unwrap();
        Tenant::from_seed(&seed, Domains::local("127.0.0.1:4000"), 1, 0).unwrap();
        assert_eq!(seed.users[0].authenticators.len(), 5);
    }

    #[test]
    fn extra_origins_are_added_once() {
        let seed = default_seed(&["http://a".to_owned()])
            .with_extra_origins(&["http://a".to_owned(), "http://b".to_owned()]);
        assert_eq!(seed.clients[0].web_origins, ["http://a", "http://b"]);
    }
}
