use axum::http::StatusCode;
use serde_json::json;

use super::*;

async fn code_for(h: &Harness, email: &str) -> String {
    h.login_code(email, MFA_AUDIENCE)
        .await
        .0
        .location_param("code")
        .unwrap()
}

fn exchange(code: &str) -> Vec<(&str, &str)> {
    vec![
        ("grant_type", "authorization_code"),
        ("client_id", seed::CLIENT_ID),
        ("code", code),
        ("code_verifier", VERIFIER),
        ("redirect_uri", REDIRECT),
    ]
}

#[tokio::test]
async fn authorization_code_success_shape_and_signed_tokens() {
    let h = Harness::new();
    let code = code_for(&h, seed::NEW_USER).await;
    let reply = h
        .post_form("/oauth/token", &exchange(&code), &[("origin", ORIGIN)])
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    assert_eq!(reply.header("pragma"), Some("no-cache"));
    assert_eq!(reply.header("access-control-allow-origin"), Some(ORIGIN));
    let body = reply.json();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 600);
    assert_eq!(body["scope"], MFA_SCOPE);
    let access = payload(body["access_token"].as_str().unwrap());
    assert_eq!(access["iss"], "http://127.0.0.1:4000/");
    assert_eq!(
        access["aud"],
        json!([MFA_AUDIENCE, "http://127.0.0.1:4000/userinfo"])
    );
    assert_eq!(access["azp"], seed::CLIENT_ID);
    assert_eq!(access["sub"], seed::NEW_USER_ID);
    assert_eq!(
        access["exp"].as_u64().unwrap() - access["iat"].as_u64().unwrap(),
        600
    );
    let id = payload(body["id_token"].as_str().unwrap());
    for claim in [
        "iss",
        "aud",
        "sub",
        "azp",
        "exp",
        "iat",
        "nonce",
        "auth_time",
    ] {
        assert!(id.get(claim).is_some(), "missing {claim} in {id}");
    }
    assert_eq!(id["nonce"], "nonce-456");
    assert_eq!(id["aud"], seed::CLIENT_ID);
    // Signed with the published key.
    let header = crate::model::jwt::split(body["id_token"].as_str().unwrap())
        .unwrap()
        .header;
    let jwks = h.get("/.well-known/jwks.json", &[]).await.json();
    assert_eq!(header["alg"], "RS256");
    assert_eq!(header["kid"], jwks["keys"][0]["kid"]);
    let verified: Option<Value> = h.state.signer().verify(body["id_token"].as_str().unwrap());
    assert!(verified.is_some());
}

#[tokio::test]
async fn json_bodies_are_accepted() {
    let h = Harness::new();
    let code = code_for(&h, seed::NEW_USER).await;
    let body = json!({"grant_type":"authorization_code","client_id":seed::CLIENT_ID,"code":code,"code_verifier":VERIFIER,"redirect_uri":REDIRECT});
    let reply = h.post_json("/oauth/token", body, &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

#[tokio::test]
async fn custom_domain_tokens_carry_the_custom_issuer_and_canonical_audience() {
    let h = Harness::new();
    let code = code_for(&h, seed::NEW_USER).await;
    let body = serde_urlencoded::to_string(exchange(&code)).unwrap();
    let reply = h
        .send(request(
            Method::POST,
            "/oauth/token",
            &[
                ("host", "localhost:4000"),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            Body::from(body),
        ))
        .await;
    let body = reply.json();
    let access = payload(body["access_token"].as_str().unwrap());
    assert_eq!(access["iss"], "http://localhost:4000/");
    assert_eq!(access["aud"][0], MFA_AUDIENCE);
    assert_eq!(
        payload(body["id_token"].as_str().unwrap())["iss"],
        "http://localhost:4000/"
    );
}

#[tokio::test]
async fn authorization_code_errors() {
    let h = Harness::new();
    let code = code_for(&h, seed::NEW_USER).await;
    assert_eq!(h.token(&exchange(&code)).await.status, StatusCode::OK);
    h.token(&exchange(&code)).await.assert_error(
        403,
        "invalid_grant",
        "Invalid authorization code",
    );
    h.token(&exchange("garbage")).await.assert_error(
        403,
        "invalid_grant",
        "Invalid authorization code",
    );

    let code = code_for(&h, seed::NEW_USER).await;
    let mut wrong = exchange(&code);
    wrong[3] = (
        "code_verifier",
        "x-wrong-verifier-x-wrong-verifier-x-wrong-v",
    );
    h.token(&wrong)
        .await
        .assert_error(403, "invalid_grant", "Failed to verify code verifier");

    let code = code_for(&h, seed::NEW_USER).await;
    h.advance(61).await;
    h.token(&exchange(&code)).await.assert_error(
        403,
        "invalid_grant",
        "Invalid authorization code",
    );

    for missing in ["code", "code_verifier"] {
        let pairs: Vec<_> = exchange("x")
            .into_iter()
            .filter(|(k, _)| *k != missing)
            .collect();
        h.token(&pairs).await.assert_error(
            400,
            "invalid_request",
            &format!("Missing required parameter: {missing}"),
        );
    }
    h.token(&[("client_id", seed::CLIENT_ID)])
        .await
        .assert_error(
            400,
            "invalid_request",
            "Missing required parameter: grant_type",
        );
    h.token(&[("grant_type", "authorization_code")])
        .await
        .assert_error(
            400,
            "invalid_request",
            "Missing required parameter: client_id",
        );
    h.token(&[("grant_type", "authorization_code"), ("client_id", "nope")])
        .await
        .assert_error(401, "access_denied", "Unauthorized");
}

#[tokio::test]
async fn grant_type_errors() {
    let h = Harness::with_seed(Some(seed_with_second_client()));
    h.token(&[("grant_type", "magic"), ("client_id", seed::CLIENT_ID)])
        .await
        .assert_error(400, "unsupported_grant_type", "Grant type not supported");
    let refused = h
        .token(&[("grant_type", OTP_GRANT), ("client_id", "other-client")])
        .await;
    refused.assert_error(
        403,
        "unauthorized_client",
        "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client.",
    );
    assert_eq!(
        refused.json()["error_uri"],
        "https://auth0.com/docs/clients/client-grant-types"
    );
    h.token(&[("grant_type", "password"), ("client_id", seed::CLIENT_ID)])
        .await
        .assert_error(
            403,
            "unauthorized_client",
            "Grant type 'password' not allowed for the client.",
        );
}

#[tokio::test]
async fn disallowed_origin_is_refused_without_cors_headers() {
    let h = Harness::new();
    let reply = h
        .post_form(
            "/oauth/token",
            &exchange("x"),
            &[("origin", "https://evil.example")],
        )
        .await;
    reply.assert_error(401, "access_denied", "Unauthorized");
    assert!(reply.header("access-control-allow-origin").is_none());
}

async fn otp(h: &Harness, token: &str, code: &str) -> Reply {
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", token),
        ("otp", code),
    ])
    .await
}

#[tokio::test]
async fn mfa_otp_errors_and_success() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
    let good = code_at(&secret, h.now() + 60);
    h.advance(60).await;
    let wrong = if good == "000000" { "111111" } else { "000000" };
    otp(&h, &token, wrong)
        .await
        .assert_error(403, "invalid_grant", "Invalid otp_code.");
    let ok = otp(&h, &token, &good).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    assert_eq!(ok.json()["expires_in"], 600);
    otp(&h, &token, &good)
        .await
        .assert_error(403, "invalid_grant", "Invalid otp_code.");

    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("otp", "123456"),
    ])
    .await
    .assert_error(
        400,
        "invalid_request",
        "Missing required parameter: mfa_token",
    );
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &token),
    ])
    .await
    .assert_error(400, "invalid_request", "Missing required parameter: otp");
    for garbage in ["garbage", "Fe26.2*SERVER_1*abc*def", "a.b.c"] {
        h.token(&[
            ("grant_type", OTP_GRANT),
            ("client_id", seed::CLIENT_ID),
            ("mfa_token", garbage),
            ("otp", "123456"),
        ])
        .await
        .assert_error(403, "invalid_grant", "Malformed mfa_token");
    }
}

#[tokio::test]
async fn too_many_failed_codes() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    for _ in 0..10 {
        let reply = h
            .token(&[
                ("grant_type", OTP_GRANT),
                ("client_id", seed::CLIENT_ID),
                ("mfa_token", &token),
                ("otp", "abcdef"),
            ])
            .await;
        reply.assert_error(403, "invalid_grant", "Invalid otp_code.");
    }
    let locked = h
        .token(&[
            ("grant_type", OTP_GRANT),
            ("client_id", seed::CLIENT_ID),
            ("mfa_token", &token),
            ("otp", "123456"),
        ])
        .await;
    locked.assert_error(
        429,
        "too_many_attempts",
        "Too many failed codes. Wait for some minutes before retrying.",
    );
    assert_eq!(locked.header("x-ratelimit-limit"), Some("10"));
    assert_eq!(locked.header("x-ratelimit-remaining"), Some("0"));
    locked.assert_retry_after_in_window(360);
    assert!(locked.header("x-ratelimit-reset").is_some());
}

#[tokio::test]
async fn mfa_token_expiry_audience_and_client() {
    let h = Harness::with_seed(Some(seed_with_second_client()));
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", "other-client"),
        ("mfa_token", &token),
        ("otp", "123456"),
    ])
    .await
    .assert_error(
        403,
        "unauthorized_client",
        "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client.",
    );

    let mut seed = seed_with_second_client();
    seed.clients[1]
        .grant_types
        .push(crate::model::client::GrantType::MfaOtp);
    let h = Harness::with_seed(Some(seed));
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", "other-client"),
        ("mfa_token", &token),
        ("otp", "123456"),
    ])
    .await
    .assert_error(
        400,
        "invalid_request",
        "mfa_token not issued to this client",
    );

    let app = h.tokens(seed::NEW_USER, seed::APP_AUDIENCE).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &app),
        ("otp", "123456"),
    ])
    .await
    .assert_error(403, "invalid_grant", "invalid audience");

    h.advance(600).await;
    h.token(&[
        ("grant_type", OTP_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &token),
        ("otp", "123456"),
    ])
    .await
    .assert_error(403, "expired_token", "mfa_token is expired");
}

#[tokio::test]
async fn mfa_oob_binding_codes() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    let enrolled = h.associate(&token, json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155550100"}))
        .await
        .json();
    let oob = enrolled["oob_code"].as_str().unwrap().to_owned();
    assert!(oob.starts_with("Fe26.2*"));
    let sent = h.outbox_last().await;
    let code = sent["code"].as_str().unwrap().to_owned();
    let base = [
        ("grant_type", OOB_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", token.as_str()),
        ("oob_code", oob.as_str()),
    ];
    h.token(&base).await.assert_error(
        400,
        "invalid_request",
        "Missing required parameter: binding_code",
    );
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let mut with = base.to_vec();
    with.push(("binding_code", wrong));
    h.token(&with)
        .await
        .assert_error(403, "invalid_grant", "Invalid binding_code.");
    with.pop();
    with.push(("binding_code", &code));
    let ok = h.token(&with).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    h.token(&with)
        .await
        .assert_error(403, "invalid_grant", "Invalid oob_code.");
    h.token(&[
        ("grant_type", OOB_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &token),
    ])
    .await
    .assert_error(
        400,
        "invalid_request",
        "Missing required parameter: oob_code",
    );

    // Another user's oob_code.
    let other = h.mfa_token(seed::ENROLLED_USER).await;
    let enrolled = h
        .associate(
            &token,
            json!({"authenticator_types":["oob"],"oob_channels":["email"],"email":"x@example.org"}),
        )
        .await
        .json();
    let foreign = enrolled["oob_code"].as_str().unwrap();
    h.token(&[
        ("grant_type", OOB_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &other),
        ("oob_code", foreign),
        ("binding_code", "123456"),
    ])
    .await
    .assert_error(
        400,
        "invalid_request",
        "The oob_code doesn't match the mfa_token",
    );

    h.advance(300).await;
    h.token(&[
        ("grant_type", OOB_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &token),
        ("oob_code", foreign),
        ("binding_code", "123456"),
    ])
    .await
    .assert_error(403, "expired_token", "oob_code is expired");
}

#[tokio::test]
async fn push_polling() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    let enrolled = h
        .associate(
            &token,
            json!({"authenticator_types":["oob"],"oob_channels":["auth0"]}),
        )
        .await
        .json();
    let oob = enrolled["oob_code"].as_str().unwrap().to_owned();
    let poll = [
        ("grant_type", OOB_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", token.as_str()),
        ("oob_code", oob.as_str()),
    ];
    h.token(&poll).await.assert_error(
        403,
        "authorization_pending",
        "Authorization pending: please repeat the request in a few seconds.",
    );
    h.token(&poll).await.assert_error(
        429,
        "slow_down",
        "You are polling faster than allowed. Try again in 5 seconds.",
    );
    let push = h.outbox_last().await;
    let id = push["id"].as_u64().unwrap();
    assert_eq!(
        h.post_json(&format!("/__emulator/push/{id}/reject"), json!({}), &[])
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    h.advance(5).await;
    h.token(&poll)
        .await
        .assert_error(403, "invalid_grant", "MFA Authorization rejected.");

    let enrolled = h
        .associate(
            &token,
            json!({"authenticator_types":["oob"],"oob_channels":["auth0"]}),
        )
        .await
        .json();
    let oob = enrolled["oob_code"].as_str().unwrap().to_owned();
    let id = h.outbox_last().await["id"].as_u64().unwrap();
    h.post_json(&format!("/__emulator/push/{id}/approve"), json!({}), &[])
        .await;
    let ok = h
        .token(&[
            ("grant_type", OOB_GRANT),
            ("client_id", seed::CLIENT_ID),
            ("mfa_token", &token),
            ("oob_code", &oob),
        ])
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
}

#[tokio::test]
async fn recovery_code_grant_rotates() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let grant = |code: &'static str| {
        [
            ("grant_type", RECOVERY_GRANT),
            ("client_id", seed::CLIENT_ID),
            ("recovery_code", code),
        ]
    };
    let mut pairs = grant(seed::ENROLLED_RECOVERY_CODE).to_vec();
    pairs.push(("mfa_token", &token));
    let ok = h.token(&pairs).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text());
    let body = ok.json();
    let new_code = body["recovery_code"].as_str().unwrap();
    assert_eq!(new_code.len(), 24);
    assert_ne!(new_code, seed::ENROLLED_RECOVERY_CODE);
    h.token(&pairs)
        .await
        .assert_error(403, "invalid_grant", "MFA Authorization rejected.");
    h.token(&[
        ("grant_type", RECOVERY_GRANT),
        ("client_id", seed::CLIENT_ID),
        ("mfa_token", &token),
    ])
    .await
    .assert_error(
        400,
        "invalid_request",
        "Missing required parameter: recovery_code",
    );
}

#[tokio::test]
async fn malformed_bodies() {
    let h = Harness::new();
    let malformed = h
        .send(request(
            Method::POST,
            "/oauth/token",
            &[("content-type", "application/json")],
            Body::from("{\"grant_type\":"),
        ))
        .await;
    malformed.assert_error(400, "invalid_request", "Invalid JSON body");
    let array = h.post_json("/oauth/token", json!(["x"]), &[]).await;
    array.assert_error(
        400,
        "invalid_request",
        "The request body must be a JSON object",
    );
    let nested = h
        .post_json("/oauth/token", json!({"client_id": {"a": 1}}), &[])
        .await;
    nested.assert_error(400, "invalid_request", "Invalid parameter: client_id");
    let text = h
        .send(request(
            Method::POST,
            "/oauth/token",
            &[("content-type", "text/plain")],
            Body::from("hello"),
        ))
        .await;
    text.assert_error(
        400,
        "invalid_request",
        "Unsupported content type: use application/json or application/x-www-form-urlencoded",
    );
    let big = h
        .send(request(
            Method::POST,
            "/oauth/token",
            &[("content-type", "application/json")],
            Body::from(vec![b' '; 70_000]),
        ))
        .await;
    big.assert_error(413, "invalid_request", "Request body is too large");
    let refresh = h
        .token(&[
            ("grant_type", "refresh_token"),
            ("client_id", seed::CLIENT_ID),
            ("refresh_token", "x"),
        ])
        .await;
    refresh.assert_error(
        403,
        "unauthorized_client",
        "Grant type 'refresh_token' not allowed for the client.",
    );
    let get = h.get("/oauth/token", &[]).await;
    get.assert_error(405, "method_not_allowed", "Method Not Allowed");
}
