//! How the My Account API shows a user's authentication methods, from the store the MFA API
//! shares: SMS and voice twins are one `phone` method (`phone|dev_…`), a push enrollment hides
//! its Guardian TOTP twin, the recovery code and the password are methods too.

use serde_json::{json, Map, Value};

use crate::model::authenticator::{Authenticator, AuthenticatorKind};
use crate::model::iso_time::iso_8601;
use crate::model::passkey::Passkey;
use crate::model::recovery::RecoveryCode;
use crate::model::user::User;

/// A method's `type` and the user's methods in list order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MethodType {
    /// `password` (the database connection's credential).
    Password,
    /// `passkey`.
    Passkey,
    /// `totp`.
    Totp,
    /// `phone` (SMS and voice twins).
    Phone,
    /// `email`.
    Email,
    /// `push-notification`.
    Push,
    /// `recovery-code`.
    RecoveryCode,
}

impl MethodType {
    /// Every type, in the order `GET /factors` lists them.
    pub const ALL: [MethodType; 7] = [
        MethodType::Passkey,
        MethodType::Password,
        MethodType::Totp,
        MethodType::Phone,
        MethodType::Email,
        MethodType::Push,
        MethodType::RecoveryCode,
    ];

    /// The wire name.
    pub fn name(self) -> &'static str {
        match self {
            MethodType::Password => "password",
            MethodType::Passkey => "passkey",
            MethodType::Totp => "totp",
            MethodType::Phone => "phone",
            MethodType::Email => "email",
            MethodType::Push => "push-notification",
            MethodType::RecoveryCode => "recovery-code",
        }
    }

    /// The type with wire name `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.name() == name)
    }

    /// `usage`: passkeys and passwords sign in on their own, the rest are second factors.
    pub fn usage(self) -> &'static str {
        match self {
            MethodType::Password | MethodType::Passkey => "primary",
            _ => "secondary",
        }
    }

    /// The type of a stored authenticator; `None` for twins the My Account API does not show
    /// apart (a phone's second channel, a push enrollment's TOTP).
    pub fn of(authenticator: &Authenticator) -> Option<Self> {
        match &authenticator.kind {
            AuthenticatorKind::Otp { guardian: true, .. } => None,
            AuthenticatorKind::Otp { .. } => Some(MethodType::Totp),
            AuthenticatorKind::Sms { .. } | AuthenticatorKind::Voice { .. } => {
                authenticator.preferred.then_some(MethodType::Phone)
            }
            AuthenticatorKind::Email { .. } => Some(MethodType::Email),
            AuthenticatorKind::Push { .. } => Some(MethodType::Push),
            AuthenticatorKind::Passkey(_) => Some(MethodType::Passkey),
        }
    }
}

/// The My Account id of a stored authenticator: `phone|dev_…` for phone twins, else its id.
pub fn method_id(authenticator: &Authenticator) -> String {
    match &authenticator.kind {
        AuthenticatorKind::Sms { .. } | AuthenticatorKind::Voice { .. } => {
            let suffix = authenticator
                .id
                .split_once('|')
                .map_or("", |(_, suffix)| suffix);
            format!("phone|{suffix}")
        }
        _ => authenticator.id.clone(),
    }
}

/// The id of the user's password method. [inferred]
pub fn password_id(user: &User) -> String {
    format!("password|{}", identity_user_id(user))
}

/// The user id without its connection prefix (`auth0|`), as `identity_user_id` shows it.
pub fn identity_user_id(user: &User) -> &str {
    user.user_id
        .split_once('|')
        .map_or(user.user_id.as_str(), |(_, id)| id)
}

fn base(id: &str, kind: MethodType, created_at: u64) -> Map<String, Value> {
    let mut record = Map::new();
    record.insert("id".into(), json!(id));
    record.insert("type".into(), json!(kind.name()));
    record.insert("created_at".into(), json!(iso_8601(created_at)));
    record.insert("usage".into(), json!([kind.usage()]));
    record
}

fn put_time(record: &mut Map<String, Value>, key: &str, at: Option<u64>) {
    if let Some(at) = at {
        record.insert(key.into(), json!(iso_8601(at)));
    }
}

/// The record of a stored authenticator, or `None` for a hidden twin.
pub fn authenticator_record(user: &User, authenticator: &Authenticator) -> Option<Value> {
    let kind = MethodType::of(authenticator)?;
    let mut record = base(&method_id(authenticator), kind, authenticator.created_at);
    if let AuthenticatorKind::Passkey(passkey) = &authenticator.kind {
        passkey_fields(&mut record, user, passkey);
    } else {
        record.insert("confirmed".into(), json!(authenticator.active));
    }
    let name = match &authenticator.kind {
        AuthenticatorKind::Push { device_name } => {
            Some(authenticator.name.clone().unwrap_or(device_name.clone()))
        }
        _ => authenticator.name.clone(),
    };
    if let Some(name) = name {
        record.insert("name".into(), json!(name));
    }
    put_time(&mut record, "last_auth_at", authenticator.last_auth_at);
    match &authenticator.kind {
        AuthenticatorKind::Sms { phone } | AuthenticatorKind::Voice { phone } => {
            let channel = if matches!(authenticator.kind, AuthenticatorKind::Sms { .. }) {
                "sms"
            } else {
                "voice"
            };
            record.insert("phone_number".into(), json!(phone));
            record.insert("preferred_authentication_method".into(), json!(channel));
        }
        AuthenticatorKind::Email { address } => {
            record.insert("email".into(), json!(address));
        }
        _ => {}
    }
    Some(Value::Object(record))
}

fn passkey_fields(record: &mut Map<String, Value>, user: &User, passkey: &Passkey) {
    use data_encoding::BASE64URL_NOPAD;
    let fields = [
        (
            "key_id",
            json!(BASE64URL_NOPAD.encode(&passkey.credential_id)),
        ),
        (
            "public_key",
            json!(BASE64URL_NOPAD.encode(&passkey.public_key)),
        ),
        ("credential_device_type", json!(passkey.device_type())),
        ("credential_backed_up", json!(passkey.backed_up)),
        ("identity_user_id", json!(identity_user_id(user))),
        (
            "user_handle",
            json!(BASE64URL_NOPAD.encode(&passkey.user_handle)),
        ),
        ("transports", json!(passkey.transports)),
        ("aaguid", json!(passkey.aaguid_text())),
        ("relying_party_id", json!(passkey.relying_party_id)),
    ];
    for (key, value) in fields {
        record.insert(key.into(), value);
    }
    if let Some(agent) = &passkey.user_agent {
        record.insert("user_agent".into(), json!(agent));
    }
}

/// The record of the user's recovery code.
pub fn recovery_record(recovery: &RecoveryCode) -> Value {
    let mut record = base(&recovery.id, MethodType::RecoveryCode, recovery.created_at);
    record.insert("confirmed".into(), json!(true));
    put_time(&mut record, "last_auth_at", recovery.last_auth_at);
    Value::Object(record)
}

/// The record of the user's password.
pub fn password_record(user: &User) -> Value {
    let mut record = base(&password_id(user), MethodType::Password, user.created_at);
    record.insert("identity_user_id".into(), json!(identity_user_id(user)));
    Value::Object(record)
}

/// Every method of `user`: password, then passkeys and factors in creation order, then the
/// recovery code.
pub fn records(user: &User) -> Vec<(MethodType, Value)> {
    let mut out = vec![(MethodType::Password, password_record(user))];
    for authenticator in &user.authenticators {
        if let (Some(kind), Some(record)) = (
            MethodType::of(authenticator),
            authenticator_record(user, authenticator),
        ) {
            out.push((kind, record));
        }
    }
    if let Some(recovery) = &user.recovery {
        out.push((MethodType::RecoveryCode, recovery_record(recovery)));
    }
    out
}
