//! `POST /authentication-methods` (start, 202) and `POST /authentication-methods/{id}/verify`
//! (201) for totp, phone, email, push-notification and recovery-code; passkeys have their own
//! ceremony in `passkey_enroll`.

use serde_json::{json, Map, Value};

use crate::model::enrollment::{AssociateRequest, Enrollment};
use crate::model::error::Error;
use crate::model::limits::{AUTH_SESSION_LENGTH, AUTH_SESSION_SECONDS};
use crate::model::my_account::body::{object, optional_text, text};
use crate::model::my_account::problem::Problem;
use crate::model::my_account::record::{
    authenticator_record, method_id, recovery_record, MethodType,
};
use crate::model::my_account::request::{Done, MeRequest, MeToken};
use crate::model::my_account::session::{EnrollmentSession, Pending};
use crate::model::recovery::{self, RecoveryCode};
use crate::model::tenant::Tenant;

/// The MFA API request that starts the same enrollment.
fn associate_request(oob_channel: Option<&str>) -> AssociateRequest {
    AssociateRequest {
        authenticator_types: vec![if oob_channel.is_some() { "oob" } else { "otp" }.to_owned()],
        oob_channels: oob_channel.map(str::to_owned).into_iter().collect(),
        ..AssociateRequest::default()
    }
}

/// How the shared enrollment rules' refusals read on the My Account API.
fn problem_of(error: Error) -> Problem {
    match error {
        Error::FactorDisabled(kind) => Problem::FactorDisabled(kind.to_owned()),
        Error::InvalidPhoneNumber => {
            Problem::invalid("phone_number", "phone_number must be in E.164 format.")
        }
        Error::InvalidEmail => Problem::invalid("email", "email must be an email address."),
        Error::MissingParameter(field) => Problem::invalid(&field, format!("{field} is required.")),
        Error::RateLimited(limit) => Problem::TooManyRequests(limit),
        Error::TooManyAttempts(limit) => Problem::TooManyAttempts(limit),
        Error::TooManyAuthenticators => {
            Problem::Conflict("Too many enrollments are waiting to be verified.".to_owned())
        }
        Error::InvalidBindingCode | Error::InvalidOtp => Problem::InvalidCode,
        Error::AuthorizationPending | Error::SlowDown => Problem::PushPending,
        Error::MfaRejected => Problem::PushRejected,
        _ => Problem::InvalidAuthSession,
    }
}

/// A code's shape: six digits. Checked before it counts as a failed attempt.
fn otp_code(body: &Map<String, Value>) -> Result<&str, Problem> {
    let code = text(body, "otp_code")?;
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(Problem::invalid("otp_code", "otp_code must be 6 digits."))
    }
}

impl Tenant {
    /// Starts an enrollment: 202 with `auth_session` and what the type shows the user.
    pub(crate) fn start_enrollment_me(
        &mut self,
        user: usize,
        body: Option<&Value>,
        request: &MeRequest<'_>,
        now: u64,
    ) -> Result<Done, Problem> {
        let body = object(body)?;
        let name = text(body, "type")?;
        let kind = MethodType::parse(name)
            .ok_or_else(|| Problem::invalid("type", format!("Unknown type: {name}.")))?;
        let client_id = match request.token {
            MeToken::Claims(claims) => claims.azp.clone(),
            _ => String::new(),
        };
        let (pending, method_id, mut answer) = match kind {
            MethodType::Totp => {
                let (enrollment, group) =
                    self.start_shared(user, associate_request(None), &client_id, now)?;
                let answer = json!({
                    "barcode_uri": enrollment.barcode_uri,
                    "manual_input_code": enrollment.secret,
                });
                (
                    Pending::Totp { group },
                    self.group_method_id(user, group),
                    answer,
                )
            }
            MethodType::Phone => {
                let phone = text(body, "phone_number")?;
                let channel = match optional_text(body, "preferred_authentication_method")? {
                    None if !self.factors.sms && self.factors.voice => "voice",
                    None | Some("sms") => "sms",
                    Some("voice") => "voice",
                    Some(_) => {
                        return Err(Problem::invalid(
                            "preferred_authentication_method",
                            "preferred_authentication_method must be sms or voice.",
                        ))
                    }
                };
                let mut associate = associate_request(Some(channel));
                associate.phone_number = Some(phone.to_owned());
                self.start_code(user, associate, &client_id, now)?
            }
            MethodType::Email => {
                let mut associate = associate_request(Some("email"));
                associate.email = Some(text(body, "email")?.to_owned());
                self.start_code(user, associate, &client_id, now)?
            }
            MethodType::Push => {
                let (enrollment, group) =
                    self.start_shared(user, associate_request(Some("auth0")), &client_id, now)?;
                let oob_code = enrollment.oob_code.unwrap_or_default();
                let answer = json!({ "barcode_uri": enrollment.barcode_uri });
                (
                    Pending::Push { group, oob_code },
                    self.group_method_id(user, group),
                    answer,
                )
            }
            MethodType::RecoveryCode => {
                if !self.factors.recovery_code {
                    return Err(Problem::FactorDisabled("recovery-code".to_owned()));
                }
                if self.users[user].recovery.is_some() {
                    return Err(Problem::Conflict(
                        "The user already has a recovery code.".to_owned(),
                    ));
                }
                let code = recovery::generate(&mut self.rng);
                let id = self.new_authenticator_id("recovery-code");
                let answer = json!({ "recovery_code": code });
                (
                    Pending::RecoveryCode {
                        code,
                        id: id.clone(),
                    },
                    id,
                    answer,
                )
            }
            MethodType::Passkey => self.start_passkey(user, body, request)?,
            MethodType::Password => {
                return Err(Problem::invalid(
                    "type",
                    "Enrolling a password is not supported by this tenant.",
                ))
            }
        };
        let auth_session = self.rng.alphanumeric(AUTH_SESSION_LENGTH);
        answer["auth_session"] = json!(auth_session);
        if kind != MethodType::Passkey {
            answer["id"] = json!(method_id);
        }
        self.my_account.sessions.retain(|_, s| now < s.expires_at);
        self.my_account.sessions.insert(
            auth_session,
            EnrollmentSession {
                user_id: self.users[user].user_id.clone(),
                method_id: method_id.clone(),
                pending,
                expires_at: now.saturating_add(AUTH_SESSION_SECONDS),
            },
        );
        Ok(Done {
            status: 202,
            body: Some(answer),
            location_id: Some(method_id),
        })
    }

    fn start_shared(
        &mut self,
        user: usize,
        associate: AssociateRequest,
        client_id: &str,
        now: u64,
    ) -> Result<(Enrollment, u64), Problem> {
        self.enroll_pending(user, &associate, client_id, now)
            .map_err(problem_of)
    }

    /// A phone or email enrollment: the code is sent at once.
    fn start_code(
        &mut self,
        user: usize,
        associate: AssociateRequest,
        client_id: &str,
        now: u64,
    ) -> Result<(Pending, String, Value), Problem> {
        let (enrollment, group) = self.start_shared(user, associate, client_id, now)?;
        let oob_code = enrollment.oob_code.unwrap_or_default();
        Ok((
            Pending::Code { group, oob_code },
            self.group_method_id(user, group),
            json!({}),
        ))
    }

    /// The My Account id of the visible authenticator of `group`.
    fn group_method_id(&self, user: usize, group: u64) -> String {
        self.users[user]
            .authenticators
            .iter()
            .find(|a| a.group == group && MethodType::of(a).is_some())
            .map(method_id)
            .unwrap_or_default()
    }

    /// Finishes an enrollment: 201 with the new method. A wrong code keeps the session for a
    /// retry; a settled one (done, refused push, expired) is gone.
    pub(crate) fn verify_enrollment(
        &mut self,
        user: usize,
        id: &str,
        body: Option<&Value>,
        request: &MeRequest<'_>,
        now: u64,
    ) -> Result<Done, Problem> {
        let body = object(body)?;
        let auth_session = text(body, "auth_session")?.to_owned();
        let session = self
            .my_account
            .sessions
            .get(&auth_session)
            .filter(|s| {
                s.user_id == self.users[user].user_id && s.method_id == id && now < s.expires_at
            })
            .cloned()
            .ok_or(Problem::InvalidAuthSession)?;
        let outcome = self.finish(user, &session.pending, body, request, now);
        if !matches!(
            outcome,
            Err(Problem::InvalidCode | Problem::PushPending | Problem::TooManyAttempts(_))
                | Err(Problem::Invalid { .. })
        ) {
            self.my_account.sessions.remove(&auth_session);
        }
        let record = outcome?;
        let location_id = record["id"].as_str().map(str::to_owned);
        Ok(Done {
            status: 201,
            body: Some(record),
            location_id,
        })
    }

    /// Checks what verify sent and activates the method; returns its record.
    fn finish(
        &mut self,
        user: usize,
        pending: &Pending,
        body: &Map<String, Value>,
        request: &MeRequest<'_>,
        now: u64,
    ) -> Result<Value, Problem> {
        let group = match pending {
            Pending::Totp { group } => {
                let code = otp_code(body)?;
                self.verify_pending_totp(user, *group, code, now)
                    .map_err(problem_of)?;
                *group
            }
            Pending::Code { group, oob_code } => {
                let code = otp_code(body)?;
                self.verify_oob(user, oob_code, Some(code), now)
                    .map_err(problem_of)?;
                *group
            }
            Pending::Push { group, oob_code } => {
                self.verify_oob(user, oob_code, None, now)
                    .map_err(problem_of)?;
                self.activate(user, *group);
                *group
            }
            Pending::RecoveryCode { code, id } => {
                if self.users[user].recovery.is_some() {
                    return Err(Problem::Conflict(
                        "The user already has a recovery code.".to_owned(),
                    ));
                }
                let recovery = RecoveryCode {
                    id: id.clone(),
                    code: code.clone(),
                    created_at: now,
                    last_auth_at: None,
                };
                let record = recovery_record(&recovery);
                self.users[user].recovery = Some(recovery);
                return Ok(record);
            }
            Pending::Passkey { .. } => {
                return self.finish_passkey(user, pending, body, request, now)
            }
        };
        let account = &self.users[user];
        account
            .authenticators
            .iter()
            .filter(|a| a.group == group)
            .find_map(|a| authenticator_record(account, a))
            .ok_or(Problem::InvalidAuthSession)
    }
}
