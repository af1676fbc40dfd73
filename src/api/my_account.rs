//! `MyAccountApi`: the same screens on the tenant's My Account API (`/me/v1/`), authenticated
//! with a `/me/` token, plus what only it offers: passkeys, names, dates, and a recovery code
//! made when the user asks (never a write the user did not ask for: free tenants allow two a
//! minute). Its enrollments are two steps tied by an `auth_session` and the method's
//! `Location`, which this client keeps between the screens' `associate` and `confirm`.

use super::answer::Answer;
use super::error::ApiError;
use super::session::SessionSource;
use super::transport::Transport;
use super::types::{
    Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment, PasskeyChallenge,
    PasskeyInfo,
};
use super::wire::Wire;
use super::{ApiFuture, Features, MfaApi};
use gloo_net::http::Method as Verb;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::cell::RefCell;
use std::rc::Rc;

/// The path of the methods below the tenant's origin.
const METHODS_PATH: &str = "/me/v1/authentication-methods";

/// The My Account API of a tenant.
pub struct MyAccountApi {
    wire: Rc<dyn Wire>,
    /// Enrollments started and not yet verified: `auth_session` → the method's URL.
    started: RefCell<Vec<(String, String)>>,
    /// The authenticator app enrollment started last (its code comes without a session).
    app_session: RefCell<Option<String>>,
}

/// A method as the API lists it (the members the screens use).
#[derive(Debug, Deserialize)]
struct Method {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    confirmed: Option<bool>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    phone_number: Option<String>,
    #[serde(default)]
    preferred_authentication_method: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    last_auth_at: Option<String>,
    #[serde(default)]
    aaguid: Option<String>,
    #[serde(default)]
    credential_backed_up: Option<bool>,
    #[serde(default)]
    credential_device_type: Option<String>,
    #[serde(default)]
    user_agent: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Listing {
    authentication_methods: Vec<Method>,
}

/// The answer to a started enrollment.
#[derive(Debug, Deserialize)]
struct Started {
    auth_session: String,
    #[serde(default)]
    barcode_uri: Option<String>,
    #[serde(default)]
    manual_input_code: Option<String>,
    #[serde(default)]
    recovery_code: Option<String>,
    #[serde(default)]
    authn_params_public_key: Option<Box<RawValue>>,
}

/// The passkey details of a passkey record: synced when backed up (or, lacking that flag,
/// when its device type says it may be).
fn passkey_info(method: &Method) -> PasskeyInfo {
    PasskeyInfo {
        aaguid: method.aaguid.clone(),
        synced: method
            .credential_backed_up
            .unwrap_or(method.credential_device_type.as_deref() == Some("multi_device")),
        user_agent: method.user_agent.clone(),
    }
}

/// A listed method as the screens' authenticator; the password is not a method the page
/// manages.
fn authenticator(method: Method) -> Option<Authenticator> {
    let (authenticator_type, channel, family) = match method.kind.as_str() {
        "totp" => ("otp", None, "otp"),
        "phone" => (
            "oob",
            Some(
                method
                    .preferred_authentication_method
                    .as_deref()
                    .unwrap_or("sms"),
            ),
            "phone",
        ),
        "email" => ("oob", Some("email"), "email"),
        "push-notification" => ("oob", Some("auth0"), "push-notification"),
        "recovery-code" => ("recovery-code", None, "recovery-code"),
        "passkey" => ("passkey", None, "passkey"),
        _ => return None,
    };
    let passkey = (family == "passkey").then(|| passkey_info(&method));
    let name = method.phone_number.or(method.email);
    Some(Authenticator {
        id: AuthenticatorId(method.id),
        authenticator_type: authenticator_type.to_owned(),
        active: method.confirmed.unwrap_or(true),
        oob_channel: channel.map(str::to_owned),
        name: name.or_else(|| {
            method
                .name
                .clone()
                .filter(|_| family == "push-notification")
        }),
        family: Some(family.to_owned()),
        nickname: method.name.filter(|_| family != "push-notification"),
        created_at: method.created_at,
        last_used_at: method.last_auth_at,
        passkey,
        renamable: family != "recovery-code",
        twin_hidden: family == "push-notification",
    })
}

/// The body starting an enrollment.
#[derive(Default, Serialize)]
struct StartBody<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone_number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    preferred_authentication_method: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
}

/// The body verifying an enrollment.
#[derive(Serialize)]
struct VerifyBody<'a> {
    auth_session: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    otp_code: Option<&'a str>,
}

/// `id` percent-encoded as one path segment (`totp|dev_A` → `totp%7Cdev_A`): everything but
/// RFC 3986's unreserved characters.
fn path_segment(id: &str) -> String {
    id.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The body verifying a passkey: the browser's credential as it made it.
#[derive(Serialize)]
struct PasskeyVerifyBody<'a> {
    auth_session: &'a str,
    authn_response: &'a RawValue,
}

/// The body renaming a method.
#[derive(Serialize)]
struct Rename<'a> {
    name: &'a str,
}

/// JSON text of a body (only strings: serializing cannot fail).
fn json_text(body: &impl Serialize) -> String {
    serde_json::to_string(body).unwrap_or_default()
}

/// The start body for an enrollment the screens ask for.
fn start_body(associate: &Associate) -> String {
    let phone = |number, channel| StartBody {
        kind: "phone",
        phone_number: Some(number),
        preferred_authentication_method: Some(channel),
        ..StartBody::default()
    };
    json_text(&match associate {
        Associate::Otp => StartBody {
            kind: "totp",
            ..StartBody::default()
        },
        Associate::Sms(number) => phone(number, "sms"),
        Associate::Voice(number) => phone(number, "voice"),
        Associate::Email(email) => StartBody {
            kind: "email",
            email: Some(email),
            ..StartBody::default()
        },
        Associate::Push => StartBody {
            kind: "push-notification",
            ..StartBody::default()
        },
    })
}

impl MyAccountApi {
    /// A client for the tenant at `origin` (the domain the page signs in at), signed in with a
    /// `/me/` token through `session`.
    pub fn new(origin: &str, session: Rc<dyn SessionSource>) -> MyAccountApi {
        MyAccountApi::over(Rc::new(Transport::new(origin, session)))
    }

    /// A client sending through `wire` (the tenant inside the page, in demo mode).
    pub fn over(wire: Rc<dyn Wire>) -> MyAccountApi {
        MyAccountApi {
            wire,
            started: RefCell::new(Vec::new()),
            app_session: RefCell::new(None),
        }
    }

    /// Starts an enrollment with `body`: its answer and the method's URL (only ever one on the
    /// tenant's own origin, the token goes nowhere else).
    async fn start(&self, body: String) -> Result<(Started, String), ApiError> {
        let url = format!("{}{METHODS_PATH}", self.wire.origin());
        let answer = self.wire.send(Verb::POST, &url, Some(&body)).await?;
        let started: Started = answer.problem_json()?;
        let location = answer
            .location
            .clone()
            .filter(|l| l.starts_with(&format!("{url}/")))
            .ok_or_else(|| ApiError::Unexpected {
                status: answer.status,
                detail: "the enrollment's Location is missing or on another origin".into(),
            })?;
        Ok((started, location))
    }

    /// Verifies the enrollment at `location` with `body`; the verified method's record.
    async fn verify(&self, location: &str, body: String) -> Result<Answer, ApiError> {
        let url = format!("{location}/verify");
        let answer = self.wire.send(Verb::POST, &url, Some(&body)).await?;
        answer.problem()?;
        Ok(answer)
    }

    /// Keeps the method URL of a started enrollment until it is verified.
    fn remember(&self, session: &str, location: String) {
        self.started
            .borrow_mut()
            .push((session.to_owned(), location));
    }

    /// The method URL of the started enrollment `session`.
    fn location_of(&self, session: &str) -> Result<String, ApiError> {
        self.started
            .borrow()
            .iter()
            .find(|(s, _)| s == session)
            .map(|(_, l)| l.clone())
            .ok_or(ApiError::CodeExpired)
    }

    /// Forgets the started enrollment `session` once verified.
    fn forget(&self, session: &str) {
        self.started.borrow_mut().retain(|(s, _)| s != session);
    }

    /// The URL of the method `id`.
    fn method_url(&self, id: &AuthenticatorId) -> String {
        format!(
            "{}{METHODS_PATH}/{}",
            self.wire.origin(),
            path_segment(&id.0)
        )
    }
}

impl MfaApi for MyAccountApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move {
            let url = format!("{}{METHODS_PATH}", self.wire.origin());
            let listing: Listing = self
                .wire
                .send(Verb::GET, &url, None)
                .await?
                .problem_json()?;
            Ok(listing
                .authentication_methods
                .into_iter()
                .filter_map(authenticator)
                .collect())
        })
    }

    fn associate(&self, associate: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move {
            let (started, location) = self.start(start_body(&associate)).await?;
            let session = started.auth_session.clone();
            self.remember(&session, location);
            let channel = match &associate {
                Associate::Otp => None,
                Associate::Sms(_) => Some("sms"),
                Associate::Voice(_) => Some("voice"),
                Associate::Email(_) => Some("email"),
                Associate::Push => Some("auth0"),
            };
            if channel.is_none() {
                *self.app_session.borrow_mut() = Some(session.clone());
            }
            Ok(Enrollment {
                authenticator_type: if channel.is_some() { "oob" } else { "otp" }.to_owned(),
                secret: started.manual_input_code,
                barcode_uri: started.barcode_uri,
                recovery_codes: Vec::new(),
                oob_channel: channel.map(str::to_owned),
                oob_code: channel.is_some().then_some(session),
                binding_method: matches!(channel, Some("sms" | "voice" | "email"))
                    .then(|| "prompt".to_owned()),
            })
        })
    }

    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(async move {
            let (session, code, sent) = match &confirm {
                Confirm::Otp { otp } => (self.app_session.borrow().clone(), Some(otp), false),
                Confirm::Oob {
                    oob_code,
                    binding_code,
                } => (Some(oob_code.clone()), binding_code.as_ref(), true),
            };
            let session = session.ok_or(ApiError::CodeExpired)?;
            let location = self.location_of(&session)?;
            let body = json_text(&VerifyBody {
                auth_session: &session,
                otp_code: code.map(String::as_str),
            });
            match self.verify(&location, body).await {
                Err(ApiError::InvalidOtp) if sent => return Err(ApiError::InvalidBindingCode),
                Err(error) => return Err(error),
                Ok(_) => {}
            }
            self.forget(&session);
            Ok(Confirmed::default())
        })
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let url = self.method_url(&id);
            self.wire.send(Verb::DELETE, &url, None).await?.problem()
        })
    }

    fn features(&self) -> Features {
        Features {
            rename: true,
            passkeys: true,
            recovery_code_on_request: true,
        }
    }

    fn rename(&self, id: AuthenticatorId, name: String) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let body = json_text(&Rename { name: &name });
            let url = self.method_url(&id);
            self.wire
                .send(Verb::PATCH, &url, Some(&body))
                .await?
                .problem()
        })
    }

    fn start_passkey(&self) -> ApiFuture<'_, PasskeyChallenge> {
        Box::pin(async move {
            let body = json_text(&StartBody {
                kind: "passkey",
                ..StartBody::default()
            });
            let (started, location) = self.start(body).await?;
            let options = started
                .authn_params_public_key
                .ok_or_else(|| ApiError::Unexpected {
                    status: 202,
                    detail: "the passkey enrollment has no creation options".into(),
                })?;
            self.remember(&started.auth_session, location);
            Ok(PasskeyChallenge {
                session: started.auth_session,
                options: options.get().to_owned(),
            })
        })
    }

    fn finish_passkey(
        &self,
        challenge: PasskeyChallenge,
        credential: String,
    ) -> ApiFuture<'_, Authenticator> {
        Box::pin(async move {
            let location = self.location_of(&challenge.session)?;
            let response = RawValue::from_string(credential).map_err(|e| ApiError::Unexpected {
                status: 0,
                detail: format!("the browser's credential is not JSON: {e}"),
            })?;
            let body = json_text(&PasskeyVerifyBody {
                auth_session: &challenge.session,
                authn_response: &response,
            });
            let answer = self.verify(&location, body).await?;
            self.forget(&challenge.session);
            let method: Method = answer.problem_json()?;
            authenticator(method).ok_or_else(|| ApiError::Unexpected {
                status: answer.status,
                detail: "the verified method is not a passkey".into(),
            })
        })
    }

    fn add_recovery_code(&self) -> ApiFuture<'_, String> {
        Box::pin(async move {
            let body = json_text(&StartBody {
                kind: "recovery-code",
                ..StartBody::default()
            });
            let (started, location) = self.start(body).await?;
            let code = started.recovery_code.ok_or_else(|| ApiError::Unexpected {
                status: 202,
                detail: "the recovery code enrollment has no code".into(),
            })?;
            let verify = json_text(&VerifyBody {
                auth_session: &started.auth_session,
                otp_code: None,
            });
            self.verify(&location, verify).await?;
            Ok(code)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn method(json: &str) -> Option<Authenticator> {
        authenticator(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn methods_are_the_screens_authenticators() {
        let phone = method(
            r#"{"id":"phone|dev_A","type":"phone","confirmed":true,"phone_number":"+14155550100","preferred_authentication_method":"voice"}"#,
        )
        .unwrap();
        assert_eq!(phone.authenticator_type, "oob");
        assert_eq!(phone.oob_channel.as_deref(), Some("voice"));
        assert_eq!(phone.name.as_deref(), Some("+14155550100"));
        assert!(phone.active);
        let app = method(r#"{"id":"totp|dev_B","type":"totp","confirmed":false}"#).unwrap();
        assert_eq!(
            (app.authenticator_type.as_str(), app.active),
            ("otp", false)
        );
        let push = method(
            r#"{"id":"push|dev_C","type":"push-notification","confirmed":true,"name":"Pixel"}"#,
        )
        .unwrap();
        assert_eq!(push.oob_channel.as_deref(), Some("auth0"));
        assert_eq!(push.name.as_deref(), Some("Pixel"));
        let recovery =
            method(r#"{"id":"recovery-code|dev_D","type":"recovery-code","confirmed":true}"#)
                .unwrap();
        assert_eq!(recovery.authenticator_type, "recovery-code");
        assert!(method(r#"{"id":"password|1","type":"password"}"#).is_none());
        let passkey = method(
            r#"{"id":"passkey|dev_E","type":"passkey","name":"Work laptop","created_at":"2026-11-30T10:00:00.000Z","last_auth_at":"2026-12-01T09:30:00.000Z","aaguid":"ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4","credential_backed_up":true,"credential_device_type":"multi_device","user_agent":"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36"}"#,
        )
        .unwrap();
        assert_eq!(passkey.family.as_deref(), Some("passkey"));
        assert_eq!(passkey.nickname.as_deref(), Some("Work laptop"));
        assert_eq!(
            passkey.last_used_at.as_deref(),
            Some("2026-12-01T09:30:00.000Z")
        );
        let info = passkey.passkey.unwrap();
        assert!(info.synced);
        assert_eq!(
            info.aaguid.as_deref(),
            Some("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")
        );
        assert!(passkey.renamable);
        let bound = method(
            r#"{"id":"passkey|dev_F","type":"passkey","credential_device_type":"single_device"}"#,
        )
        .unwrap();
        assert!(!bound.passkey.unwrap().synced);
        assert!(!recovery.renamable);
        assert!(push.twin_hidden && !phone.twin_hidden);
    }

    #[test]
    fn start_bodies_are_the_api_shapes() {
        let body =
            |a: Associate| serde_json::from_str::<serde_json::Value>(&start_body(&a)).unwrap();
        assert_eq!(body(Associate::Otp), serde_json::json!({"type": "totp"}));
        assert_eq!(
            body(Associate::Voice("+14155550100".into())),
            serde_json::json!({"type": "phone", "phone_number": "+14155550100", "preferred_authentication_method": "voice"})
        );
        assert_eq!(
            body(Associate::Email("me@example.org".into())),
            serde_json::json!({"type": "email", "email": "me@example.org"})
        );
        assert_eq!(
            body(Associate::Push),
            serde_json::json!({"type": "push-notification"})
        );
    }
}
