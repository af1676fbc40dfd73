//! The My Account API over HTTP: tokens from the authorization-code flow, problem details,
//! `Location`, rate-limit headers, content types, CORS and test control.

use axum::body::Body;
use axum::http::{Method, StatusCode};
use rand_chacha::rand_core::SeedableRng;
use serde_json::{json, Value};

use super::{bearer, request, Harness, Reply, ORIGIN};
use crate::model::seed;
use crate::model::webauthn::{AttestationFormat, CreationOptions, SoftwareAuthenticator};

const ME_AUDIENCE: &str = "http://127.0.0.1:4000/me/";
const ME_SCOPE: &str = "openid read:me:authentication_methods create:me:authentication_methods \
     update:me:authentication_methods delete:me:authentication_methods read:me:factors";
const METHODS: &str = "/me/v1/authentication-methods";

impl Harness {
    async fn me_access_token(&self) -> String {
        let reply = self.new_user_token(ME_AUDIENCE, ME_SCOPE).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()["access_token"].as_str().unwrap().to_owned()
    }

    /// A My Account call with a JSON body (or none).
    async fn me(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Reply {
        let auth = bearer(token);
        let mut headers = vec![("authorization", auth.as_str()), ("origin", ORIGIN)];
        let body = match body {
            Some(value) => {
                headers.push(("content-type", "application/json"));
                Body::from(value.to_string())
            }
            None => Body::empty(),
        };
        self.send(request(method, path, &headers, body)).await
    }
}

fn problem_code(reply: &Reply) -> String {
    reply.json()["type"]
        .as_str()
        .unwrap()
        .trim_start_matches("https://auth0.com/api-errors/")
        .to_owned()
}

#[tokio::test]
async fn a_me_token_carries_the_five_scopes_for_the_domain_used() {
    let h = Harness::new();
    let reply = h.new_user_token(ME_AUDIENCE, ME_SCOPE).await;
    let tokens = reply.json();
    assert_eq!(tokens["expires_in"], 600);
    let claims = super::payload(tokens["access_token"].as_str().unwrap());
    assert!(claims["aud"].to_string().contains(ME_AUDIENCE));
    assert_eq!(
        claims["scope"],
        "openid read:me:authentication_methods create:me:authentication_methods \
         update:me:authentication_methods delete:me:authentication_methods read:me:factors"
    );
    // Sent to the custom domain, the canonical domain's token is not good.
    let token = tokens["access_token"].as_str().unwrap();
    let custom = h
        .send(request(
            Method::GET,
            METHODS,
            &[
                ("authorization", &bearer(token)),
                ("host", "localhost:4000"),
            ],
            Body::empty(),
        ))
        .await;
    assert_eq!(custom.status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem_code(&custom), "A0E-401-0003");
}

#[tokio::test]
async fn answers_carry_problem_details_location_and_rate_headers() {
    let h = Harness::new();
    let token = h.me_access_token().await;
    let list = h.me(Method::GET, METHODS, &token, None).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(
        list.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert!(list.header("x-ratelimit-limit").is_some());
    assert!(list.header("x-ratelimit-remaining").is_some());
    assert!(list.header("x-ratelimit-reset").is_some());
    assert!(list.header("retry-after").is_none());
    assert_eq!(list.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(list
        .header("access-control-expose-headers")
        .unwrap()
        .contains("Location"));
    let start = h
        .me(Method::POST, METHODS, &token, Some(json!({"type": "totp"})))
        .await;
    assert_eq!(start.status, StatusCode::ACCEPTED);
    let id = start.json()["id"].as_str().unwrap().to_owned();
    let location = start.header("location").unwrap().to_owned();
    assert_eq!(
        location,
        format!(
            "http://127.0.0.1:4000/me/v1/authentication-methods/{}",
            id.replace('|', "%7C")
        )
    );
    let path = location.trim_start_matches("http://127.0.0.1:4000");
    let wrong = h
        .me(
            Method::POST,
            &format!("{path}/verify"),
            &token,
            Some(json!({"auth_session": start.json()["auth_session"], "otp_code": "12345x"})),
        )
        .await;
    assert_eq!(wrong.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        wrong.header("content-type"),
        Some("application/problem+json")
    );
    let problem = wrong.json();
    assert_eq!(problem["status"], 400);
    assert_eq!(problem["title"], "Bad Request");
    assert!(wrong.header("x-ratelimit-limit").is_some());
    let deleted = h.me(Method::DELETE, path, &token, None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.body.is_empty());
}

#[tokio::test]
async fn tokens_and_bodies_are_refused_with_their_own_problem() {
    let h = Harness::new();
    let none = h
        .send(request(Method::GET, METHODS, &[], Body::empty()))
        .await;
    assert_eq!(
        (none.status, problem_code(&none)),
        (StatusCode::UNAUTHORIZED, "A0E-401-0001".into())
    );
    assert!(none.header("x-ratelimit-limit").is_some());
    let garbage = h.me(Method::GET, METHODS, "not-a-jwt", None).await;
    assert_eq!(problem_code(&garbage), "A0E-401-0003");
    let mfa = h.mfa_token(seed::NEW_USER).await;
    let wrong_audience = h.me(Method::GET, METHODS, &mfa, None).await;
    assert_eq!(problem_code(&wrong_audience), "A0E-401-0003");
    let read_only = h
        .new_user_token(ME_AUDIENCE, "openid read:me:authentication_methods")
        .await
        .json();
    let read_only = read_only["access_token"].as_str().unwrap();
    let scope = h
        .me(
            Method::POST,
            METHODS,
            read_only,
            Some(json!({"type": "totp"})),
        )
        .await;
    assert_eq!(
        (scope.status, problem_code(&scope)),
        (StatusCode::FORBIDDEN, "A0E-403-0002".into())
    );

    let token = h.me_access_token().await;
    let auth = bearer(&token);
    let text = h
        .send(request(
            Method::POST,
            METHODS,
            &[("authorization", &auth), ("content-type", "text/plain")],
            Body::from("type=totp"),
        ))
        .await;
    assert_eq!(
        (text.status, problem_code(&text)),
        (StatusCode::UNSUPPORTED_MEDIA_TYPE, "A0E-415-0001".into())
    );
    let broken = h
        .send(request(
            Method::POST,
            METHODS,
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            Body::from("{\"type\":"),
        ))
        .await;
    assert_eq!(problem_code(&broken), "A0E-400-0001");
    let huge = h
        .send(request(
            Method::POST,
            METHODS,
            &[
                ("authorization", &auth),
                ("content-type", "application/json"),
            ],
            Body::from(vec![b' '; 70 * 1024]),
        ))
        .await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn the_free_plan_meets_its_write_limit_with_retry_after() {
    let h = Harness::new();
    let token = h.me_access_token().await;
    let plan = h
        .post_json("/__emulator/my-account", json!({"plan": "free"}), &[])
        .await;
    assert_eq!(plan.json(), json!({"active": true, "plan": "free"}));
    // Two calls in one second meet the tenant's limit (2 per second on free)…
    for _ in 0..2 {
        let ok = h
            .me(Method::POST, METHODS, &token, Some(json!({"type": "totp"})))
            .await;
        assert_eq!(ok.status, StatusCode::ACCEPTED);
    }
    let tenant_limited = h.me(Method::GET, METHODS, &token, None).await;
    assert_eq!(tenant_limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(tenant_limited.header("retry-after"), Some("1"));
    // …and a second later the user's two writes a minute are used up.
    h.advance(1).await;
    let limited = h
        .me(Method::POST, METHODS, &token, Some(json!({"type": "totp"})))
        .await;
    assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(problem_code(&limited), "A0E-429-0001");
    assert_eq!(
        limited.header("x-auth0-error-kind"),
        Some("global-rate-limit")
    );
    assert_eq!(limited.header("x-ratelimit-limit"), Some("2"));
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));
    let wait: u64 = limited.header("retry-after").unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait));
    let user = seed::NEW_USER_ID.replace('|', "%7C");
    let counters = h
        .get(&format!("/__emulator/users/{user}/rate-limits"), &[])
        .await
        .json();
    assert_eq!(counters["writes"], 0);
    assert_eq!(
        counters["reads"], 2,
        "a refused call takes nothing from the user"
    );
    h.advance(wait).await;
    let again = h
        .me(Method::POST, METHODS, &token, Some(json!({"type": "totp"})))
        .await;
    assert_eq!(again.status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn a_tenant_without_the_api_refuses_its_audience() {
    let h = Harness::new();
    let off = h
        .post_json("/__emulator/my-account", json!({"active": false}), &[])
        .await;
    assert_eq!(off.json()["active"], false);
    let page = h
        .get(&h.authorize_uri(ME_AUDIENCE, &[("scope", ME_SCOPE)]), &[])
        .await;
    assert_eq!(
        page.location_param("error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(
        page.location_param("error_description").as_deref(),
        Some("Service not found: http://127.0.0.1:4000/me/")
    );
    let call = h.me(Method::GET, METHODS, "x", None).await;
    assert_eq!(call.status, StatusCode::NOT_FOUND);
    let bad = h
        .post_json("/__emulator/my-account", json!({"plan": "gold"}), &[])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn test_control_lists_and_deletes_passkeys() {
    let h = Harness::new();
    let token = h.me_access_token().await;
    let start = h
        .me(
            Method::POST,
            METHODS,
            &token,
            Some(json!({"type": "passkey"})),
        )
        .await;
    assert_eq!(start.status, StatusCode::ACCEPTED);
    let body = start.json();
    let options: CreationOptions =
        serde_json::from_value(body["authn_params_public_key"].clone()).unwrap();
    // The page's host is the relying party.
    assert_eq!(options.rp.id, "127.0.0.1");
    let mut key =
        SoftwareAuthenticator::random_p256(&mut rand_chacha::ChaCha20Rng::seed_from_u64(9));
    let response = key.register(&options, ORIGIN, AttestationFormat::PackedSelf);
    let done = h
        .me(
            Method::POST,
            "/me/v1/authentication-methods/passkey%7Cnew/verify",
            &token,
            Some(json!({"auth_session": body["auth_session"], "authn_response": response})),
        )
        .await;
    assert_eq!(done.status, StatusCode::CREATED, "{}", done.text());
    let id = done.json()["id"].as_str().unwrap().to_owned();
    let user = seed::NEW_USER_ID.replace('|', "%7C");
    let listed = h
        .get(&format!("/__emulator/users/{user}/passkeys"), &[])
        .await
        .json();
    assert_eq!(listed[0]["id"], id);
    assert_eq!(listed[0]["key_id"], response.raw_id);
    let path = format!(
        "/__emulator/users/{user}/passkeys/{}",
        id.replace('|', "%7C")
    );
    let gone = h
        .send(request(Method::DELETE, &path, &[], Body::empty()))
        .await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    let again = h
        .send(request(Method::DELETE, &path, &[], Body::empty()))
        .await;
    assert_eq!(again.status, StatusCode::NOT_FOUND);
    let empty = h
        .get(&format!("/__emulator/users/{user}/passkeys"), &[])
        .await
        .json();
    assert_eq!(empty, json!([]));
    let nobody = h
        .get("/__emulator/users/auth0%7Cnobody/passkeys", &[])
        .await;
    assert_eq!(nobody.status, StatusCode::NOT_FOUND);
}
