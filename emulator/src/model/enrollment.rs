//! `POST /mfa/associate`: enrolling a new authenticator (§6).

use serde::Serialize;

use crate::model::authenticator::{Authenticator, AuthenticatorKind};
use crate::model::error::Error;
use crate::model::limits::{MAX_PENDING_AUTHENTICATORS, TOTP_SECRET_BYTES};
use crate::model::phone_number::is_e164;
use crate::model::recovery;
use crate::model::tenant::Tenant;
use crate::model::tokens::AccessClaims;
use crate::model::totp::encode_secret;
use crate::model::url::encode_component;
use crate::model::user::PendingRecovery;

/// The body of `POST /mfa/associate`, already split into its members.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssociateRequest {
    /// `authenticator_types`: `["otp"]` or `["oob"]`.
    pub authenticator_types: Vec<String>,
    /// `oob_channels`: `sms`, `voice`, `email` or `auth0` (push).
    pub oob_channels: Vec<String>,
    /// `phone_number` for sms/voice.
    pub phone_number: Option<String>,
    /// `email` for the email channel.
    pub email: Option<String>,
}

impl AssociateRequest {
    /// Reads an associate body's members as the endpoint does: a single string is accepted
    /// where an array is expected; members of the wrong type are refused.
    pub fn from_json(object: &serde_json::Map<String, serde_json::Value>) -> Result<Self, Error> {
        use serde_json::Value;
        let list = |name: &str| -> Result<Vec<String>, Error> {
            match object.get(name) {
                None | Some(Value::Null) => Ok(Vec::new()),
                Some(Value::String(one)) => Ok(vec![one.clone()]),
                Some(Value::Array(items)) => items
                    .iter()
                    .map(|item| item.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| Error::InvalidParameter(name.to_owned())),
                Some(_) => Err(Error::InvalidParameter(name.to_owned())),
            }
        };
        let text = |name: &str| -> Result<Option<String>, Error> {
            match object.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(Error::InvalidParameter(name.to_owned())),
            }
        };
        Ok(AssociateRequest {
            authenticator_types: list("authenticator_types")?,
            oob_channels: list("oob_channels")?,
            phone_number: text("phone_number")?,
            email: text("email")?,
        })
    }
}

/// A successful associate response (§6.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Enrollment {
    /// `otp` or `oob`.
    pub authenticator_type: &'static str,
    /// TOTP secret (otp only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secret: Option<String>,
    /// `otpauth://` URI (otp and push).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub barcode_uri: Option<String>,
    /// `prompt` for sms/voice/email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<&'static str>,
    /// The channel for oob.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oob_channel: Option<&'static str>,
    /// The `oob_code` to confirm with (oob only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oob_code: Option<String>,
    /// One recovery code, on the user's first enrollment only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_codes: Option<Vec<String>>,
}

/// What the request asks to enroll.
enum Wanted {
    Otp,
    Phone { sms: bool, phone: String },
    Email { address: String },
    Push,
}

fn is_plausible_email(address: &str) -> bool {
    address.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !address.contains(char::is_whitespace)
    })
}

impl Tenant {
    /// Enrolls a new authenticator for the bearer's user. It stays `active:false` until confirmed
    /// at `/oauth/token`; twins are created together.
    pub fn associate(
        &mut self,
        claims: &AccessClaims,
        request: &AssociateRequest,
        now: u64,
    ) -> Result<Enrollment, Error> {
        let user = self.bearer_user(claims, "enroll", now)?;
        let (mut enrollment, group) = self.enroll_pending(user, request, &claims.azp, now)?;
        enrollment.recovery_codes = self.first_recovery_code(user, group);
        Ok(enrollment)
    }

    /// Starts an enrollment for `user` on behalf of `client_id` (both APIs): pending
    /// authenticators of a new group, and the code or push request sent. Returns the answer
    /// (without a recovery code) and the group.
    pub(crate) fn enroll_pending(
        &mut self,
        user: usize,
        request: &AssociateRequest,
        client_id: &str,
        now: u64,
    ) -> Result<(Enrollment, u64), Error> {
        let wanted = self.wanted(request)?;
        self.users[user].sweep_pending(now);
        if self.users[user].pending_enrollments() >= MAX_PENDING_AUTHENTICATORS {
            return Err(Error::TooManyAuthenticators);
        }
        let group = self.new_group();
        let enrollment = match wanted {
            Wanted::Otp => {
                let secret = self.rng.bytes(TOTP_SECRET_BYTES);
                let encoded = encode_secret(&secret);
                let id = self.new_authenticator_id("totp");
                self.push_pending(
                    user,
                    id,
                    AuthenticatorKind::Otp {
                        secret,
                        guardian: false,
                    },
                    group,
                    now,
                );
                Enrollment {
                    authenticator_type: "otp",
                    barcode_uri: Some(self.barcode_uri(
                        user,
                        &format!(
                            "secret={encoded}&issuer={}&algorithm=SHA1&digits=6&period=30",
                            encode_component(&self.name)
                        ),
                    )),
                    secret: Some(encoded),
                    ..Enrollment::empty("otp", None)
                }
            }
            Wanted::Phone { sms, phone } => {
                let suffix = self.new_authenticator_id("sms");
                let suffix = suffix.trim_start_matches("sms|").to_owned();
                let mut sent_id = String::new();
                for (channel_is_sms, enabled) in
                    [(true, self.factors.sms), (false, self.factors.voice)]
                {
                    if !enabled {
                        continue;
                    }
                    let (prefix, kind) = if channel_is_sms {
                        (
                            "sms",
                            AuthenticatorKind::Sms {
                                phone: phone.clone(),
                            },
                        )
                    } else {
                        (
                            "voice",
                            AuthenticatorKind::Voice {
                                phone: phone.clone(),
                            },
                        )
                    };
                    let id = format!("{prefix}|{suffix}");
                    if channel_is_sms == sms {
                        sent_id.clone_from(&id);
                    }
                    self.push_pending(user, id, kind, group, now);
                    if channel_is_sms != sms {
                        self.users[user].prefer_last(false);
                    }
                }
                let oob_code = self.send_or_undo(user, group, &sent_id, client_id, now)?;
                Enrollment {
                    binding_method: Some("prompt"),
                    oob_code: Some(oob_code),
                    ..Enrollment::empty("oob", Some(if sms { "sms" } else { "voice" }))
                }
            }
            Wanted::Email { address } => {
                let id = self.new_authenticator_id("email");
                self.push_pending(
                    user,
                    id.clone(),
                    AuthenticatorKind::Email { address },
                    group,
                    now,
                );
                let oob_code = self.send_or_undo(user, group, &id, client_id, now)?;
                Enrollment {
                    binding_method: Some("prompt"),
                    oob_code: Some(oob_code),
                    ..Enrollment::empty("oob", Some("email"))
                }
            }
            Wanted::Push => {
                let push_id = self.new_authenticator_id("push");
                let otp_id = self.new_authenticator_id("totp");
                let secret = self.rng.bytes(TOTP_SECRET_BYTES);
                let device_name = "Emulated device".to_owned();
                self.push_pending(
                    user,
                    push_id.clone(),
                    AuthenticatorKind::Push { device_name },
                    group,
                    now,
                );
                self.push_pending(
                    user,
                    otp_id,
                    AuthenticatorKind::Otp {
                        secret,
                        guardian: true,
                    },
                    group,
                    now,
                );
                let oob_code = self.send_or_undo(user, group, &push_id, client_id, now)?;
                let tx = self.rng.alphanumeric(32);
                let base_url = format!("{}://{}", self.domains.scheme, self.domains.canonical);
                Enrollment {
                    barcode_uri: Some(self.barcode_uri(
                        user,
                        &format!(
                            "enrollment_tx_id={tx}&base_url={}",
                            encode_component(&base_url)
                        ),
                    )),
                    oob_code: Some(oob_code),
                    ..Enrollment::empty("oob", Some("auth0"))
                }
            }
        };
        Ok((enrollment, group))
    }

    /// Checks the request against the tenant's factor switches.
    fn wanted(&self, request: &AssociateRequest) -> Result<Wanted, Error> {
        let Some(kind) = request.authenticator_types.first() else {
            return Err(Error::MissingParameter("authenticator_types".to_owned()));
        };
        match kind.as_str() {
            "otp" => {
                if !self.factors.otp {
                    return Err(Error::FactorDisabled("otp"));
                }
                Ok(Wanted::Otp)
            }
            "oob" => {
                let Some(channel) = request.oob_channels.first() else {
                    return Err(Error::MissingParameter("oob_channels".to_owned()));
                };
                match channel.as_str() {
                    "sms" | "voice" => {
                        let sms = channel == "sms";
                        if (sms && !self.factors.sms) || (!sms && !self.factors.voice) {
                            return Err(Error::FactorDisabled(if sms { "sms" } else { "voice" }));
                        }
                        let phone = request
                            .phone_number
                            .as_deref()
                            .filter(|p| !p.is_empty())
                            .ok_or_else(|| Error::MissingParameter("phone_number".to_owned()))?;
                        if !is_e164(phone) {
                            return Err(Error::InvalidPhoneNumber);
                        }
                        Ok(Wanted::Phone {
                            sms,
                            phone: phone.to_owned(),
                        })
                    }
                    "email" => {
                        if !self.factors.email {
                            return Err(Error::FactorDisabled("email"));
                        }
                        let address = request
                            .email
                            .as_deref()
                            .filter(|e| !e.is_empty())
                            .ok_or_else(|| Error::MissingParameter("email".to_owned()))?;
                        if !is_plausible_email(address) {
                            return Err(Error::InvalidEmail);
                        }
                        Ok(Wanted::Email {
                            address: address.to_owned(),
                        })
                    }
                    "auth0" => {
                        if !self.factors.push {
                            return Err(Error::FactorDisabled("push-notification"));
                        }
                        Ok(Wanted::Push)
                    }
                    other => Err(Error::UnsupportedOobChannel(other.to_owned())),
                }
            }
            other => Err(Error::UnsupportedAuthenticatorType(other.to_owned())),
        }
    }

    pub(crate) fn push_pending(
        &mut self,
        user: usize,
        id: String,
        kind: AuthenticatorKind,
        group: u64,
        now: u64,
    ) {
        self.users[user]
            .authenticators
            .push(Authenticator::new(id, kind, false, now, group));
    }

    /// Sends the confirmation code; a refused send (rate limit) leaves no pending enrollment.
    fn send_or_undo(
        &mut self,
        user: usize,
        group: u64,
        id: &str,
        client_id: &str,
        now: u64,
    ) -> Result<String, Error> {
        self.send_oob(user, id, client_id, now).inspect_err(|_| {
            self.users[user].remove_group(group);
        })
    }

    /// `otpauth://totp/{tenant}:{email}?{query}`.
    fn barcode_uri(&self, user: usize, query: &str) -> String {
        format!(
            "otpauth://totp/{}:{}?{query}",
            encode_component(&self.name),
            encode_component(&self.users[user].email)
        )
    }

    /// A recovery code for the user's first enrollment (none once they have one, or when the
    /// factor is off). It becomes the user's when `group` is confirmed.
    fn first_recovery_code(&mut self, user: usize, group: u64) -> Option<Vec<String>> {
        if !self.factors.recovery_code || self.users[user].recovery.is_some() {
            return None;
        }
        let code = recovery::generate(&mut self.rng);
        self.users[user].pending_recovery = Some(PendingRecovery {
            group,
            code: code.clone(),
        });
        Some(vec![code])
    }
}

impl Enrollment {
    /// A response of `authenticator_type` on `oob_channel`, other members unset.
    fn empty(authenticator_type: &'static str, oob_channel: Option<&'static str>) -> Self {
        Enrollment {
            authenticator_type,
            secret: None,
            barcode_uri: None,
            binding_method: None,
            oob_channel,
            oob_code: None,
            recovery_codes: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert!(is_plausible_email("a@b.co"));
        assert!(!is_plausible_email("a@b"));
        assert!(!is_plausible_email("@b.co"));
        assert!(!is_plausible_email("a b@c.de"));
    }
}
