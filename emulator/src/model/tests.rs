//! Scenario tests of the tenant model: whole flows with the clock passed in.

use crate::model::authorize::{AuthorizeParams, Progress, Step};
use crate::model::delivery::AuthorizeResponse;
use crate::model::enrollment::AssociateRequest;
use crate::model::error::Error;
use crate::model::mfa_settings::MfaPolicy;
use crate::model::outbox::{Channel, DeliveryStatus};
use crate::model::pkce::challenge_s256;
use crate::model::seed::{self, default_tenant};
use crate::model::tenant::{Domain, Domains, Tenant};
use crate::model::tokens::{AccessClaims, TokenSet};
use crate::model::totp::{code_at, decode_secret};

pub(super) const T0: u64 = 1_700_000_010;
const ORIGIN: &str = "http://127.0.0.1:8080";
const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

pub(super) fn tenant() -> Tenant {
    default_tenant(
        &[ORIGIN.to_owned()],
        Domains::local("127.0.0.1:4000"),
        42,
        T0,
    )
}

pub(super) fn params(tenant: &Tenant, prompt: Option<&str>) -> AuthorizeParams {
    AuthorizeParams {
        client_id: Some(seed::CLIENT_ID.into()),
        redirect_uri: Some(format!("{ORIGIN}/")),
        response_type: Some("code".into()),
        scope: Some("openid profile email enroll read:authenticators remove:authenticators".into()),
        audience: Some(tenant.mfa_audience()),
        state: Some("st".into()),
        nonce: Some("n".into()),
        code_challenge: Some(challenge_s256(VERIFIER)),
        code_challenge_method: Some("S256".into()),
        prompt: prompt.map(str::to_owned),
        ..AuthorizeParams::default()
    }
}

pub(super) fn code_of(progress: &Progress) -> String {
    match &progress.step {
        Step::Deliver(d) => match &d.response {
            AuthorizeResponse::Code(code) => code.clone(),
            other => panic!("expected a code, got {other:?}"),
        },
        other => panic!("expected a delivery, got {other:?}"),
    }
}

pub(super) fn transaction_of(progress: &Progress) -> String {
    match &progress.step {
        Step::Login { transaction, .. }
        | Step::SecondFactor { transaction, .. }
        | Step::NewRecoveryCode { transaction, .. } => transaction.clone(),
        other => panic!("expected a page, got {other:?}"),
    }
}

/// Exchanges `code` as the seeded SPA with the test verifier, on `domain`.
pub(super) fn exchange(
    tenant: &mut Tenant,
    code: &str,
    domain: Domain,
    now: u64,
) -> Result<TokenSet, Error> {
    tenant.exchange_code(
        seed::CLIENT_ID,
        Some(code),
        Some(VERIFIER),
        None,
        domain,
        now,
    )
}

/// Logs in through /authorize and exchanges the code; returns tokens and the session id.
fn login(tenant: &mut Tenant, email: &str, now: u64) -> (TokenSet, String) {
    let params = params(tenant, None);
    login_with(tenant, &params, email, now)
}

/// [`login`] with the given /authorize parameters.
fn login_with(
    tenant: &mut Tenant,
    params: &AuthorizeParams,
    email: &str,
    now: u64,
) -> (TokenSet, String) {
    let started = tenant.authorize(params, None, now).unwrap();
    let tx = transaction_of(&started);
    let mut progress = tenant
        .submit_password(&tx, email, seed::PASSWORD, now)
        .unwrap();
    let session = progress.new_session.clone().unwrap();
    if let Step::SecondFactor { .. } = progress.step {
        let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
        progress = tenant
            .submit_second_factor(&tx, &code_at(&secret, now), now)
            .unwrap();
    }
    let code = code_of(&progress);
    let tokens = exchange(tenant, &code, Domain::Canonical, now).unwrap();
    (tokens, session)
}

fn ids(tenant: &mut Tenant, claims: &AccessClaims, now: u64) -> Vec<(String, bool)> {
    tenant
        .list_authenticators(claims, now)
        .unwrap()
        .into_iter()
        .map(|v| (v.id, v.active))
        .collect()
}

fn otp_request() -> AssociateRequest {
    AssociateRequest {
        authenticator_types: vec!["otp".into()],
        ..AssociateRequest::default()
    }
}

/// An OOB enrollment on `channel`; `to` is the phone number (sms, voice) or the email.
fn oob_request(channel: &str, to: Option<&str>) -> AssociateRequest {
    let to = to.map(str::to_owned);
    let (phone_number, email) = match channel {
        "email" => (None, to),
        _ => (to, None),
    };
    AssociateRequest {
        authenticator_types: vec!["oob".into()],
        oob_channels: vec![channel.into()],
        phone_number,
        email,
    }
}

#[test]
fn mfa_token_valid_at_599_seconds_and_expired_at_601() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    assert_eq!(tokens.expires_in, 600);
    assert_eq!(tokens.access.exp, T0 + 600);
    assert!(tenant.list_authenticators(&tokens.access, T0 + 599).is_ok());
    assert_eq!(
        tenant.list_authenticators(&tokens.access, T0 + 601),
        Err(Error::InvalidBearer)
    );
    let e = tenant.exchange_otp(
        seed::CLIENT_ID,
        &tokens.access,
        Some("123456"),
        Domain::Canonical,
        T0 + 601,
    );
    assert_eq!(e, Err(Error::MfaTokenExpired));
}

#[test]
fn authorization_code_is_single_use_and_short_lived() {
    let mut tenant = tenant();
    let (_, session) = login(&mut tenant, seed::NEW_USER, T0);
    let code = code_of(
        &tenant
            .authorize(&params(&tenant, Some("none")), Some(&session), T0)
            .unwrap(),
    );
    let exchange = |t: &mut Tenant, code: &str, now| exchange(t, code, Domain::Canonical, now);
    assert!(exchange(&mut tenant, &code, T0 + 1).is_ok());
    assert_eq!(
        exchange(&mut tenant, &code, T0 + 2),
        Err(Error::InvalidAuthorizationCode)
    );
    let late = code_of(
        &tenant
            .authorize(&params(&tenant, Some("none")), Some(&session), T0)
            .unwrap(),
    );
    assert_eq!(
        exchange(&mut tenant, &late, T0 + 60),
        Err(Error::InvalidAuthorizationCode)
    );
}

#[test]
fn authorization_code_is_bound_to_verifier_client_and_redirect_uri() {
    let mut tenant = tenant();
    let (_, session) = login(&mut tenant, seed::NEW_USER, T0);
    let fresh = |t: &mut Tenant| {
        code_of(
            &t.authorize(&params(t, Some("none")), Some(&session), T0)
                .unwrap(),
        )
    };
    let code = fresh(&mut tenant);
    let wrong_verifier = tenant.exchange_code(
        seed::CLIENT_ID,
        Some(&code),
        Some("x".repeat(43).as_str()),
        None,
        Domain::Canonical,
        T0,
    );
    assert_eq!(wrong_verifier, Err(Error::CodeVerifierMismatch));
    let code = fresh(&mut tenant);
    let wrong_client = tenant.exchange_code(
        "other",
        Some(&code),
        Some(VERIFIER),
        None,
        Domain::Canonical,
        T0,
    );
    assert_eq!(wrong_client, Err(Error::InvalidAuthorizationCode));
    let code = fresh(&mut tenant);
    let wrong_uri = tenant.exchange_code(
        seed::CLIENT_ID,
        Some(&code),
        Some(VERIFIER),
        Some("http://127.0.0.1:8080/x"),
        Domain::Canonical,
        T0,
    );
    assert_eq!(wrong_uri, Err(Error::RedirectUriMismatch));
}

#[test]
fn id_token_carries_nonce_and_issuer_of_the_host_used() {
    let mut tenant = tenant();
    let (_, session) = login(&mut tenant, seed::NEW_USER, T0);
    let code = code_of(
        &tenant
            .authorize(&params(&tenant, Some("none")), Some(&session), T0)
            .unwrap(),
    );
    let tokens = exchange(&mut tenant, &code, Domain::Custom, T0).unwrap();
    let id = tokens.id.unwrap();
    assert_eq!(id.iss, "http://localhost:4000/");
    assert_eq!(id.nonce.as_deref(), Some("n"));
    assert_eq!(id.aud, seed::CLIENT_ID);
    assert!(tokens.access.aud.contains("http://127.0.0.1:4000/mfa/"));
    assert!(tokens.access.aud.contains("http://localhost:4000/userinfo"));
}

#[test]
fn first_enrollment_yields_a_recovery_code_confirmed_with_the_totp() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    assert!(ids(&mut tenant, &tokens.access, T0).is_empty());
    let enrollment = tenant
        .associate(&tokens.access, &otp_request(), T0)
        .unwrap();
    let recovery = enrollment.recovery_codes.clone().unwrap();
    assert_eq!(recovery.len(), 1);
    let secret_b32 = enrollment.secret.clone().unwrap();
    assert_eq!(secret_b32.len(), 32);
    assert_eq!(
        enrollment.barcode_uri.as_deref().unwrap(),
        format!("otpauth://totp/mfa-emulator:new%40example.com?secret={secret_b32}&issuer=mfa-emulator&algorithm=SHA1&digits=6&period=30")
    );
    let listed = ids(&mut tenant, &tokens.access, T0);
    assert_eq!(listed.len(), 1);
    assert!(!listed[0].1, "pending until confirmed");

    let secret = decode_secret(&secret_b32).unwrap();
    let confirmed = tenant
        .exchange_otp(
            seed::CLIENT_ID,
            &tokens.access,
            Some(&code_at(&secret, T0)),
            Domain::Canonical,
            T0,
        )
        .unwrap();
    assert_eq!(confirmed.expires_in, 600);
    let listed = ids(&mut tenant, &tokens.access, T0);
    assert_eq!(listed.len(), 2);
    assert!(listed[0].0.starts_with("recovery-code|dev_"));
    assert!(listed.iter().all(|(_, active)| *active));

    // The same code cannot be used twice.
    let replay = tenant.exchange_otp(
        seed::CLIENT_ID,
        &tokens.access,
        Some(&code_at(&secret, T0)),
        Domain::Canonical,
        T0,
    );
    assert_eq!(replay, Err(Error::InvalidOtp));

    // A second enrollment gets no recovery code.
    let second = tenant
        .associate(&tokens.access, &otp_request(), T0)
        .unwrap();
    assert_eq!(second.recovery_codes, None);
}

#[test]
fn recovery_code_rotates_when_used() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    let used = tenant
        .exchange_recovery_code(
            seed::CLIENT_ID,
            &tokens.access,
            Some(seed::ENROLLED_RECOVERY_CODE),
            Domain::Canonical,
            T0,
        )
        .unwrap();
    let new_code = used.recovery_code.unwrap();
    assert_ne!(new_code, seed::ENROLLED_RECOVERY_CODE);
    assert!(crate::model::recovery::is_well_formed(&new_code));
    let again = tenant.exchange_recovery_code(
        seed::CLIENT_ID,
        &tokens.access,
        Some(seed::ENROLLED_RECOVERY_CODE),
        Domain::Canonical,
        T0,
    );
    assert_eq!(again, Err(Error::MfaRejected));
    assert!(tenant
        .exchange_recovery_code(
            seed::CLIENT_ID,
            &tokens.access,
            Some(&new_code),
            Domain::Canonical,
            T0
        )
        .is_ok());
}

#[test]
fn twins_are_confirmed_and_deleted_together() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    let request = oob_request("sms", Some("+14155550100"));
    let enrollment = tenant.associate(&tokens.access, &request, T0).unwrap();
    assert_eq!(enrollment.binding_method, Some("prompt"));
    let listed = ids(&mut tenant, &tokens.access, T0);
    let suffix = |id: &str| id.split_once('|').unwrap().1.to_owned();
    assert_eq!(listed.len(), 2);
    assert!(listed[0].0.starts_with("sms|dev_") && listed[1].0.starts_with("voice|dev_"));
    assert_eq!(suffix(&listed[0].0), suffix(&listed[1].0));

    let sent = tenant.outbox().last().unwrap().clone();
    assert_eq!(
        (sent.channel, sent.to.as_deref()),
        (Channel::Sms, Some("+14155550100"))
    );
    let oob = enrollment.oob_code.unwrap();
    let wrong = tenant.exchange_oob(
        seed::CLIENT_ID,
        &tokens.access,
        Some(&oob),
        Some("000000"),
        Domain::Canonical,
        T0,
    );
    let wrong_expected = if sent.code.as_deref() == Some("000000") {
        Ok(())
    } else {
        Err(Error::InvalidBindingCode)
    };
    assert_eq!(wrong.map(|_| ()), wrong_expected);
    tenant
        .exchange_oob(
            seed::CLIENT_ID,
            &tokens.access,
            Some(&oob),
            sent.code.as_deref(),
            Domain::Canonical,
            T0,
        )
        .unwrap();
    // Single use.
    let replay = tenant.exchange_oob(
        seed::CLIENT_ID,
        &tokens.access,
        Some(&oob),
        sent.code.as_deref(),
        Domain::Canonical,
        T0,
    );
    assert_eq!(replay, Err(Error::InvalidOobCode));
    let listed = ids(&mut tenant, &tokens.access, T0);
    assert!(listed.iter().all(|(_, active)| *active), "{listed:?}");
    assert_eq!(listed.len(), 3, "recovery code + twins");

    tenant
        .delete_authenticator(&tokens.access, &listed[2].0, T0)
        .unwrap();
    let listed = ids(&mut tenant, &tokens.access, T0);
    assert_eq!(
        listed.len(),
        1,
        "deleting voice also deleted sms: {listed:?}"
    );
}

#[test]
fn push_enrollment_creates_an_otp_twin_and_follows_the_harness() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    let request = oob_request("auth0", None);
    let enrollment = tenant.associate(&tokens.access, &request, T0).unwrap();
    assert!(enrollment
        .barcode_uri
        .unwrap()
        .contains("enrollment_tx_id="));
    let oob = enrollment.oob_code.unwrap();
    let poll = |t: &mut Tenant, now| {
        t.exchange_oob(
            seed::CLIENT_ID,
            &tokens.access,
            Some(&oob),
            None,
            Domain::Canonical,
            now,
        )
    };
    assert_eq!(poll(&mut tenant, T0), Err(Error::AuthorizationPending));
    assert_eq!(poll(&mut tenant, T0 + 1), Err(Error::SlowDown));
    let push = tenant.outbox().last().unwrap().clone();
    assert_eq!(
        (push.channel, push.status),
        (Channel::Push, DeliveryStatus::Pending)
    );
    tenant.answer_push(push.id, true).unwrap();
    assert!(poll(&mut tenant, T0 + 10).is_ok());
    let listed = ids(&mut tenant, &tokens.access, T0 + 10);
    assert!(listed
        .iter()
        .any(|(id, active)| id.starts_with("push|") && *active));
    assert!(listed
        .iter()
        .any(|(id, active)| id.starts_with("totp|") && *active));
    let totp = listed
        .iter()
        .find(|(id, _)| id.starts_with("totp|"))
        .unwrap()
        .0
        .clone();
    tenant
        .delete_authenticator(&tokens.access, &totp, T0 + 10)
        .unwrap();
    assert_eq!(
        ids(&mut tenant, &tokens.access, T0 + 10).len(),
        1,
        "only the recovery code is left"
    );
}

#[test]
fn rejected_push_is_reported_once() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    let request = oob_request("auth0", None);
    let oob = tenant
        .associate(&tokens.access, &request, T0)
        .unwrap()
        .oob_code
        .unwrap();
    let id = tenant.outbox().last().unwrap().id;
    tenant.answer_push(id, false).unwrap();
    let poll = |t: &mut Tenant| {
        t.exchange_oob(
            seed::CLIENT_ID,
            &tokens.access,
            Some(&oob),
            None,
            Domain::Canonical,
            T0 + 5,
        )
    };
    assert_eq!(poll(&mut tenant), Err(Error::MfaRejected));
    assert_eq!(poll(&mut tenant), Err(Error::InvalidOobCode));
}

#[test]
fn oob_code_expires_after_five_minutes() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    let request = oob_request("email", Some("someone@example.org"));
    let oob = tenant
        .associate(&tokens.access, &request, T0)
        .unwrap()
        .oob_code
        .unwrap();
    let code = tenant.outbox().last().unwrap().code.clone();
    let late = tenant.exchange_oob(
        seed::CLIENT_ID,
        &tokens.access,
        Some(&oob),
        code.as_deref(),
        Domain::Canonical,
        T0 + 300,
    );
    assert_eq!(late, Err(Error::OobCodeExpired));
}

#[test]
fn failed_codes_hit_the_bucket_and_refill() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
    let good = code_at(&secret, T0 + 60);
    let wrong = if good == "000000" { "111111" } else { "000000" };
    for _ in 0..10 {
        let e = tenant.exchange_otp(
            seed::CLIENT_ID,
            &tokens.access,
            Some(wrong),
            Domain::Canonical,
            T0 + 60,
        );
        assert_eq!(e, Err(Error::InvalidOtp));
    }
    let locked = tenant.exchange_otp(
        seed::CLIENT_ID,
        &tokens.access,
        Some(&good),
        Domain::Canonical,
        T0 + 60,
    );
    let Err(Error::TooManyAttempts(limit)) = locked else {
        panic!("expected lockout, got {locked:?}")
    };
    assert_eq!((limit.limit, limit.remaining), (10, 0));
    assert_eq!(limit.retry_after, 360);
    // One token is back after 6 minutes (the MFA token itself must still be valid: re-login).
    let (fresh, _) = login_without_mfa_check(&mut tenant, T0 + 420);
    let good = code_at(&secret, T0 + 420);
    assert!(tenant
        .exchange_otp(
            seed::CLIENT_ID,
            &fresh.access,
            Some(&good),
            Domain::Canonical,
            T0 + 420
        )
        .is_ok());
}

/// A session-less login of the enrolled user using a recovery code at the prompt.
fn login_without_mfa_check(tenant: &mut Tenant, now: u64) -> (TokenSet, String) {
    let started = tenant.authorize(&params(tenant, None), None, now).unwrap();
    let tx = transaction_of(&started);
    let progress = tenant
        .submit_password(&tx, seed::ENROLLED_USER, seed::PASSWORD, now)
        .unwrap();
    let session = progress.new_session.clone().unwrap();
    let recovery = tenant
        .user(seed::ENROLLED_USER_ID)
        .unwrap()
        .recovery
        .clone()
        .unwrap()
        .code;
    let shown = tenant.submit_second_factor(&tx, &recovery, now).unwrap();
    assert!(matches!(shown.step, Step::NewRecoveryCode { .. }));
    let code = code_of(&tenant.resume(&tx, now).unwrap());
    let tokens = exchange(tenant, &code, Domain::Canonical, now).unwrap();
    (tokens, session)
}

#[test]
fn prompt_none_needs_a_session_and_completed_mfa() {
    let mut tenant = tenant();
    let none = params(&tenant, Some("none"));
    let error_of = |p: &Progress| match &p.step {
        Step::Deliver(d) => match &d.response {
            AuthorizeResponse::Error { error, description } => (*error, description.clone()),
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    };
    let no_session = tenant.authorize(&none, None, T0).unwrap();
    assert_eq!(
        error_of(&no_session),
        ("login_required", "Login required".to_owned())
    );

    // Password only: a session without MFA.
    let tx = transaction_of(&tenant.authorize(&params(&tenant, None), None, T0).unwrap());
    let progress = tenant
        .submit_password(&tx, seed::ENROLLED_USER, seed::PASSWORD, T0)
        .unwrap();
    assert!(matches!(progress.step, Step::SecondFactor { .. }));
    let session = progress.new_session.unwrap();
    let mfa = tenant.authorize(&none, Some(&session), T0).unwrap();
    assert_eq!(
        error_of(&mfa),
        (
            "login_required",
            "Multifactor authentication required".to_owned()
        )
    );

    // With the default policy `always`, the app audience needs the second factor too.
    let mut app = none.clone();
    app.audience = Some(seed::APP_AUDIENCE.into());
    assert_eq!(
        error_of(&tenant.authorize(&app, Some(&session), T0).unwrap()),
        (
            "login_required",
            "Multifactor authentication required".to_owned()
        )
    );

    // The MFA path on the custom domain is not an API.
    let mut custom = none.clone();
    custom.audience = Some("http://localhost:4000/mfa/".into());
    assert_eq!(
        error_of(&tenant.authorize(&custom, Some(&session), T0).unwrap()),
        (
            "access_denied",
            "Service not found: http://localhost:4000/mfa/".to_owned()
        )
    );

    tenant.clear_sessions();
    assert_eq!(
        error_of(&tenant.authorize(&app, Some(&session), T0).unwrap()).0,
        "login_required"
    );
}

#[test]
fn second_factor_prompt_rejects_wrong_codes_and_pending_enrollments() {
    let mut tenant = tenant();
    let tx = transaction_of(&tenant.authorize(&params(&tenant, None), None, T0).unwrap());
    let wrong_password = tenant
        .submit_password(&tx, seed::ENROLLED_USER, "wrong", T0)
        .unwrap();
    assert!(matches!(
        wrong_password.step,
        Step::Login {
            error: Some(ref error),
            ..
        } if error == "Wrong email or password."
    ));
    tenant
        .submit_password(&tx, seed::ENROLLED_USER, seed::PASSWORD, T0)
        .unwrap();
    let pending = decode_secret(seed::ENROLLED_PENDING_TOTP_SECRET).unwrap();
    let refused = tenant
        .submit_second_factor(&tx, &code_at(&pending, T0), T0)
        .unwrap();
    assert!(matches!(
        refused.step,
        Step::SecondFactor {
            error: Some("Invalid code"),
            ..
        }
    ));
    let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
    code_of(
        &tenant
            .submit_second_factor(&tx, &code_at(&secret, T0), T0)
            .unwrap(),
    );
}

#[test]
fn verified_email_is_listed_but_not_deletable() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    let listed = tenant.list_authenticators(&tokens.access, T0).unwrap();
    let kinds: Vec<&str> = listed
        .iter()
        .map(|v| v.id.split('|').next().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["recovery-code", "totp", "sms", "voice", "totp", "email"]
    );
    assert!(!listed[4].active);
    let email = listed[5].clone();
    assert_eq!(email.name.as_deref(), Some("enro****@exampl*****"));
    assert_eq!(
        tenant.delete_authenticator(&tokens.access, &email.id, T0),
        Err(Error::VerifiedEmailNotDeletable)
    );
    assert_eq!(
        tenant.delete_authenticator(&tokens.access, "totp|dev_AAAAAAAAAAAAAAAA", T0),
        Err(Error::AuthenticatorNotFound)
    );
    tenant
        .delete_authenticator(&tokens.access, "sms%7Cdev_SeededPhoneTwins", T0)
        .unwrap();
    assert_eq!(
        tenant
            .list_authenticators(&tokens.access, T0)
            .unwrap()
            .len(),
        4
    );
}

#[test]
fn pending_enrollments_expire_after_a_day() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    tenant
        .associate(&tokens.access, &otp_request(), T0)
        .unwrap();
    let (later, _) = login(&mut tenant, seed::NEW_USER, T0 + 86_400);
    assert!(ids(&mut tenant, &later.access, T0 + 86_400).is_empty());
}

#[test]
fn scopes_are_enforced() {
    let mut tenant = tenant();
    let mut p = params(&tenant, None);
    p.scope = Some("openid read:authenticators".into());
    let (tokens, _) = login_with(&mut tenant, &p, seed::NEW_USER, T0);
    assert!(tenant.list_authenticators(&tokens.access, T0).is_ok());
    assert_eq!(
        tenant.associate(&tokens.access, &otp_request(), T0),
        Err(Error::InsufficientScope("enroll"))
    );
    assert_eq!(
        tenant.delete_authenticator(&tokens.access, "x", T0),
        Err(Error::InsufficientScope("remove:authenticators"))
    );
}

#[test]
fn app_audience_tokens_are_not_mfa_tokens() {
    let mut tenant = tenant();
    let mut p = params(&tenant, None);
    p.audience = Some(seed::APP_AUDIENCE.into());
    p.scope = Some("openid read:messages".into());
    let (tokens, _) = login_with(&mut tenant, &p, seed::NEW_USER, T0);
    assert_eq!(tokens.expires_in, 86_400);
    assert_eq!(tokens.scope, "openid read:messages");
    assert_eq!(
        tenant.list_authenticators(&tokens.access, T0),
        Err(Error::InvalidBearer)
    );
    let e = tenant.exchange_otp(
        seed::CLIENT_ID,
        &tokens.access,
        Some("123456"),
        Domain::Canonical,
        T0,
    );
    assert_eq!(e, Err(Error::MfaTokenInvalidAudience));
}

#[test]
fn challenge_sends_codes_to_enrolled_factors() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    let otp = tenant
        .challenge(seed::CLIENT_ID, &tokens.access, None, None, T0)
        .unwrap();
    assert_eq!(otp.challenge_type, "otp");
    let sms = tenant
        .challenge(
            seed::CLIENT_ID,
            &tokens.access,
            Some("oob"),
            Some(seed::ENROLLED_SMS_ID),
            T0,
        )
        .unwrap();
    assert_eq!(
        (sms.challenge_type, sms.binding_method),
        ("oob", Some("prompt"))
    );
    let sent = tenant.outbox().last().unwrap().clone();
    assert_eq!(sent.authenticator_id, seed::ENROLLED_SMS_ID);
    tenant
        .exchange_oob(
            seed::CLIENT_ID,
            &tokens.access,
            sms.oob_code.as_deref(),
            sent.code.as_deref(),
            Domain::Canonical,
            T0,
        )
        .unwrap();
    let (fresh, _) = login(&mut tenant, seed::NEW_USER, T0);
    assert_eq!(
        tenant.challenge(seed::CLIENT_ID, &fresh.access, None, None, T0),
        Err(Error::AssociationRequired)
    );
}

#[test]
fn sms_sends_are_rate_limited() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::ENROLLED_USER, T0);
    for _ in 0..10 {
        tenant
            .challenge(
                seed::CLIENT_ID,
                &tokens.access,
                Some("oob"),
                Some(seed::ENROLLED_SMS_ID),
                T0,
            )
            .unwrap();
    }
    let limited = tenant.challenge(
        seed::CLIENT_ID,
        &tokens.access,
        Some("oob"),
        Some(seed::ENROLLED_VOICE_ID),
        T0,
    );
    assert!(matches!(limited, Err(Error::RateLimited(limit)) if limit.retry_after == 3_600));
}

#[test]
fn tokens_can_be_issued_in_process() {
    let mut tenant = tenant();
    let tokens = tenant
        .issue_tokens_for(
            seed::ENROLLED_USER,
            seed::CLIENT_ID,
            Some("http://127.0.0.1:4000/mfa/"),
            "openid enroll read:authenticators",
            Domain::Canonical,
            T0,
        )
        .unwrap();
    assert_eq!(tokens.scope, "openid enroll read:authenticators");
    assert_eq!(
        tenant
            .list_authenticators(&tokens.access, T0)
            .unwrap()
            .len(),
        6
    );
    assert!(tenant
        .issue_tokens_for(
            "nobody@example.com",
            seed::CLIENT_ID,
            None,
            "openid",
            Domain::Canonical,
            T0
        )
        .is_none());
}

#[test]
fn policy_never_enforces_mfa_only_for_the_mfa_audience() {
    let mut description = seed::default_seed(&[ORIGIN.to_owned()]);
    description.mfa_policy = MfaPolicy::Never;
    let mut tenant =
        Tenant::from_seed(&description, Domains::local("127.0.0.1:4000"), 1, T0).unwrap();
    let mut app = params(&tenant, None);
    app.audience = Some(seed::APP_AUDIENCE.into());
    let tx = transaction_of(&tenant.authorize(&app, None, T0).unwrap());
    let done = tenant
        .submit_password(&tx, seed::ENROLLED_USER, seed::PASSWORD, T0)
        .unwrap();
    code_of(&done);
    let session = done.new_session.unwrap();
    let mfa = tenant
        .authorize(&params(&tenant, Some("none")), Some(&session), T0)
        .unwrap();
    assert!(
        matches!(mfa.step, Step::Deliver(ref d) if matches!(d.response, AuthorizeResponse::Error { error: "login_required", .. }))
    );
}

#[test]
fn users_without_an_app_get_a_login_code_by_sms() {
    let mut tenant = tenant();
    let (tokens, _) = login(&mut tenant, seed::NEW_USER, T0);
    let request = oob_request("sms", Some("+14155550100"));
    let oob = tenant
        .associate(&tokens.access, &request, T0)
        .unwrap()
        .oob_code;
    let code = tenant.outbox().last().unwrap().code.clone();
    tenant
        .exchange_oob(
            seed::CLIENT_ID,
            &tokens.access,
            oob.as_deref(),
            code.as_deref(),
            Domain::Canonical,
            T0,
        )
        .unwrap();

    let tx = transaction_of(
        &tenant
            .authorize(&params(&tenant, None), None, T0 + 1)
            .unwrap(),
    );
    let prompt = tenant
        .submit_password(&tx, seed::NEW_USER, seed::PASSWORD, T0 + 1)
        .unwrap();
    let Step::SecondFactor { sent_to, .. } = &prompt.step else {
        panic!("expected the second-factor prompt, got {:?}", prompt.step)
    };
    assert_eq!(sent_to.as_deref(), Some("XXXXXXXX0100"));
    let sent = tenant.outbox().last().unwrap().clone();
    assert_eq!(
        (sent.channel, sent.authenticator_id.starts_with("sms|")),
        (Channel::Sms, true)
    );
    code_of(
        &tenant
            .submit_second_factor(&tx, sent.code.as_deref().unwrap(), T0 + 1)
            .unwrap(),
    );
}
