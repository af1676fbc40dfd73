use axum::http::StatusCode;
use serde_json::json;

use super::*;

async fn list(h: &Harness, token: &str) -> Vec<Value> {
    let reply = h
        .get("/mfa/authenticators", &[("authorization", &bearer(token))])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    reply.json().as_array().unwrap().clone()
}

async fn delete(h: &Harness, token: &str, id: &str) -> Reply {
    h.send(request(
        Method::DELETE,
        &format!("/mfa/authenticators/{id}"),
        &[("authorization", &bearer(token))],
        Body::empty(),
    ))
    .await
}

const INVALID: &str = "The mfa_token provided is invalid. Try getting a new token.";

#[tokio::test]
async fn list_shows_the_seeded_enrolled_user() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let listed = list(&h, &token).await;
    assert_eq!(
        listed[0],
        json!({"id":seed::ENROLLED_RECOVERY_ID,"authenticator_type":"recovery-code","active":true,"type":"recovery-code"})
    );
    assert_eq!(
        listed[1],
        json!({"id":seed::ENROLLED_TOTP_ID,"authenticator_type":"otp","active":true,"type":"otp"})
    );
    assert_eq!(
        listed[2],
        json!({"id":seed::ENROLLED_SMS_ID,"authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXX2046","type":"phone"})
    );
    assert_eq!(listed[3]["id"], seed::ENROLLED_VOICE_ID);
    assert_eq!(
        listed[4],
        json!({"id":seed::ENROLLED_PENDING_TOTP_ID,"authenticator_type":"otp","active":false,"type":"otp"})
    );
    assert_eq!(listed[5]["oob_channel"], "email");
    assert_eq!(listed.len(), 6);
}

#[tokio::test]
async fn bearer_failures_are_401_invalid_grant() {
    let h = Harness::new();
    for auth in [
        None,
        Some("Bearer"),
        Some("Bearer garbage"),
        Some("Basic abc"),
        Some("Bearer a.b.c"),
    ] {
        let headers: Vec<(&str, &str)> =
            auth.map(|a| vec![("authorization", a)]).unwrap_or_default();
        h.get("/mfa/authenticators", &headers)
            .await
            .assert_error(401, "invalid_grant", INVALID);
        h.post_json(
            "/mfa/associate",
            json!({"authenticator_types":["otp"]}),
            &headers,
        )
        .await
        .assert_error(401, "invalid_grant", INVALID);
    }
    let app = h.tokens(seed::NEW_USER, seed::APP_AUDIENCE).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    h.get("/mfa/authenticators", &[("authorization", &bearer(&app))])
        .await
        .assert_error(401, "invalid_grant", INVALID);
    let token = h.mfa_token(seed::NEW_USER).await;
    h.advance(601).await;
    h.get("/mfa/authenticators", &[("authorization", &bearer(&token))])
        .await
        .assert_error(401, "invalid_grant", INVALID);
    delete(&h, &token, seed::ENROLLED_TOTP_ID)
        .await
        .assert_error(401, "invalid_grant", INVALID);
    // Bearer problems win over body problems.
    h.send(request(
        Method::POST,
        "/mfa/associate",
        &[("content-type", "application/json")],
        Body::from("{"),
    ))
    .await
    .assert_error(401, "invalid_grant", INVALID);
}

#[tokio::test]
async fn missing_scopes_are_403() {
    let h = Harness::new();
    let body = h.new_user_token(MFA_AUDIENCE, "openid").await.json();
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(body["scope"], "openid");
    h.get("/mfa/authenticators", &[("authorization", &bearer(token))])
        .await
        .assert_error(
            403,
            "access_denied",
            "Insufficient scope, expected any of: read:authenticators",
        );
    h.associate(token, json!({"authenticator_types":["otp"]}))
        .await
        .assert_error(
            403,
            "access_denied",
            "Insufficient scope, expected any of: enroll",
        );
    delete(&h, token, "totp|dev_AAAAAAAAAAAAAAAA")
        .await
        .assert_error(
            403,
            "access_denied",
            "Insufficient scope, expected any of: remove:authenticators",
        );
}

#[tokio::test]
async fn associate_each_kind() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    let otp = h
        .associate(&token, json!({"authenticator_types":["otp"]}))
        .await;
    assert_eq!(otp.status, StatusCode::OK);
    let otp = otp.json();
    assert_eq!(otp["authenticator_type"], "otp");
    assert_eq!(otp["secret"].as_str().unwrap().len(), 32);
    assert!(otp["barcode_uri"]
        .as_str()
        .unwrap()
        .starts_with("otpauth://totp/mfa-emulator:new%40example.com?secret="));
    assert_eq!(otp["recovery_codes"].as_array().unwrap().len(), 1);

    let sms = h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155552046"}),
    )
    .await
    .json();
    assert_eq!(sms["binding_method"], "prompt");
    assert_eq!(sms["oob_channel"], "sms");
    assert!(sms["oob_code"].as_str().unwrap().starts_with("Fe26.2*"));
    let voice = h.associate(&token, json!({"authenticator_types":["oob"],"oob_channels":["voice"],"phone_number":"+14155552046"})).await.json();
    assert_eq!(voice["oob_channel"], "voice");
    assert_eq!(h.outbox_last().await["channel"], "voice");
    let email = h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["email"],"email":"jane@example.com"}),
    )
    .await
    .json();
    assert_eq!(email["oob_channel"], "email");
    assert_eq!(h.outbox_last().await["to"], "jane@example.com");
    let push = h
        .associate(
            &token,
            json!({"authenticator_types":["oob"],"oob_channels":["auth0"]}),
        )
        .await
        .json();
    assert_eq!(push["oob_channel"], "auth0");
    assert!(push.get("binding_method").is_none());
    let outbox_push = h.outbox_last().await;
    assert_eq!(
        (
            outbox_push["channel"].clone(),
            outbox_push["status"].clone(),
            outbox_push["code"].clone()
        ),
        (json!("push"), json!("pending"), Value::Null)
    );

    let listed = list(&h, &token).await;
    assert!(listed.iter().all(|a| a["active"] == false), "{listed:?}");
    let prefixes: Vec<&str> = listed
        .iter()
        .map(|a| a["id"].as_str().unwrap().split('|').next().unwrap())
        .collect();
    assert_eq!(
        prefixes,
        ["totp", "sms", "voice", "sms", "voice", "email", "push", "totp"]
    );
}

#[tokio::test]
async fn associate_errors() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    let cases = [
        (
            json!({}),
            400,
            "invalid_request",
            "Missing required parameter: authenticator_types",
        ),
        (
            json!({"authenticator_types":["magic"]}),
            400,
            "invalid_request",
            "Unsupported authenticator type: magic",
        ),
        (
            json!({"authenticator_types":["oob"]}),
            400,
            "invalid_request",
            "Missing required parameter: oob_channels",
        ),
        (
            json!({"authenticator_types":["oob"],"oob_channels":["pigeon"]}),
            400,
            "invalid_request",
            "Unsupported oob_channel: pigeon",
        ),
        (
            json!({"authenticator_types":["oob"],"oob_channels":["sms"]}),
            400,
            "invalid_request",
            "Missing required parameter: phone_number",
        ),
        (
            json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"555-1234"}),
            400,
            "invalid_request",
            "The provided phone number is invalid",
        ),
        (
            json!({"authenticator_types":["oob"],"oob_channels":["email"]}),
            400,
            "invalid_request",
            "Missing required parameter: email",
        ),
        (
            json!({"authenticator_types":["oob"],"oob_channels":["email"],"email":"nope"}),
            400,
            "invalid_request",
            "The provided email is invalid",
        ),
        (
            json!({"authenticator_types":"otp","phone_number":5}),
            400,
            "invalid_request",
            "Invalid parameter: phone_number",
        ),
        (
            json!([1]),
            400,
            "invalid_request",
            "The request body must be a JSON object",
        ),
    ];
    for (body, status, error, description) in cases {
        h.associate(&token, body)
            .await
            .assert_error(status, error, description);
    }
    h.send(request(
        Method::POST,
        "/mfa/associate",
        &[
            ("authorization", &bearer(&token)),
            ("content-type", "application/json"),
        ],
        Body::from("{"),
    ))
    .await
    .assert_error(400, "invalid_request", "Invalid JSON body");
    h.send(request(
        Method::POST,
        "/mfa/associate",
        &[
            ("authorization", &bearer(&token)),
            ("content-type", "text/plain"),
        ],
        Body::from("otp"),
    ))
    .await
    .assert_error(
        400,
        "invalid_request",
        "Unsupported content type: use application/json or application/x-www-form-urlencoded",
    );

    let mut seed = default_seed(&[ORIGIN.to_owned()]);
    seed.factors.sms = false;
    seed.factors.otp = false;
    let h = Harness::with_seed(Some(seed));
    let token = h.mfa_token(seed::NEW_USER).await;
    h.associate(&token, json!({"authenticator_types":["otp"]}))
        .await
        .assert_error(
            403,
            "unsupported_challenge_type",
            "The factor is not enabled for this tenant: otp",
        );
    h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155552046"}),
    )
    .await
    .assert_error(
        403,
        "unsupported_challenge_type",
        "The factor is not enabled for this tenant: sms",
    );
    // Voice alone: no twin.
    h.associate(&token, json!({"authenticator_types":["oob"],"oob_channels":["voice"],"phone_number":"+14155552046"})).await;
    assert_eq!(list(&h, &token).await.len(), 1);
}

#[tokio::test]
async fn fifty_pending_enrollments_is_the_cap() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    for _ in 0..50 {
        assert_eq!(
            h.associate(&token, json!({"authenticator_types":["otp"]}))
                .await
                .status,
            StatusCode::OK
        );
    }
    h.associate(&token, json!({"authenticator_types":["otp"]}))
        .await
        .assert_error(
            429,
            "too_many_requests",
            "User has created the maximum amount of authenticators",
        );
}

#[tokio::test]
async fn sms_send_limit() {
    let h = Harness::new();
    let token = h.mfa_token(seed::NEW_USER).await;
    for _ in 0..10 {
        let r = h.associate(&token, json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155552046"})).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let limited = h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155552046"}),
    )
    .await;
    limited.assert_error(429, "too_many_requests", "Rate limit exceeded.");
    assert_eq!(limited.header("x-ratelimit-limit"), Some("10"));
    // The hour counts from the first text message.
    limited.assert_retry_after_in_window(3600);
}

#[tokio::test]
async fn delete_rules() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let listed = list(&h, &token).await;
    let email_id = listed[5]["id"].as_str().unwrap().replace('|', "%7C");
    delete(&h, &token, &email_id).await.assert_error(
        403,
        "access_denied",
        "Verified emails cannot be removed as authenticators",
    );
    delete(&h, &token, "totp%7Cdev_AAAAAAAAAAAAAAAA")
        .await
        .assert_error(404, "not_found", "Authenticator not found");
    // Encoded id; the voice twin goes too.
    let gone = delete(&h, &token, "sms%7Cdev_SeededPhoneTwins").await;
    assert_eq!(gone.status, StatusCode::NO_CONTENT);
    assert!(gone.body.is_empty());
    // Raw id.
    assert_eq!(
        delete(&h, &token, "totp|dev_SeededOtpPending").await.status,
        StatusCode::NO_CONTENT
    );
    let ids: Vec<String> = list(&h, &token)
        .await
        .iter()
        .map(|a| a["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(!ids
        .iter()
        .any(|id| id.contains("SeededPhoneTwins") || id.contains("SeededOtpPending")));
    // Another user's authenticator is unknown.
    let other = h.mfa_token(seed::NEW_USER).await;
    delete(&h, &other, seed::ENROLLED_TOTP_ID)
        .await
        .assert_error(404, "not_found", "Authenticator not found");
}

#[tokio::test]
async fn challenge_endpoint() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let otp = h
        .post_json(
            "/mfa/challenge",
            json!({"client_id":seed::CLIENT_ID,"mfa_token":token,"challenge_type":"otp"}),
            &[],
        )
        .await;
    assert_eq!(otp.json(), json!({"challenge_type":"otp"}));
    let sms = h
        .post_json("/mfa/challenge", json!({"client_id":seed::CLIENT_ID,"mfa_token":token,"challenge_type":"oob","authenticator_id":seed::ENROLLED_SMS_ID}), &[])
        .await
        .json();
    assert_eq!(sms["challenge_type"], "oob");
    assert_eq!(sms["binding_method"], "prompt");
    assert_eq!(h.outbox_last().await["to"], seed::ENROLLED_PHONE);

    h.post_json(
        "/mfa/challenge",
        json!({"client_id":seed::CLIENT_ID,"mfa_token":"garbage"}),
        &[],
    )
    .await
    .assert_error(403, "invalid_grant", "Malformed mfa_token");
    h.post_json("/mfa/challenge", json!({"mfa_token":token}), &[])
        .await
        .assert_error(
            400,
            "invalid_request",
            "Missing required parameter: client_id",
        );
    h.post_json("/mfa/challenge", json!({"client_id":seed::CLIENT_ID}), &[])
        .await
        .assert_error(
            400,
            "invalid_request",
            "Missing required parameter: mfa_token",
        );
    h.post_json("/mfa/challenge", json!({"client_id":seed::CLIENT_ID,"mfa_token":token,"challenge_type":"oob","authenticator_id":seed::ENROLLED_TOTP_ID}), &[])
        .await
        .assert_error(403, "unsupported_challenge_type", "User is not enrolled with an authenticator that supports the requested challenge type");
    let fresh = h.mfa_token(seed::NEW_USER).await;
    h.post_json(
        "/mfa/challenge",
        json!({"client_id":seed::CLIENT_ID,"mfa_token":fresh}),
        &[],
    )
    .await
    .assert_error(
        403,
        "association_required",
        "User must enroll an authenticator first",
    );
}
