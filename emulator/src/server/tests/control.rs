use std::time::Instant;

use axum::http::StatusCode;
use serde_json::json;

use super::*;

#[tokio::test]
async fn outbox_and_push_answers() {
    let h = Harness::new();
    assert_eq!(h.get("/__emulator/outbox", &[]).await.json(), json!([]));
    let token = h.mfa_token(seed::NEW_USER).await;
    h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["sms"],"phone_number":"+14155550100"}),
    )
    .await;
    h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["auth0"]}),
    )
    .await;
    let outbox = h.get("/__emulator/outbox", &[]).await.json();
    let sms = &outbox[0];
    assert_eq!(sms["id"], 1);
    assert_eq!(sms["channel"], "sms");
    assert_eq!(sms["to"], "+14155550100");
    assert_eq!(sms["status"], "sent");
    assert_eq!(sms["code"].as_str().unwrap().len(), 6);
    assert!(sms["authenticator_id"]
        .as_str()
        .unwrap()
        .starts_with("sms|dev_"));
    assert!(sms["sent_at"].as_u64().is_some());
    let push = &outbox[1];
    assert_eq!(
        (
            push["id"].as_u64(),
            push["to"].clone(),
            push["status"].clone()
        ),
        (Some(2), Value::Null, json!("pending"))
    );
    assert_eq!(
        h.post_json("/__emulator/push/2/approve", json!({}), &[])
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        h.get("/__emulator/outbox", &[]).await.json()[1]["status"],
        "approved"
    );
    h.post_json("/__emulator/push/2/reject", json!({}), &[])
        .await
        .assert_error(
            409,
            "invalid_request",
            "The message is not a pending push request",
        );
    h.post_json("/__emulator/push/99/approve", json!({}), &[])
        .await
        .assert_error(404, "not_found", "No such outbox message");
    // Approving the enrollment activated push and its TOTP twin.
    let listed = h
        .get("/mfa/authenticators", &[("authorization", &bearer(&token))])
        .await
        .json();
    let push_active = listed
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"].as_str().unwrap().starts_with("push|") && a["active"] == true);
    assert!(push_active, "{listed}");
}

#[tokio::test]
async fn clock_advances() {
    let h = Harness::new();
    let before = h.now();
    let reply = h
        .post_json("/__emulator/clock", json!({"advance_seconds": 3600}), &[])
        .await
        .json();
    assert!(reply["now"].as_u64().unwrap() >= before + 3600);
    h.post_json("/__emulator/clock", json!({"advance": 1}), &[])
        .await;
    let bad = h
        .post_json("/__emulator/clock", json!({"advance_seconds": -1}), &[])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn faults_apply_to_the_next_requests_only() {
    let h = Harness::new();
    h.post_json(
        "/__emulator/faults",
        json!({"kind":"status","status":503,"count":1}),
        &[],
    )
    .await;
    // Control endpoints are never affected.
    assert_eq!(
        h.get("/__emulator/outbox", &[]).await.status,
        StatusCode::OK
    );
    let failed = h.get("/.well-known/jwks.json", &[]).await;
    assert_eq!(failed.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(failed.header("content-type"), Some("text/html"));
    assert!(failed.text().contains("503 Service Unavailable"));
    assert_eq!(
        h.get("/.well-known/jwks.json", &[]).await.status,
        StatusCode::OK
    );

    h.post_json(
        "/__emulator/faults",
        json!({"kind":"rate_limit","retry_after_seconds":30,"count":1,"path_prefix":"/mfa/"}),
        &[],
    )
    .await;
    assert_eq!(
        h.get("/.well-known/jwks.json", &[]).await.status,
        StatusCode::OK
    );
    let limited = h.get("/mfa/authenticators", &[]).await;
    limited.assert_error(429, "too_many_requests", "Rate limit exceeded.");
    assert_eq!(limited.header("retry-after"), Some("30"));
    assert_eq!(limited.header("x-ratelimit-remaining"), Some("0"));
    assert!(
        limited.header("x-ratelimit-limit").is_some()
            && limited.header("x-ratelimit-reset").is_some()
    );

    h.post_json(
        "/__emulator/faults",
        json!({"kind":"latency","ms":200,"count":1}),
        &[],
    )
    .await;
    let started = Instant::now();
    h.get("/.well-known/jwks.json", &[]).await;
    assert!(started.elapsed().as_millis() >= 200);

    let bad = h
        .post_json(
            "/__emulator/faults",
            json!({"kind":"status","status":200,"count":1}),
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let unknown = h
        .post_json(
            "/__emulator/faults",
            json!({"kind":"explode","count":1}),
            &[],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn body_faults_answer_malformed_oversized_and_error_envelopes() {
    let h = Harness::new();
    for fault in [
        json!({"kind":"malformed","count":1}),
        json!({"kind":"oversized","bytes":300000,"count":1}),
        json!({"kind":"error","status":401,"error":"invalid_grant","error_description":"<b>nope</b>","count":1}),
    ] {
        let added = h.post_json("/__emulator/faults", fault, &[]).await;
        assert_eq!(added.status, StatusCode::NO_CONTENT);
    }
    let malformed = h.get("/mfa/authenticators", &[]).await;
    assert_eq!(malformed.status, StatusCode::OK);
    assert!(serde_json::from_str::<serde_json::Value>(&malformed.text()).is_err());
    let oversized = h.get("/mfa/authenticators", &[]).await;
    assert_eq!(oversized.status, StatusCode::OK);
    assert!(oversized.text().len() >= 290_000);
    assert!(serde_json::from_str::<serde_json::Value>(&oversized.text()).is_ok());
    h.get("/mfa/authenticators", &[])
        .await
        .assert_error(401, "invalid_grant", "<b>nope</b>");
    let bad = h
        .post_json(
            "/__emulator/faults",
            json!({"kind":"error","status":302,"error":"x","error_description":"y","count":1}),
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn request_log_excludes_control_and_queries() {
    let h = Harness::new();
    h.get(&h.authorize_uri(MFA_AUDIENCE, &[]), &[]).await;
    h.get("/mfa/authenticators", &[]).await;
    let log = h.get("/__emulator/requests", &[]).await.json();
    assert_eq!(
        log,
        json!([{"method":"GET","path":"/authorize","status":200},{"method":"GET","path":"/mfa/authenticators","status":401}])
    );
    assert_eq!(
        h.send(request(
            Method::DELETE,
            "/__emulator/requests",
            &[],
            Body::empty()
        ))
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(h.get("/__emulator/requests", &[]).await.json(), json!([]));
}

#[tokio::test]
async fn reset_restores_the_seeded_tenant() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    h.send(request(
        Method::DELETE,
        "/mfa/authenticators/totp%7Cdev_SeededTotpActive",
        &[("authorization", &bearer(&token))],
        Body::empty(),
    ))
    .await;
    h.advance(100).await;
    h.post_json(
        "/__emulator/faults",
        json!({"kind":"status","status":500,"count":5}),
        &[],
    )
    .await;
    assert_eq!(
        h.post_json("/__emulator/reset", json!({}), &[])
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert!(h.now() <= system_now() + 1, "clock offset back to 0");
    assert_eq!(h.get("/__emulator/requests", &[]).await.json(), json!([]));
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let listed = h
        .get("/mfa/authenticators", &[("authorization", &bearer(&token))])
        .await
        .json();
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["id"] == seed::ENROLLED_TOTP_ID));
}
