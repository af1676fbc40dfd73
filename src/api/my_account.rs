//! `MyAccountApi`: the same screens on the tenant's My Account API (`/me/v1/`), authenticated
//! with a `/me/` token. Its enrollments are two steps tied by an `auth_session` and the
//! method's `Location`, which this client keeps between the screens' `associate` and
//! `confirm`; a user's first method also gets a recovery code, enrolled here after it, as the
//! MFA API hands one out with a first enrollment.

use super::error::ApiError;
use super::session::SessionSource;
use super::transport::Transport;
use super::types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};
use super::{ApiFuture, MfaApi};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// The path of the methods below the tenant's origin.
const METHODS_PATH: &str = "/me/v1/authentication-methods";

/// The My Account API of a tenant.
pub struct MyAccountApi {
    transport: Transport,
    /// Enrollments started and not yet verified: `auth_session` → the method's URL.
    started: RefCell<Vec<(String, String)>>,
    /// The authenticator app enrollment started last (its code comes without a session).
    app_session: RefCell<Option<String>>,
    /// Whether the user had a recovery code at the last listing (`None` before one).
    has_recovery: Cell<Option<bool>>,
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
}

/// A listed method as the screens' authenticator; passwords and passkeys are not shown yet.
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
        _ => return None,
    };
    let name = method.name.or(method.phone_number).or(method.email);
    Some(Authenticator {
        id: AuthenticatorId(method.id),
        authenticator_type: authenticator_type.to_owned(),
        active: method.confirmed.unwrap_or(true),
        oob_channel: channel.map(str::to_owned),
        name,
        family: Some(family.to_owned()),
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
        MyAccountApi {
            transport: Transport::new(origin, session),
            started: RefCell::new(Vec::new()),
            app_session: RefCell::new(None),
            has_recovery: Cell::new(None),
        }
    }

    /// Starts an enrollment with `body`: its answer and the method's URL (only ever one on the
    /// tenant's own origin, the token goes nowhere else).
    async fn start(&self, body: String) -> Result<(Started, String), ApiError> {
        let url = format!("{}{METHODS_PATH}", self.transport.origin);
        let answer = self.transport.post_json(&url, &body).await?;
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

    /// Verifies the enrollment at `location` with `body`.
    async fn verify(&self, location: &str, body: String) -> Result<(), ApiError> {
        let url = format!("{location}/verify");
        self.transport.post_json(&url, &body).await?.problem()
    }

    /// After the user's first method: a recovery code, as the MFA API gives one. A refusal
    /// here leaves the method enrolled and the code for later.
    async fn first_recovery_code(&self) -> Option<String> {
        if self.has_recovery.get() != Some(false) {
            return None;
        }
        let body = json_text(&StartBody {
            kind: "recovery-code",
            ..StartBody::default()
        });
        let (started, location) = self.start(body).await.ok()?;
        let verify = json_text(&VerifyBody {
            auth_session: &started.auth_session,
            otp_code: None,
        });
        self.verify(&location, verify).await.ok()?;
        self.has_recovery.set(Some(true));
        started.recovery_code
    }
}

impl MfaApi for MyAccountApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move {
            let url = format!("{}{METHODS_PATH}", self.transport.origin);
            let listing: Listing = self.transport.get(&url).await?.problem_json()?;
            let list: Vec<Authenticator> = listing
                .authentication_methods
                .into_iter()
                .filter_map(authenticator)
                .collect();
            let has_recovery = list.iter().any(|a| a.authenticator_type == "recovery-code");
            self.has_recovery.set(Some(has_recovery));
            Ok(list)
        })
    }

    fn associate(&self, associate: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move {
            let (started, location) = self.start(start_body(&associate)).await?;
            let session = started.auth_session.clone();
            self.started.borrow_mut().push((session.clone(), location));
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
            let location = self
                .started
                .borrow()
                .iter()
                .find(|(s, _)| *s == session)
                .map(|(_, l)| l.clone())
                .ok_or(ApiError::CodeExpired)?;
            let body = json_text(&VerifyBody {
                auth_session: &session,
                otp_code: code.map(String::as_str),
            });
            match self.verify(&location, body).await {
                Err(ApiError::InvalidOtp) if sent => return Err(ApiError::InvalidBindingCode),
                Err(error) => return Err(error),
                Ok(()) => {}
            }
            self.started.borrow_mut().retain(|(s, _)| *s != session);
            Ok(Confirmed {
                recovery_code: self.first_recovery_code().await,
            })
        })
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let encoded = String::from(js_sys::encode_uri_component(&id.0));
            let url = format!("{}{METHODS_PATH}/{encoded}", self.transport.origin);
            self.transport.delete(&url).await?.problem()
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
        assert!(method(r#"{"id":"passkey|dev_E","type":"passkey"}"#).is_none());
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
