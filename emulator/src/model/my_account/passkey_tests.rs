//! The passkey ceremony through the My Account API with a software authenticator holding a
//! key pair made in the test: the happy path and each refusal.

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use serde_json::{json, Value};

use crate::model::my_account::tests::{
    begin, claims, get, patch, post, problem_type, tenant, ORIGIN, T0,
};
use crate::model::seed;
use crate::model::tenant::Tenant;
use crate::model::tokens::AccessClaims;
use crate::model::webauthn::{
    client_data_json, AttestationFormat, CreationOptions, SoftwareAuthenticator,
};

const VERIFY: &str = "/authentication-methods/passkey%7Cnew/verify";

fn authenticator(seed: u64) -> SoftwareAuthenticator {
    SoftwareAuthenticator::random_p256(&mut ChaCha20Rng::seed_from_u64(seed))
}

/// Starts an enrollment: the creation options and the auth_session.
fn start(tenant: &mut Tenant, me: &AccessClaims) -> (CreationOptions, String) {
    let answer = begin(tenant, me, json!({"type": "passkey"}));
    assert_eq!(answer.status, 202);
    assert_eq!(
        answer.location.as_deref(),
        Some("http://localhost:4000/me/v1/authentication-methods/passkey%7Cnew")
    );
    let body = answer.body.unwrap();
    assert!(body.get("id").is_none());
    let options = serde_json::from_value(body["authn_params_public_key"].clone()).unwrap();
    (options, body["auth_session"].as_str().unwrap().to_owned())
}

fn verify(
    tenant: &mut Tenant,
    me: &AccessClaims,
    session: &str,
    response: &impl serde::Serialize,
) -> crate::model::my_account::MeResponse {
    post(
        tenant,
        me,
        VERIFY,
        json!({"auth_session": session, "authn_response": response}),
        T0 + 5,
    )
}

#[test]
fn a_passkey_is_created_listed_and_excluded_next_time() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let (options, session) = start(&mut tenant, &me);
    let raw: Value = serde_json::to_value(&options).unwrap();
    assert_eq!(raw["rp"]["id"], "localhost");
    assert_eq!(raw["user"]["name"], seed::NEW_USER);
    let algorithms: Vec<i64> = raw["pubKeyCredParams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["alg"].as_i64().unwrap())
        .collect();
    assert_eq!(algorithms, [-8, -7, -257]);
    assert_eq!(raw["authenticatorSelection"]["residentKey"], "required");
    assert!(raw
        .get("excludeCredentials")
        .is_none_or(|e| e.as_array().unwrap().is_empty()));
    let mut key = authenticator(1)
        .with_backup(true, true)
        .with_transports(&["internal", "hybrid"]);
    let response = key.register(&options, ORIGIN, AttestationFormat::None);
    let done = verify(&mut tenant, &me, &session, &response);
    assert_eq!(done.status, 201, "{:?}", done.body);
    let record = done.body.unwrap();
    assert!(record["id"].as_str().unwrap().starts_with("passkey|dev_"));
    assert_eq!(record["type"], "passkey");
    assert_eq!(record["usage"], json!(["primary"]));
    assert_eq!(record["credential_device_type"], "multi_device");
    assert_eq!(record["credential_backed_up"], true);
    assert_eq!(record["transports"], json!(["internal", "hybrid"]));
    assert_eq!(record["relying_party_id"], "localhost");
    assert_eq!(record["identity_user_id"], "65a000000000000000000001");
    assert_eq!(
        record["user_agent"],
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0"
    );
    assert_eq!(record["user_handle"], raw["user"]["id"]);
    assert_eq!(record["key_id"], response.raw_id);
    assert!(record.get("confirmed").is_none());
    // The next ceremony excludes it; the MFA API does not list it; a passkey is not a factor.
    let (next, _) = start(&mut tenant, &me);
    assert_eq!(next.exclude_credentials.len(), 1);
    assert_eq!(next.exclude_credentials[0].id, response.raw_id);
    let user = tenant.user(seed::NEW_USER_ID).unwrap();
    assert!(!user.has_active_non_email_factor());
    // Renamed like any method.
    let path = format!(
        "/authentication-methods/{}",
        record["id"].as_str().unwrap().replace('|', "%7C")
    );
    let renamed = patch(&mut tenant, &me, &path, json!({"name": "Laptop"}), T0 + 6);
    assert_eq!(renamed.body.unwrap()["name"], "Laptop");
}

#[test]
fn packed_self_attestation_is_checked_with_the_new_key() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let (options, session) = start(&mut tenant, &me);
    let response = authenticator(2).register(&options, ORIGIN, AttestationFormat::PackedSelf);
    let done = verify(&mut tenant, &me, &session, &response);
    assert_eq!(done.status, 201, "{:?}", done.body);
    assert_eq!(
        done.body.unwrap()["credential_device_type"],
        "single_device"
    );
}

#[test]
fn each_broken_ceremony_is_refused_with_its_reason() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let key = authenticator(3);
    type Case = fn(&CreationOptions) -> (Vec<u8>, &'static str);
    let cases: [(&str, Case, &str); 4] = [
        (
            "wrong challenge",
            |_| {
                (
                    client_data_json("webauthn.create", "AAAA", ORIGIN),
                    "localhost",
                )
            },
            "challenge",
        ),
        (
            "wrong origin",
            |o| {
                (
                    client_data_json("webauthn.create", &o.challenge, "http://evil.example"),
                    "localhost",
                )
            },
            "origin",
        ),
        (
            "wrong type",
            |o| {
                (
                    client_data_json("webauthn.get", &o.challenge, ORIGIN),
                    "localhost",
                )
            },
            "webauthn.get",
        ),
        (
            "wrong relying party",
            |o| {
                (
                    client_data_json("webauthn.create", &o.challenge, ORIGIN),
                    "evil.example",
                )
            },
            "relying",
        ),
    ];
    for (case, build, reason) in cases {
        let (options, session) = start(&mut tenant, &me);
        let (client_data, rp_id) = build(&options);
        let response = key.register_with_client_data(rp_id, &client_data, AttestationFormat::None);
        let refused = verify(&mut tenant, &me, &session, &response);
        assert_eq!(refused.status, 400, "{case}");
        assert_eq!(problem_type(&refused), "A0E-400-0006", "{case}");
        let detail = refused.body.unwrap()["detail"]
            .as_str()
            .unwrap()
            .to_lowercase();
        assert!(detail.contains(reason), "{case}: {detail}");
    }
    assert!(tenant
        .passkey_summaries(seed::NEW_USER_ID)
        .unwrap()
        .is_empty());
}

#[test]
fn a_used_session_and_a_registered_credential_are_refused() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::NEW_USER_ID);
    let mut key = authenticator(4);
    let (options, session) = start(&mut tenant, &me);
    let response = key.register(&options, ORIGIN, AttestationFormat::None);
    assert_eq!(verify(&mut tenant, &me, &session, &response).status, 201);
    let replay = verify(&mut tenant, &me, &session, &response);
    assert_eq!(problem_type(&replay), "A0E-400-0002");
    // The same authenticator again (a browser would have stopped it with excludeCredentials).
    let (options, session) = start(&mut tenant, &me);
    let again = key.register(&options, ORIGIN, AttestationFormat::None);
    let duplicate = verify(&mut tenant, &me, &session, &again);
    assert_eq!(
        (duplicate.status, problem_type(&duplicate)),
        (409, "A0E-409-0001".into())
    );
    assert_eq!(
        tenant.passkey_summaries(seed::NEW_USER_ID).unwrap().len(),
        1
    );
    // Missing or malformed attestation.
    let (_, session) = start(&mut tenant, &me);
    let missing = post(
        &mut tenant,
        &me,
        VERIFY,
        json!({"auth_session": session}),
        T0,
    );
    assert_eq!(
        missing.body.unwrap()["validation_errors"][0]["field"],
        "authn_response"
    );
    let garbled = post(
        &mut tenant,
        &me,
        VERIFY,
        json!({"auth_session": session, "authn_response": {"id": 1}}),
        T0,
    );
    assert_eq!(garbled.status, 400);
}

#[test]
fn the_seeded_passkey_is_the_published_test_key() {
    let mut tenant = tenant();
    let me = claims(&tenant, seed::ENROLLED_USER_ID);
    let path = format!(
        "/authentication-methods/{}",
        seed::ENROLLED_PASSKEY_ID.replace('|', "%7C")
    );
    let record = get(&mut tenant, &me, &path, T0).body.unwrap();
    let key = SoftwareAuthenticator::fixed();
    assert_eq!(
        record["key_id"],
        data_encoding::BASE64URL_NOPAD.encode(key.credential_id())
    );
    assert_eq!(
        record["public_key"],
        data_encoding::BASE64URL_NOPAD.encode(&key.cose_public_key())
    );
    assert_eq!(record["aaguid"], seed::ENROLLED_PASSKEY_AAGUID);
    assert_eq!(record["credential_device_type"], "multi_device");
    assert_eq!(record["relying_party_id"], "localhost");
    // A seed with an unreadable key is refused with the passkey named.
    let mut broken = seed::default_seed(&[]);
    broken.users[0].authenticators.push(
        serde_json::from_value(
            json!({"type": "passkey", "dev_id": "BrokenPasskey000", "aaguid": "nope"}),
        )
        .unwrap(),
    );
    let error = Tenant::from_seed(
        &broken,
        crate::model::tenant::Domains::local("127.0.0.1:4000"),
        1,
        T0,
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("passkey|dev_BrokenPasskey000"),
        "{error}"
    );
}
