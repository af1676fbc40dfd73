//! Demo mode against the real tenant model, driven directly (no module loading): every call answers as its endpoint would.

use super::*;
use crate::api::answer::Answer;
use mfa_emulator::model::outbox::{Channel, OutboxMessage};
use mfa_emulator::model::totp::{code_at, decode_secret};
use mfa_emulator::model::Error;
use std::cell::Cell;
use std::task::{Context, Poll, Waker};

/// The demo tenant module's Rust interface, standing in for its JavaScript one.
struct Direct(Rc<mfa_demo_tenant::DemoTenant>);

fn answer(a: mfa_demo_tenant::Answer) -> Answer {
    Answer {
        status: a.status,
        body: a.body,
        retry_after: a.retry_after,
        location: a.location,
    }
}

impl DemoTenant for Direct {
    fn list(&self) -> Answer {
        answer(self.0.list())
    }
    fn associate(&self, body: &str) -> Answer {
        answer(self.0.associate(body))
    }
    fn confirm_otp(&self, otp: &str) -> Answer {
        answer(self.0.confirm_otp(otp))
    }
    fn confirm_oob(&self, oob_code: &str, binding_code: Option<&str>) -> Answer {
        answer(self.0.confirm_oob(oob_code, binding_code))
    }
    fn remove(&self, id: &str) -> Answer {
        answer(self.0.remove(id))
    }
    fn my_account(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        origin: &str,
        user_agent: &str,
    ) -> Answer {
        answer(self.0.my_account(method, path, body, origin, user_agent))
    }
    fn show_outbox(&self, _: web_sys::Element, _: &OutboxTexts) {
        unreachable!("the outbox panel is drawn in the browser only")
    }
}

/// Demo mode on `tenant`, loaded already.
fn on(tenant: Rc<mfa_demo_tenant::DemoTenant>) -> DemoApi {
    let tenant: Rc<dyn DemoTenant> = Rc::new(Direct(tenant));
    DemoApi::new(std::future::ready(Ok(tenant)))
}

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

/// A demo on a clock the test moves, with its tenant for a look at the outbox.
fn demo() -> (DemoApi, Rc<Cell<u64>>, Rc<mfa_demo_tenant::DemoTenant>) {
    let time = Rc::new(Cell::new(T0));
    let clock = Rc::clone(&time);
    let tenant = Rc::new(mfa_demo_tenant::DemoTenant::with_clock(
        Rc::new(move || clock.get()),
        7,
    ));
    (on(Rc::clone(&tenant)), time, tenant)
}

/// What the tenant "sent", newest first, as its outbox panel lists it.
fn outbox(tenant: &mfa_demo_tenant::DemoTenant) -> Vec<OutboxMessage> {
    serde_json::from_str(&tenant.outbox()).unwrap()
}

/// Answers a push request as the outbox panel's buttons do.
fn answer_push(tenant: &mfa_demo_tenant::DemoTenant, id: u64, approve: bool) -> Option<String> {
    tenant.answer_push(u32::try_from(id).unwrap(), approve)
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
    let (api, _, _) = demo();
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
    let (api, time, _) = demo();
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
    let (api, _, tenant) = demo();
    let enrollment = block_on(api.associate(Associate::Sms("+14155550100".into()))).unwrap();
    assert_eq!(enrollment.authenticator_type, "oob");
    assert_eq!(enrollment.oob_channel.as_deref(), Some("sms"));
    assert_eq!(enrollment.binding_method.as_deref(), Some("prompt"));
    assert_eq!(enrollment.recovery_codes.len(), 1);
    assert_eq!(enrollment.secret, None);

    let outbox = outbox(&tenant);
    assert_eq!(outbox.len(), 1);
    let message = &outbox[0];
    assert_eq!(message.channel, Channel::Sms);
    assert_eq!(message.to.as_deref(), Some("+14155550100"));
    assert!(!message.awaits_answer());
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
    let (api, time, tenant) = demo();
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

    let push = outbox(&tenant)[0].clone();
    assert_eq!(push.channel, Channel::Push);
    assert_eq!((push.to.as_deref(), push.code.as_deref()), (None, None));
    assert!(push.awaits_answer());
    assert_eq!(answer_push(&tenant, push.id, true), None);
    assert!(!outbox(&tenant)[0].awaits_answer());
    assert!(answer_push(&tenant, push.id, true).is_some());
    assert!(answer_push(&tenant, 999, true).is_some());

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
    let newest = outbox(&tenant)[0].clone();
    assert_ne!(newest.id, push.id);
    assert!(newest.awaits_answer());
    assert_eq!(answer_push(&tenant, newest.id, false), None);
    assert_eq!(
        refused(block_on(api.confirm(oob(&second.oob_code, None)))),
        ApiError::Rejected
    );
}

#[test]
fn removing_an_unknown_id_is_not_found() {
    let (api, _, _) = demo();
    assert_eq!(
        block_on(api.remove(AuthenticatorId("totp|dev_AAAAAAAAAAAAAAAA".into()))),
        Err(ApiError::NotFound)
    );
}

#[test]
fn refusals_are_the_endpoint_errors() {
    let (api, _, tenant) = demo();
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
        answer(mfa_demo_tenant::refusal(&Error::AuthenticatorNotFound)),
        Answer {
            status: 404,
            body: r#"{"error":"not_found","error_description":"Authenticator not found"}"#.into(),
            retry_after: None,
            location: None,
        }
    );
    let email = block_on(api.associate(Associate::Email("me@example.org".into()))).unwrap();
    assert_eq!(email.oob_channel.as_deref(), Some("email"));
    let sent = outbox(&tenant)[0].clone();
    assert_eq!(
        (sent.channel, sent.to.as_deref()),
        (Channel::Email, Some("me@example.org"))
    );
}

#[test]
fn the_demo_session_never_expires() {
    let (api, time, _) = demo();
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
    let (api, _, _) = demo();
    let enrollment = block_on(api.associate(Associate::Otp)).unwrap();
    let printed = format!("{api:?}");
    assert_eq!(printed, "DemoApi { .. }");
    assert!(!printed.contains(&enrollment.secret.unwrap()));
    assert_eq!(
        format!("{:?}", mfa_demo_tenant::DemoTenant::new()),
        "DemoTenant { .. }"
    );
}

#[test]
fn a_tenant_that_does_not_load_is_reported_by_every_call() {
    let api = DemoApi::new(std::future::ready(Err("HTTP 404".to_owned())));
    assert_eq!(
        block_on(api.list()),
        Err(ApiError::DemoUnavailable("HTTP 404".into()))
    );
}

#[test]
fn new_runs_on_the_real_clock_with_fresh_secrets() {
    let a = on(Rc::new(mfa_demo_tenant::DemoTenant::new()));
    let b = on(Rc::new(mfa_demo_tenant::DemoTenant::default()));
    let secret = |api: &DemoApi| block_on(api.associate(Associate::Otp)).unwrap().secret;
    assert_ne!(secret(&a), secret(&b));
    assert_eq!(list(&a).len(), 1);
}

/// Demo mode on the My Account API (`?demo&api=my-account`): the client sends each call to
/// the in-page tenant as it would over HTTP.
mod my_account {
    use super::*;
    use crate::api::my_account::MyAccountApi;

    fn block<T>(future: ApiFuture<'_, T>) -> T {
        block_on(future).unwrap()
    }

    #[test]
    fn methods_are_enrolled_renamed_given_a_recovery_code_and_removed() {
        let (demo, time, _) = demo();
        let api = MyAccountApi::over(Rc::new(demo));
        assert!(api.features().passkeys && api.features().rename);
        assert_eq!(block(api.list()), []);
        let enrollment = block(api.associate(Associate::Otp));
        let secret = decode_secret(&enrollment.secret.unwrap()).unwrap();
        let wrong = refused(block_on(api.confirm(Confirm::Otp {
            otp: "000000".into(),
        })));
        assert_eq!(wrong, ApiError::InvalidOtp);
        let otp = code_at(&secret, time.get());
        let confirmed = block(api.confirm(Confirm::Otp { otp }));
        assert_eq!(
            confirmed.recovery_code, None,
            "no write the user did not ask for"
        );
        let listed = block(api.list());
        assert_eq!(listed.len(), 1);
        let app = &listed[0];
        assert!(
            app.active && app.renamable && app.created_at.is_some(),
            "{app:?}"
        );
        block(api.rename(app.id.clone(), "Phone app".into()));
        assert_eq!(block(api.list())[0].nickname.as_deref(), Some("Phone app"));
        let code = block(api.add_recovery_code());
        assert_eq!(code.len(), 24, "{code}");
        let kinds: Vec<String> = block(api.list())
            .into_iter()
            .map(|a| a.authenticator_type)
            .collect();
        assert_eq!(kinds, ["otp", "recovery-code"]);
        block(api.remove(app.id.clone()));
        assert_eq!(
            refused(block_on(api.remove(app.id.clone()))),
            ApiError::NotFound
        );
    }

    #[test]
    fn a_passkey_enrollment_starts_with_creation_options_for_the_page() {
        let (demo, _, _) = demo();
        let api = MyAccountApi::over(Rc::new(demo));
        let challenge = block(api.start_passkey());
        let options: serde_json::Value = serde_json::from_str(&challenge.options).unwrap();
        assert_eq!(options["rp"]["id"], "app.example", "{options}");
        assert!(options["challenge"].as_str().is_some_and(|c| c.len() >= 43));
        assert_eq!(options["authenticatorSelection"]["residentKey"], "required");
    }
}
