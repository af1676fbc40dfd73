//! Scenario tests of the My Account API model: whole calls with claims built in the test (the
//! server's tests cover signed tokens and headers).

use serde_json::{json, Value};

use crate::model::api::MY_ACCOUNT_SCOPES;
use crate::model::my_account::{MeBody, MeRequest, MeResponse, MeToken, Plan, Problem};
use crate::model::outbox::Channel;
use crate::model::seed::{self, default_tenant};
use crate::model::tenant::{Domain, Domains, Tenant};
use crate::model::tokens::{AccessClaims, Audiences};
use crate::model::totp::{code_at, decode_secret};

pub(super) const T0: u64 = 1_700_000_010;
pub(super) const ORIGIN: &str = "http://localhost:8080";

pub(super) fn tenant() -> Tenant {
    default_tenant(
        &[ORIGIN.to_owned()],
        Domains::local("127.0.0.1:4000"),
        7,
        T0,
    )
}

/// Claims of a `/me/` token on the custom domain with `scopes`.
pub(super) fn claims_with(tenant: &Tenant, user_id: &str, scopes: &[&str]) -> AccessClaims {
    AccessClaims {
        iss: tenant.issuer(Domain::Custom),
        sub: user_id.to_owned(),
        aud: Audiences(vec![tenant.my_account_audience(Domain::Custom)]),
        iat: T0,
        exp: T0 + 600,
        azp: seed::CLIENT_ID.to_owned(),
        scope: scopes.join(" "),
    }
}

/// Claims with every `/me/` scope.
pub(super) fn claims(tenant: &Tenant, user_id: &str) -> AccessClaims {
    claims_with(tenant, user_id, &MY_ACCOUNT_SCOPES)
}

/// One call on the custom domain from [`ORIGIN`].
pub(super) fn call(
    tenant: &mut Tenant,
    claims: &AccessClaims,
    method: &str,
    path: &str,
    body: Option<Value>,
    now: u64,
) -> MeResponse {
    let (path, filter) = path
        .split_once("?type=")
        .map_or((path, None), |(p, t)| (p, Some(t)));
    let request = MeRequest {
        method,
        path,
        type_filter: filter,
        token: MeToken::Claims(claims),
        domain: Domain::Custom,
        body: body.as_ref().map_or(MeBody::None, MeBody::Json),
        origin: Some(ORIGIN),
        user_agent: Some("Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"),
    };
    tenant.my_account(&request, now)
}

/// `GET path`.
pub(super) fn get(tenant: &mut Tenant, claims: &AccessClaims, path: &str, now: u64) -> MeResponse {
    call(tenant, claims, "GET", path, None, now)
}

/// `DELETE path`.
pub(super) fn delete(
    tenant: &mut Tenant,
    claims: &AccessClaims,
    path: &str,
    now: u64,
) -> MeResponse {
    call(tenant, claims, "DELETE", path, None, now)
}

/// `POST path` with a JSON body.
pub(super) fn post(
    tenant: &mut Tenant,
    claims: &AccessClaims,
    path: &str,
    body: Value,
    now: u64,
) -> MeResponse {
    call(tenant, claims, "POST", path, Some(body), now)
}

/// Starts an enrollment (`POST /authentication-methods`) at [`T0`].
pub(super) fn begin(tenant: &mut Tenant, claims: &AccessClaims, body: Value) -> MeResponse {
    post(tenant, claims, "/authentication-methods", body, T0)
}

/// `PATCH path` with a JSON body.
pub(super) fn patch(
    tenant: &mut Tenant,
    claims: &AccessClaims,
    path: &str,
    body: Value,
    now: u64,
) -> MeResponse {
    call(tenant, claims, "PATCH", path, Some(body), now)
}

/// The problem `type` code of an answer (`A0E-…`).
pub(super) fn problem_type(answer: &MeResponse) -> String {
    answer.body.as_ref().unwrap()["type"]
        .as_str()
        .unwrap()
        .trim_start_matches("https://auth0.com/api-errors/")
        .to_owned()
}

/// The ids and types of the user's methods.
fn listed(tenant: &mut Tenant, claims: &AccessClaims) -> Vec<(String, String)> {
    let answer = get(tenant, claims, "/authentication-methods", T0);
    assert_eq!(answer.status, 200);
    answer.body.unwrap()["authentication_methods"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_owned(),
                m["type"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn mfa_claims(tenant: &Tenant, user_id: &str) -> AccessClaims {
    AccessClaims {
        aud: Audiences(vec![tenant.mfa_audience()]),
        scope: "enroll read:authenticators remove:authenticators".to_owned(),
        ..claims(tenant, user_id)
    }
}

#[test]
fn tokens_are_checked_for_presence_audience_domain_expiry_and_scope() {
    let mut tenant = tenant();
    let good = claims(&tenant, seed::ENROLLED_USER_ID);
    let mut request = MeRequest {
        method: "GET",
        path: "/authentication-methods",
        type_filter: None,
        token: MeToken::Missing,
        domain: Domain::Custom,
        body: MeBody::None,
        origin: None,
        user_agent: None,
    };
    let answer = tenant.my_account(&request, T0);
    assert_eq!(
        (answer.status, problem_type(&answer)),
        (401, "A0E-401-0001".into())
    );
    request.token = MeToken::Unreadable;
    let answer = tenant.my_account(&request, T0);
    assert_eq!(
        (answer.status, problem_type(&answer)),
        (401, "A0E-401-0003".into())
    );
    // The MFA API's token, the other domain's /me/ token and an expired one are all invalid.
    let mfa = mfa_claims(&tenant, seed::ENROLLED_USER_ID);
    let canonical = AccessClaims {
        aud: Audiences(vec![tenant.my_account_audience(Domain::Canonical)]),
        ..good.clone()
    };
    for (claims, now) in [(&mfa, T0), (&canonical, T0), (&good, T0 + 600)] {
        request.token = MeToken::Claims(claims);
        let answer = tenant.my_account(&request, now);
        assert_eq!(
            (answer.status, problem_type(&answer)),
            (401, "A0E-401-0003".into())
        );
    }
    // Each call needs its own scope.
    for (method, path, scope) in [
        ("GET", "/factors", "read:me:factors"),
        (
            "GET",
            "/authentication-methods",
            "read:me:authentication_methods",
        ),
        (
            "POST",
            "/authentication-methods",
            "create:me:authentication_methods",
        ),
        (
            "PATCH",
            "/authentication-methods/x",
            "update:me:authentication_methods",
        ),
        (
            "DELETE",
            "/authentication-methods/x",
            "delete:me:authentication_methods",
        ),
    ] {
        let others: Vec<&str> = MY_ACCOUNT_SCOPES
            .iter()
            .copied()
            .filter(|s| *s != scope)
            .collect();
        let limited = claims_with(&tenant, seed::ENROLLED_USER_ID, &others);
        let answer = call(&mut tenant, &limited, method, path, Some(json!({})), T0);
        assert_eq!(answer.status, 403, "{method} {path}");
        assert_eq!(problem_type(&answer), "A0E-403-0002");
        assert!(answer.body.unwrap()["detail"]
            .as_str()
            .unwrap()
            .contains(scope));
    }
    let answer = get(&mut tenant, &good, "/nothing-here", T0);
    assert_eq!(answer.status, 404);
}

#[test]
fn lists_the_shared_store_as_methods() {
    let mut tenant = tenant();
    let enrolled = claims(&tenant, seed::ENROLLED_USER_ID);
    let answer = get(&mut tenant, &enrolled, "/authentication-methods", T0);
    let methods = answer.body.unwrap()["authentication_methods"].clone();
    let by_type = |t: &str| -> Vec<Value> {
        methods
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["type"] == t)
            .cloned()
            .collect()
    };
    assert_eq!(by_type("password")[0]["usage"], json!(["primary"]));
    assert_eq!(
        by_type("password")[0]["identity_user_id"],
        "65a000000000000000000002"
    );
    // SMS and voice twins are one phone method, preferring the first channel.
    let phones = by_type("phone");
    assert_eq!(phones.len(), 1);
    assert_eq!(phones[0]["id"], "phone|dev_SeededPhoneTwins");
    assert_eq!(phones[0]["phone_number"], seed::ENROLLED_PHONE);
    assert_eq!(phones[0]["preferred_authentication_method"], "sms");
    let totps = by_type("totp");
    assert_eq!(totps.len(), 2);
    assert_eq!(totps[0]["confirmed"], true);
    assert_eq!(totps[1]["confirmed"], false);
    assert_eq!(totps[0]["created_at"], "2023-11-14T22:13:30.000Z");
    assert_eq!(totps[0]["usage"], json!(["secondary"]));
    assert!(totps[0].get("last_auth_at").is_none());
    assert_eq!(
        by_type("recovery-code")[0]["id"],
        seed::ENROLLED_RECOVERY_ID
    );
    // One method by id, percent-encoded or not; a filter; an unknown type.
    let one = get(
        &mut tenant,
        &enrolled,
        "/authentication-methods/totp%7Cdev_SeededTotpActive",
        T0,
    );
    assert_eq!(one.body.unwrap()["id"], seed::ENROLLED_TOTP_ID);
    let missing = get(
        &mut tenant,
        &enrolled,
        "/authentication-methods/totp%7Cdev_Nope",
        T0,
    );
    assert_eq!(
        (missing.status, problem_type(&missing)),
        (404, "A0E-404-0001".into())
    );
    let filtered = get(
        &mut tenant,
        &enrolled,
        "/authentication-methods?type=phone",
        T0,
    );
    assert_eq!(
        filtered.body.unwrap()["authentication_methods"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let unknown = get(
        &mut tenant,
        &enrolled,
        "/authentication-methods?type=sms",
        T0,
    );
    assert_eq!(
        (unknown.status, problem_type(&unknown)),
        (400, "A0E-400-0001".into())
    );
    // The factors the tenant offers.
    let factors = get(&mut tenant, &enrolled, "/factors", T0).body.unwrap();
    let types: Vec<&str> = factors["factors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "passkey",
            "totp",
            "phone",
            "email",
            "push-notification",
            "recovery-code"
        ]
    );
}

#[test]
fn totp_enrollment_starts_verifies_and_shows_in_both_apis() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let start = begin(&mut tenant, &me, json!({"type": "totp"}));
    assert_eq!(start.status, 202);
    let body = start.body.clone().unwrap();
    let id = body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("totp|dev_"));
    assert_eq!(
        start.location.as_deref(),
        Some(
            format!(
                "http://localhost:4000/me/v1/authentication-methods/{}",
                id.replace('|', "%7C")
            )
            .as_str()
        )
    );
    assert!(body["barcode_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/"));
    let secret = decode_secret(body["manual_input_code"].as_str().unwrap()).unwrap();
    let session = body["auth_session"].as_str().unwrap().to_owned();
    let verify = format!("/authentication-methods/{}/verify", id.replace('|', "%7C"));
    // A code of the wrong shape, then a wrong code: the session stays for a retry.
    let shape = post(
        &mut tenant,
        &me,
        &verify,
        json!({"auth_session": session, "otp_code": "12a"}),
        T0,
    );
    assert_eq!(
        (shape.status, problem_type(&shape)),
        (400, "A0E-400-0001".into())
    );
    let wrong_code = if code_at(&secret, T0) == "000000" {
        "111111"
    } else {
        "000000"
    };
    let wrong = post(
        &mut tenant,
        &me,
        &verify,
        json!({"auth_session": session, "otp_code": wrong_code}),
        T0,
    );
    assert_eq!(
        (wrong.status, problem_type(&wrong)),
        (400, "A0E-400-0003".into())
    );
    let done = post(
        &mut tenant,
        &me,
        &verify,
        json!({"auth_session": session, "otp_code": code_at(&secret, T0)}),
        T0,
    );
    assert_eq!(done.status, 201);
    assert_eq!(done.body.as_ref().unwrap()["confirmed"], true);
    assert_eq!(done.body.as_ref().unwrap()["id"], id);
    // A used auth_session is refused.
    let replay = post(
        &mut tenant,
        &me,
        &verify,
        json!({"auth_session": session, "otp_code": code_at(&secret, T0 + 30)}),
        T0 + 30,
    );
    assert_eq!(
        (replay.status, problem_type(&replay)),
        (400, "A0E-400-0002".into())
    );
    // The MFA API sees the same authenticator, active.
    let views = tenant
        .list_authenticators(&mfa_claims(&tenant, seed::NEW_USER_ID), T0)
        .unwrap();
    assert!(views.iter().any(|v| v.id == id && v.active));
}

#[test]
fn an_auth_session_belongs_to_its_method_and_user() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let other = claims(&tenant, seed::ENROLLED_USER_ID);
    let start = begin(&mut tenant, &me, json!({"type": "totp"}))
        .body
        .unwrap();
    let session = start["auth_session"].as_str().unwrap();
    let id = start["id"].as_str().unwrap().replace('|', "%7C");
    let body = json!({"auth_session": session, "otp_code": "123456"});
    let elsewhere = post(
        &mut tenant,
        &me,
        "/authentication-methods/totp%7Cdev_AAAAAAAAAAAAAAAA/verify",
        body.clone(),
        T0,
    );
    assert_eq!(problem_type(&elsewhere), "A0E-400-0002");
    let foreign = post(
        &mut tenant,
        &other,
        &format!("/authentication-methods/{id}/verify"),
        body.clone(),
        T0,
    );
    assert_eq!(problem_type(&foreign), "A0E-400-0002");
    let late = post(
        &mut tenant,
        &me,
        &format!("/authentication-methods/{id}/verify"),
        body,
        T0 + 301,
    );
    assert_eq!(problem_type(&late), "A0E-400-0002");
}

#[test]
fn phone_and_email_enrollments_send_a_code() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let start = begin(
        &mut tenant,
        &me,
        json!({"type": "phone", "phone_number": "+14155550100", "preferred_authentication_method": "voice"}),
    );
    assert_eq!(start.status, 202);
    let body = start.body.unwrap();
    assert!(body.get("barcode_uri").is_none());
    let sent = tenant.outbox().last().unwrap().clone();
    assert_eq!(sent.channel, Channel::Voice);
    let id = body["id"].as_str().unwrap().to_owned();
    assert!(id.starts_with("phone|dev_"));
    let done = post(
        &mut tenant,
        &me,
        &format!("/authentication-methods/{id}/verify"),
        json!({"auth_session": body["auth_session"], "otp_code": sent.code.unwrap()}),
        T0,
    );
    assert_eq!(done.status, 201);
    let record = done.body.unwrap();
    assert_eq!(record["preferred_authentication_method"], "voice");
    assert_eq!(record["phone_number"], "+14155550100");

    let bad = begin(
        &mut tenant,
        &me,
        json!({"type": "phone", "phone_number": "4155550100"}),
    );
    assert_eq!(
        bad.body.unwrap()["validation_errors"][0]["field"],
        "phone_number"
    );
    let start = begin(
        &mut tenant,
        &me,
        json!({"type": "email", "email": "me@example.org"}),
    )
    .body
    .unwrap();
    let sent = tenant.outbox().last().unwrap().clone();
    assert_eq!(
        (sent.channel, sent.to.as_deref()),
        (Channel::Email, Some("me@example.org"))
    );
    let id = start["id"].as_str().unwrap();
    let done = post(
        &mut tenant,
        &me,
        &format!("/authentication-methods/{id}/verify"),
        json!({"auth_session": start["auth_session"], "otp_code": sent.code.unwrap()}),
        T0,
    );
    assert_eq!(done.body.unwrap()["email"], "me@example.org");
}

#[test]
fn push_verifies_once_the_app_approves() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let start = begin(&mut tenant, &me, json!({"type": "push-notification"}))
        .body
        .unwrap();
    assert!(start["barcode_uri"]
        .as_str()
        .unwrap()
        .contains("enrollment_tx_id="));
    let id = start["id"].as_str().unwrap().to_owned();
    let verify = format!("/authentication-methods/{id}/verify");
    let body = json!({"auth_session": start["auth_session"]});
    let early = post(&mut tenant, &me, &verify, body.clone(), T0);
    assert_eq!(problem_type(&early), "A0E-400-0004");
    let outbox_id = tenant.outbox().last().unwrap().id;
    tenant.answer_push(outbox_id, true).unwrap();
    let done = post(&mut tenant, &me, &verify, body, T0 + 5);
    assert_eq!(done.status, 201);
    assert_eq!(done.body.unwrap()["type"], "push-notification");
    // Its Guardian TOTP twin is not a method of its own.
    let types: Vec<String> = listed(&mut tenant, &me)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    assert_eq!(types, ["password", "push-notification"]);
}

#[test]
fn a_recovery_code_is_shown_once_and_only_when_there_is_none() {
    let mut tenant = tenant();
    let enrolled = claims(&tenant, seed::ENROLLED_USER_ID);
    let refused = begin(&mut tenant, &enrolled, json!({"type": "recovery-code"}));
    assert_eq!(
        (refused.status, problem_type(&refused)),
        (409, "A0E-409-0001".into())
    );
    let me = claims(&tenant, seed::NEW_USER_ID);
    let start = begin(&mut tenant, &me, json!({"type": "recovery-code"}))
        .body
        .unwrap();
    let code = start["recovery_code"].as_str().unwrap();
    assert_eq!(code.len(), 24);
    let id = start["id"].as_str().unwrap();
    let done = post(
        &mut tenant,
        &me,
        &format!("/authentication-methods/{id}/verify"),
        json!({"auth_session": start["auth_session"]}),
        T0,
    );
    assert_eq!(done.status, 201);
    assert!(done.body.unwrap().get("recovery_code").is_none());
    assert!(tenant
        .user(seed::NEW_USER_ID)
        .unwrap()
        .recovery
        .as_ref()
        .unwrap()
        .matches(code));
}

#[test]
fn bodies_are_checked_before_anything_changes() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    for (body, field) in [
        (json!({}), "type"),
        (json!({"type": "fax"}), "type"),
        (json!({"type": "password"}), "type"),
        (json!({"type": "email"}), "email"),
        (json!({"type": "email", "email": "not-an-address"}), "email"),
        (
            json!({"type": "phone", "phone_number": "+14155550100", "preferred_authentication_method": "pigeon"}),
            "preferred_authentication_method",
        ),
    ] {
        let answer = begin(&mut tenant, &me, body.clone());
        assert_eq!(answer.status, 400, "{body}");
        assert_eq!(
            answer.body.unwrap()["validation_errors"][0]["field"],
            field,
            "{body}"
        );
    }
    let not_object = begin(&mut tenant, &me, json!([1]));
    assert_eq!(problem_type(&not_object), "A0E-400-0001");
    assert!(tenant.outbox().is_empty());
    assert_eq!(listed(&mut tenant, &me).len(), 1);
    let refused = Problem::UnsupportedMediaType;
    let request = MeRequest {
        method: "POST",
        path: "/authentication-methods",
        type_filter: None,
        token: MeToken::Claims(&me),
        domain: Domain::Custom,
        body: MeBody::Refused(&refused),
        origin: None,
        user_agent: None,
    };
    let answer = tenant.my_account(&request, T0);
    assert_eq!(
        (answer.status, problem_type(&answer)),
        (415, "A0E-415-0001".into())
    );
}

#[test]
fn rename_and_preferred_channel() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::ENROLLED_USER_ID);
    let path = "/authentication-methods/phone%7Cdev_SeededPhoneTwins";
    let renamed = patch(
        &mut tenant,
        &me,
        path,
        json!({"name": "  Work phone ", "preferred_authentication_method": "voice"}),
        T0,
    );
    assert_eq!(renamed.status, 200);
    let record = renamed.body.unwrap();
    assert_eq!(record["name"], "Work phone");
    assert_eq!(record["preferred_authentication_method"], "voice");
    assert_eq!(record["id"], "phone|dev_SeededPhoneTwins");
    let too_long = patch(&mut tenant, &me, path, json!({"name": "x".repeat(101)}), T0);
    assert_eq!(
        too_long.body.unwrap()["validation_errors"][0]["field"],
        "name"
    );
    for body in [
        json!({}),
        json!({"name": ""}),
        json!({"confirmed": true}),
        json!({"name": 5}),
    ] {
        assert_eq!(
            patch(&mut tenant, &me, path, body.clone(), T0).status,
            400,
            "{body}"
        );
    }
    let totp = "/authentication-methods/totp%7Cdev_SeededTotpActive";
    let channel = patch(
        &mut tenant,
        &me,
        totp,
        json!({"preferred_authentication_method": "sms"}),
        T0,
    );
    assert_eq!(channel.status, 400);
    let recovery = format!(
        "/authentication-methods/{}",
        seed::ENROLLED_RECOVERY_ID.replace('|', "%7C")
    );
    let nameless = patch(&mut tenant, &me, &recovery, json!({"name": "x"}), T0);
    assert_eq!(nameless.status, 400);
    let missing = patch(
        &mut tenant,
        &me,
        "/authentication-methods/totp%7Cdev_Nope",
        json!({"name": "x"}),
        T0,
    );
    assert_eq!(missing.status, 404);
}

#[test]
fn deleting_a_phone_removes_both_channels_and_the_password_stays() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::ENROLLED_USER_ID);
    let gone = delete(
        &mut tenant,
        &me,
        "/authentication-methods/phone%7Cdev_SeededPhoneTwins",
        T0,
    );
    assert_eq!((gone.status, gone.body), (204, None));
    let views = tenant
        .list_authenticators(&mfa_claims(&tenant, seed::ENROLLED_USER_ID), T0)
        .unwrap();
    assert!(views.iter().all(|v| v.r#type != "phone"));
    let again = delete(
        &mut tenant,
        &me,
        "/authentication-methods/phone%7Cdev_SeededPhoneTwins",
        T0,
    );
    assert_eq!(again.status, 404);
    let password = delete(
        &mut tenant,
        &me,
        "/authentication-methods/password%7C65a000000000000000000002",
        T0,
    );
    assert_eq!(
        (password.status, problem_type(&password)),
        (409, "A0E-409-0001".into())
    );
    let recovery = format!(
        "/authentication-methods/{}",
        seed::ENROLLED_RECOVERY_ID.replace('|', "%7C")
    );
    assert_eq!(delete(&mut tenant, &me, &recovery, T0).status, 204);
    assert!(tenant
        .user(seed::ENROLLED_USER_ID)
        .unwrap()
        .recovery
        .is_none());
}

#[test]
fn last_auth_at_follows_sign_ins_with_a_factor() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::ENROLLED_USER_ID);
    let user = tenant.user_index(seed::ENROLLED_USER_ID).unwrap();
    let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
    tenant
        .verify_totp(user, &code_at(&secret, T0 + 90), T0 + 90, false)
        .unwrap();
    let totp = get(
        &mut tenant,
        &me,
        "/authentication-methods/totp%7Cdev_SeededTotpActive",
        T0 + 90,
    );
    assert_eq!(
        totp.body.unwrap()["last_auth_at"],
        "2023-11-14T22:15:00.000Z"
    );
    tenant
        .use_recovery_code(user, seed::ENROLLED_RECOVERY_CODE, T0 + 120)
        .unwrap();
    let recovery = format!(
        "/authentication-methods/{}",
        seed::ENROLLED_RECOVERY_ID.replace('|', "%7C")
    );
    let record = get(&mut tenant, &me, &recovery, T0 + 120).body.unwrap();
    assert_eq!(record["last_auth_at"], "2023-11-14T22:15:30.000Z");
}

#[test]
fn the_free_plan_allows_two_writes_a_minute_and_says_when_to_retry() {
    let mut tenant = tenant();
    tenant.set_my_account_plan(Plan::Free);
    let me = claims(&tenant, seed::NEW_USER_ID);
    let first = begin(&mut tenant, &me, json!({"type": "totp"}));
    assert_eq!((first.rate_limit.limit, first.rate_limit.remaining), (2, 1));
    // A refused body still counts as a write.
    let second = post(
        &mut tenant,
        &me,
        "/authentication-methods",
        json!({"type": "fax"}),
        T0 + 1,
    );
    assert_eq!((second.status, second.rate_limit.remaining), (400, 0));
    let third = post(
        &mut tenant,
        &me,
        "/authentication-methods",
        json!({"type": "totp"}),
        T0 + 2,
    );
    assert_eq!(
        (third.status, problem_type(&third)),
        (429, "A0E-429-0001".into())
    );
    assert!(third.rate_limited);
    assert_eq!(third.rate_limit.retry_after, 58);
    // Reads have their own allowance; the minute gives the writes back.
    assert_eq!(
        get(&mut tenant, &me, "/authentication-methods", T0 + 3).status,
        200
    );
    let later = post(
        &mut tenant,
        &me,
        "/authentication-methods",
        json!({"type": "totp"}),
        T0 + 60,
    );
    assert_eq!(later.status, 202);
}

#[test]
fn each_plan_has_its_read_and_tenant_limits() {
    for (plan, reads, filtered, per_second) in [
        (Plan::Free, 2, 5, 2),
        (Plan::Essentials, 5, 10, 5),
        (Plan::Enterprise, 5, 20, 25),
    ] {
        let mut tenant = tenant();
        tenant.set_my_account_plan(plan);
        let me = claims(&tenant, seed::ENROLLED_USER_ID);
        let mut now = T0;
        for _ in 0..reads {
            now += 1;
            assert_eq!(
                get(&mut tenant, &me, "/authentication-methods", now).status,
                200
            );
        }
        now += 1;
        let met = get(&mut tenant, &me, "/authentication-methods", now);
        assert_eq!(met.status, 429, "{plan:?}");
        for _ in 0..filtered {
            now += 1;
            assert_eq!(
                get(&mut tenant, &me, "/authentication-methods?type=totp", now).status,
                200,
                "{plan:?}"
            );
        }
        now += 1;
        assert_eq!(
            get(&mut tenant, &me, "/authentication-methods?type=totp", now).status,
            429
        );
        // The tenant's per-second limit counts every user's calls.
        let users = [claims(&tenant, seed::NEW_USER_ID), me.clone()];
        let later = now + 120;
        for i in 0..per_second {
            let answer = get(
                &mut tenant,
                &users[i % 2],
                "/authentication-methods?type=totp",
                later,
            );
            assert_eq!(answer.status, 200, "{plan:?}");
        }
        let met = get(
            &mut tenant,
            &users[0],
            "/authentication-methods?type=totp",
            later,
        );
        assert_eq!(
            (met.status, met.rate_limit.limit),
            (429, per_second as u32),
            "{plan:?}"
        );
        let next = get(
            &mut tenant,
            &users[0],
            "/authentication-methods?type=totp",
            later + 1,
        );
        assert_eq!(next.status, 200, "{plan:?}");
    }
}
