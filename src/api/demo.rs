//! `DemoApi`: the MFA API answered by a tenant that runs inside the page (demo mode).
//!
//! It is the same tenant model the development emulator serves over HTTP. Every answer is
//! turned into the JSON the emulator's endpoints would send and parsed into the wire types with
//! the same serde definitions the HTTP client uses, and every refusal becomes the same error
//! envelope, so the screens cannot tell the two apart. The visitor is signed in already as the
//! seeded user without factors; codes the tenant would "send" are read from its outbox by the
//! demo panel, which also answers push requests.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use mfa_emulator::model::enrollment::AssociateRequest;
use mfa_emulator::model::outbox::{Channel, DeliveryStatus, PushAnswerError};
use mfa_emulator::model::seed::{default_seed, default_tenant, TenantSeed, CLIENT_ID, NEW_USER};
use mfa_emulator::model::tokens::{AccessClaims, TokenSet};
use mfa_emulator::model::{Domain, Domains, Error, Tenant};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use super::error::ApiError;
use super::types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};
use super::{ApiFuture, MfaApi};

/// Host of the in-page tenant; `.invalid` never resolves, so nothing can reach a network.
pub const DEMO_HOST: &str = "demo.mfa-manager.invalid";
/// Tenant name shown as the issuer in authenticator apps.
pub const DEMO_TENANT_NAME: &str = "mfa-manager-demo";
/// Scope of the demo visitor's MFA-audience token: what the page asks for at sign-in.
pub const DEMO_SCOPE: &str = "openid profile enroll read:authenticators remove:authenticators";
/// A token with less life left than this is replaced before a call, so a demo never expires.
const RENEW_MARGIN_SECONDS: u64 = 60;
/// Stands in for the signed tokens of a token response: the screens never read them.
const DEMO_TOKEN: &str = "demo-mode-token";

/// Current unix time in seconds.
pub type Clock = Rc<dyn Fn() -> u64>;

/// One message the demo tenant "sent", for the demo panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoMessage {
    /// Outbox id, increasing from 1; pass it to [`DemoApi::answer_push`].
    pub id: u64,
    /// `sms`, `voice`, `email` or `push`.
    pub channel: String,
    /// The phone number or email address it went to (`None` for push).
    pub to: Option<String>,
    /// The 6-digit code it carried (`None` for push).
    pub code: Option<String>,
    /// A push request still waiting to be approved or rejected.
    pub pending_push: bool,
}

/// The MFA API of a tenant running inside the page, with the visitor signed in already.
pub struct DemoApi {
    tenant: RefCell<Tenant>,
    claims: RefCell<Option<AccessClaims>>,
    clock: Clock,
}

impl fmt::Debug for DemoApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The tenant holds TOTP secrets, codes and the visitor's token: never printed.
        f.write_str("DemoApi { .. }")
    }
}

impl Default for DemoApi {
    fn default() -> Self {
        DemoApi::new()
    }
}

impl DemoApi {
    /// A fresh demo tenant on the real clock (so codes from a real authenticator app work),
    /// with unpredictable secrets and codes.
    pub fn new() -> DemoApi {
        DemoApi::with_clock(Rc::new(system_now), random_seed())
    }

    /// A fresh demo tenant on `clock` (unix seconds), its randomness seeded with `rng_seed`:
    /// the same seed and clock give the same secrets and codes.
    pub fn with_clock(clock: Clock, rng_seed: u64) -> DemoApi {
        let now = clock();
        let domains = Domains {
            scheme: "https".to_owned(),
            canonical: DEMO_HOST.to_owned(),
            custom: None,
        };
        let seed = TenantSeed {
            name: DEMO_TENANT_NAME.to_owned(),
            ..default_seed(&[])
        };
        let tenant = Tenant::from_seed(&seed, domains.clone(), rng_seed, now)
            .unwrap_or_else(|_| default_tenant(&[], domains, rng_seed, now));
        let api = DemoApi {
            tenant: RefCell::new(tenant),
            claims: RefCell::new(None),
            clock,
        };
        // Signed in from the start; a failure here is retried (and reported) at the first call.
        let _ = api.claims(now);
        api
    }

    /// Everything the tenant "sent" (codes by text, call and email; push requests), newest
    /// first.
    pub fn outbox(&self) -> Vec<DemoMessage> {
        self.tenant
            .borrow()
            .outbox()
            .iter()
            .rev()
            .map(|message| DemoMessage {
                id: message.id,
                channel: channel_name(message.channel).to_owned(),
                to: message.to.clone(),
                code: message.code.clone(),
                pending_push: message.channel == Channel::Push
                    && message.status == DeliveryStatus::Pending,
            })
            .collect()
    }

    /// Approves or rejects a pending push request, as the visitor would on their phone.
    /// Approving an enrollment activates it at once; the next poll then succeeds.
    pub fn answer_push(&self, id: u64, approve: bool) -> Result<(), String> {
        self.tenant
            .borrow_mut()
            .answer_push(id, approve)
            .map_err(|error| match error {
                PushAnswerError::NotFound => format!("There is no demo message {id}."),
                PushAnswerError::NotPending => {
                    format!("Demo message {id} is not a push request waiting for an answer.")
                }
            })
    }

    fn now(&self) -> u64 {
        (self.clock)()
    }

    /// The visitor's MFA-audience claims, renewed when they are about to expire.
    fn claims(&self, now: u64) -> Result<AccessClaims, ApiError> {
        let mut claims = self.claims.borrow_mut();
        if let Some(current) = claims.as_ref() {
            if now.saturating_add(RENEW_MARGIN_SECONDS) < current.exp {
                return Ok(current.clone());
            }
        }
        let tenant = self.tenant.borrow();
        let audience = tenant.mfa_audience();
        let tokens = tenant
            .issue_tokens_for(
                NEW_USER,
                CLIENT_ID,
                Some(&audience),
                DEMO_SCOPE,
                Domain::Canonical,
                now,
            )
            .ok_or(ApiError::SessionExpired)?;
        *claims = Some(tokens.access.clone());
        Ok(tokens.access)
    }

    fn list_now(&self) -> Result<Vec<Authenticator>, ApiError> {
        let now = self.now();
        let claims = self.claims(now)?;
        let views = self
            .tenant
            .borrow_mut()
            .list_authenticators(&claims, now)
            .map_err(|e| api_error(&e))?;
        wire(&views)
    }

    fn associate_now(&self, request: &Associate) -> Result<Enrollment, ApiError> {
        let now = self.now();
        let claims = self.claims(now)?;
        let mut tenant = self.tenant.borrow_mut();
        // As at the endpoint: token and scope failures win over body problems.
        tenant
            .bearer_user(&claims, "enroll", now)
            .map_err(|e| api_error(&e))?;
        let request = associate_request(&request.body()).map_err(|e| api_error(&e))?;
        let enrollment = tenant
            .associate(&claims, &request, now)
            .map_err(|e| api_error(&e))?;
        wire(&enrollment)
    }

    fn confirm_now(&self, confirm: &Confirm) -> Result<Confirmed, ApiError> {
        let now = self.now();
        let claims = self.claims(now)?;
        let mut tenant = self.tenant.borrow_mut();
        let tokens = match confirm {
            Confirm::Otp { otp } => {
                tenant.exchange_otp(CLIENT_ID, &claims, Some(otp), Domain::Canonical, now)
            }
            Confirm::Oob {
                oob_code,
                binding_code,
            } => tenant.exchange_oob(
                CLIENT_ID,
                &claims,
                Some(oob_code),
                binding_code.as_deref(),
                Domain::Canonical,
                now,
            ),
        }
        .map_err(|e| api_error(&e))?;
        wire(&token_response(&tokens))
    }

    fn remove_now(&self, id: &AuthenticatorId) -> Result<(), ApiError> {
        let now = self.now();
        let claims = self.claims(now)?;
        self.tenant
            .borrow_mut()
            .delete_authenticator(&claims, &id.0, now)
            .map_err(|e| api_error(&e))
    }
}

impl MfaApi for DemoApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(std::future::ready(self.list_now()))
    }

    fn associate(&self, request: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(std::future::ready(self.associate_now(&request)))
    }

    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(std::future::ready(self.confirm_now(&confirm)))
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(std::future::ready(self.remove_now(&id)))
    }
}

/// A tenant refusal as the HTTP client would see it: the endpoint's status, its
/// `{"error", "error_description"}` envelope and the `Retry-After` it would send.
fn api_error(error: &Error) -> ApiError {
    let mut body = json!({"error": error.code(), "error_description": error.description()});
    if let Some(uri) = error.error_uri() {
        body["error_uri"] = Value::from(uri);
    }
    let retry_after = error.rate_limit().map(|limit| limit.retry_after);
    ApiError::from_response(error.status(), &body.to_string(), retry_after)
}

/// A model answer serialized as the endpoint would send it and parsed into a wire type.
fn wire<T: Serialize, U: DeserializeOwned>(value: &T) -> Result<U, ApiError> {
    let unexpected = |e: serde_json::Error| ApiError::Unexpected {
        status: 200,
        detail: format!("the answer is not the expected JSON ({e})"),
    };
    let text = serde_json::to_string(value).map_err(unexpected)?;
    serde_json::from_slice(text.as_bytes()).map_err(unexpected)
}

/// The body of a successful MFA grant at `/oauth/token`, with the same members as the
/// endpoint's (the in-page tenant signs nothing, so the tokens are placeholders).
fn token_response(tokens: &TokenSet) -> Value {
    let mut body = json!({ "access_token": DEMO_TOKEN });
    if tokens.id.is_some() {
        body["id_token"] = Value::from(DEMO_TOKEN);
    }
    body["scope"] = Value::from(tokens.scope.clone());
    body["expires_in"] = Value::from(tokens.expires_in);
    if let Some(code) = &tokens.recovery_code {
        body["recovery_code"] = Value::from(code.clone());
    }
    body["token_type"] = Value::from("Bearer");
    body
}

/// Reads an associate body as the endpoint does (a non-object body has no members).
fn associate_request(body: &Value) -> Result<AssociateRequest, Error> {
    match body.as_object() {
        Some(object) => AssociateRequest::from_json(object),
        None => AssociateRequest::from_json(&serde_json::Map::new()),
    }
}

/// The outbox channel as the emulator's control endpoint names it.
fn channel_name(channel: Channel) -> &'static str {
    match channel {
        Channel::Sms => "sms",
        Channel::Voice => "voice",
        Channel::Email => "email",
        Channel::Push => "push",
    }
}

/// The real clock in unix seconds: the browser's in the page.
#[cfg(target_arch = "wasm32")]
fn system_now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The real clock in unix seconds.
#[cfg(not(target_arch = "wasm32"))]
fn system_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// A seed for the demo tenant's secrets (demo only: nothing it protects is real).
#[cfg(target_arch = "wasm32")]
fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (high << 32) ^ low ^ (js_sys::Date::now() as u64)
}

/// A seed for the demo tenant's secrets (demo only: nothing it protects is real).
#[cfg(not(target_arch = "wasm32"))]
fn random_seed() -> u64 {
    use std::hash::BuildHasher;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    std::collections::hash_map::RandomState::new().hash_one(nanos)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfa_emulator::model::totp::{code_at, decode_secret};
    use std::cell::Cell;
    use std::task::{Context, Poll, Waker};

    /// A fixed moment (2023-11-14T22:13:20Z), mid TOTP step.
    const T0: u64 = 1_700_000_000;

    /// Drives a demo future, which must be ready at once.
    fn block_on<T>(mut future: ApiFuture<'_, T>) -> Result<T, ApiError> {
        let mut cx = Context::from_waker(Waker::noop());
        match future.as_mut().poll(&mut cx) {
            Poll::Ready(result) => result,
            Poll::Pending => panic!("a demo future was not ready at once"),
        }
    }

    /// A demo on a clock the test moves.
    fn demo() -> (DemoApi, Rc<Cell<u64>>) {
        let time = Rc::new(Cell::new(T0));
        let clock = Rc::clone(&time);
        (DemoApi::with_clock(Rc::new(move || clock.get()), 7), time)
    }

    /// The refusal of a call that must fail.
    fn refused<T>(result: Result<T, ApiError>) -> ApiError {
        match result {
            Ok(_) => panic!("the call was accepted"),
            Err(error) => error,
        }
    }

    fn list(api: &DemoApi) -> Vec<Authenticator> {
        block_on(api.list()).unwrap()
    }

    fn active(list: &[Authenticator]) -> Vec<(&str, Option<&str>)> {
        list.iter()
            .filter(|a| a.active)
            .map(|a| (a.authenticator_type.as_str(), a.oob_channel.as_deref()))
            .collect()
    }

    fn oob(oob_code: &Option<String>, binding_code: Option<&str>) -> Confirm {
        Confirm::Oob {
            oob_code: oob_code.clone().unwrap(),
            binding_code: binding_code.map(str::to_owned),
        }
    }

    #[test]
    fn otp_enrollment_round_trip() {
        let (api, _) = demo();
        assert_eq!(list(&api), []);

        let enrollment = block_on(api.associate(Associate::Otp)).unwrap();
        assert_eq!(enrollment.authenticator_type, "otp");
        let secret = enrollment.secret.clone().unwrap();
        assert_eq!(secret.len(), 32);
        let uri = enrollment.barcode_uri.clone().unwrap();
        assert!(
            uri.starts_with("otpauth://totp/mfa-manager-demo:new%40example.com?secret="),
            "{uri}"
        );
        assert!(uri.contains(&secret));
        assert_eq!(enrollment.recovery_codes.len(), 1);
        assert_eq!(enrollment.recovery_codes[0].len(), 24);
        assert!(enrollment.recovery_codes[0]
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()));
        assert_eq!(enrollment.oob_code, None);

        let pending = list(&api);
        assert_eq!(pending.len(), 1);
        assert!(!pending[0].active);
        assert!(pending[0].id.0.starts_with("totp|dev_"));

        let code = code_at(&decode_secret(&secret).unwrap(), T0);
        let confirmed = block_on(api.confirm(Confirm::Otp { otp: code })).unwrap();
        assert_eq!(confirmed.recovery_code, None);

        let after = list(&api);
        assert_eq!(
            active(&after),
            [("recovery-code", None), ("otp", None)],
            "{after:?}"
        );
        let totp = after
            .iter()
            .find(|a| a.authenticator_type == "otp")
            .unwrap();
        assert_eq!(totp.family.as_deref(), Some("otp"));
        assert_eq!(totp.id, pending[0].id);

        block_on(api.remove(totp.id.clone())).unwrap();
        let recovery = list(&api);
        assert_eq!(active(&recovery), [("recovery-code", None)]);
        block_on(api.remove(recovery[0].id.clone())).unwrap();
        assert_eq!(list(&api), []);
    }

    #[test]
    fn wrong_and_reused_otp_codes_are_refused() {
        let (api, time) = demo();
        let enrollment = block_on(api.associate(Associate::Otp)).unwrap();
        let secret = decode_secret(&enrollment.secret.unwrap()).unwrap();
        let code = code_at(&secret, T0);
        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert_eq!(
            refused(block_on(api.confirm(Confirm::Otp { otp: wrong.into() }))),
            ApiError::InvalidOtp
        );
        block_on(api.confirm(Confirm::Otp { otp: code.clone() })).unwrap();
        assert_eq!(
            refused(block_on(api.confirm(Confirm::Otp { otp: code.clone() }))),
            ApiError::InvalidOtp
        );
        // Still refused in the next step, where the code is inside the tolerated window.
        time.set(T0 + 30);
        assert_eq!(
            refused(block_on(api.confirm(Confirm::Otp { otp: code }))),
            ApiError::InvalidOtp
        );
    }

    #[test]
    fn sms_enrollment_activates_both_phone_twins() {
        let (api, _) = demo();
        let enrollment = block_on(api.associate(Associate::Sms("+14155550100".into()))).unwrap();
        assert_eq!(enrollment.authenticator_type, "oob");
        assert_eq!(enrollment.oob_channel.as_deref(), Some("sms"));
        assert_eq!(enrollment.binding_method.as_deref(), Some("prompt"));
        assert_eq!(enrollment.recovery_codes.len(), 1);
        assert_eq!(enrollment.secret, None);

        let outbox = api.outbox();
        assert_eq!(outbox.len(), 1);
        let message = &outbox[0];
        assert_eq!(message.channel, "sms");
        assert_eq!(message.to.as_deref(), Some("+14155550100"));
        assert!(!message.pending_push);
        let code = message.code.clone().unwrap();
        assert_eq!(code.len(), 6);
        assert!(code.bytes().all(|b| b.is_ascii_digit()));

        let wrong = if code == "000000" { "111111" } else { "000000" };
        assert_eq!(
            refused(block_on(
                api.confirm(oob(&enrollment.oob_code, Some(wrong)))
            )),
            ApiError::InvalidBindingCode
        );
        block_on(api.confirm(oob(&enrollment.oob_code, Some(&code)))).unwrap();

        let after = list(&api);
        assert_eq!(
            active(&after),
            [
                ("recovery-code", None),
                ("oob", Some("sms")),
                ("oob", Some("voice"))
            ],
            "{after:?}"
        );
        assert_eq!(after[1].name.as_deref(), Some("XXXXXXXX0100"));
        assert_eq!(after[1].family.as_deref(), Some("phone"));
        // Twins share their suffix and go together.
        let suffix = |a: &Authenticator| a.id.0.split_once('|').unwrap().1.to_owned();
        assert_eq!(suffix(&after[1]), suffix(&after[2]));
        block_on(api.remove(after[2].id.clone())).unwrap();
        assert_eq!(active(&list(&api)), [("recovery-code", None)]);
    }

    #[test]
    fn push_is_polled_until_answered_in_the_demo_panel() {
        let (api, time) = demo();
        let enrollment = block_on(api.associate(Associate::Push)).unwrap();
        assert_eq!(enrollment.oob_channel.as_deref(), Some("auth0"));
        assert!(enrollment
            .barcode_uri
            .as_deref()
            .unwrap()
            .contains("base_url=https%3A%2F%2Fdemo.mfa-manager.invalid"));
        let confirm = oob(&enrollment.oob_code, None);

        assert_eq!(
            refused(block_on(api.confirm(confirm.clone()))),
            ApiError::AuthorizationPending
        );
        // Polling faster than the tenant's interval is answered as the endpoint would.
        assert!(matches!(
            block_on(api.confirm(confirm.clone())),
            Err(ApiError::SlowDown { .. })
        ));

        let push = api.outbox()[0].clone();
        assert_eq!(push.channel, "push");
        assert_eq!((push.to.as_deref(), push.code.as_deref()), (None, None));
        assert!(push.pending_push);
        api.answer_push(push.id, true).unwrap();
        assert!(!api.outbox()[0].pending_push);
        assert!(api.answer_push(push.id, true).is_err());
        assert!(api.answer_push(999, true).is_err());

        time.set(T0 + 5);
        block_on(api.confirm(confirm)).unwrap();
        let after = list(&api);
        assert_eq!(
            active(&after),
            [
                ("recovery-code", None),
                ("oob", Some("auth0")),
                ("otp", None)
            ],
            "{after:?}"
        );

        // A second push request, declined on the "device".
        let second = block_on(api.associate(Associate::Push)).unwrap();
        assert!(second.recovery_codes.is_empty());
        let newest = api.outbox()[0].clone();
        assert_ne!(newest.id, push.id);
        assert!(newest.pending_push);
        api.answer_push(newest.id, false).unwrap();
        assert_eq!(
            refused(block_on(api.confirm(oob(&second.oob_code, None)))),
            ApiError::Rejected
        );
    }

    #[test]
    fn removing_an_unknown_id_is_not_found() {
        let (api, _) = demo();
        assert_eq!(
            block_on(api.remove(AuthenticatorId("totp|dev_AAAAAAAAAAAAAAAA".into()))),
            Err(ApiError::NotFound)
        );
    }

    #[test]
    fn refusals_are_the_endpoint_errors() {
        let (api, _) = demo();
        assert_eq!(
            block_on(api.associate(Associate::Voice("555-0100".into()))),
            Err(ApiError::InvalidPhoneNumber)
        );
        assert!(matches!(
            block_on(api.associate(Associate::Email("not-an-email".into()))),
            Err(ApiError::InvalidRequest(_))
        ));
        assert!(matches!(
            block_on(api.confirm(Confirm::Oob {
                oob_code: "Fe26.2*unknown".into(),
                binding_code: Some("123456".into())
            })),
            Err(ApiError::Other { status: 403, .. })
        ));
        // The error envelope is byte for byte the endpoint's.
        assert_eq!(
            api_error(&Error::AuthenticatorNotFound),
            ApiError::from_response(
                404,
                r#"{"error":"not_found","error_description":"Authenticator not found"}"#,
                None
            )
        );
        let email = block_on(api.associate(Associate::Email("me@example.org".into()))).unwrap();
        assert_eq!(email.oob_channel.as_deref(), Some("email"));
        let sent = api.outbox()[0].clone();
        assert_eq!(
            (sent.channel.as_str(), sent.to.as_deref()),
            ("email", Some("me@example.org"))
        );
    }

    #[test]
    fn the_demo_session_never_expires() {
        let (api, time) = demo();
        let enrollment = block_on(api.associate(Associate::Otp)).unwrap();
        let secret = decode_secret(&enrollment.secret.unwrap()).unwrap();
        // Far past the MFA token's 600 s life.
        let later = T0 + 3 * 3_600;
        time.set(later);
        assert_eq!(list(&api).len(), 1);
        block_on(api.confirm(Confirm::Otp {
            otp: code_at(&secret, later),
        }))
        .unwrap();
        assert_eq!(
            active(&list(&api)),
            [("recovery-code", None), ("otp", None)]
        );
    }

    #[test]
    fn debug_prints_no_secrets() {
        let (api, _) = demo();
        let enrollment = block_on(api.associate(Associate::Otp)).unwrap();
        let printed = format!("{api:?}");
        assert_eq!(printed, "DemoApi { .. }");
        assert!(!printed.contains(&enrollment.secret.unwrap()));
    }

    #[test]
    fn new_runs_on_the_real_clock_with_fresh_secrets() {
        let a = DemoApi::new();
        let b = DemoApi::default();
        let secret = |api: &DemoApi| block_on(api.associate(Associate::Otp)).unwrap().secret;
        assert_ne!(secret(&a), secret(&b));
        assert_eq!(list(&a).len(), 1);
    }
}
