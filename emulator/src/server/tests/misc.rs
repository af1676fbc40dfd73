use axum::http::StatusCode;

use super::*;

#[tokio::test]
async fn discovery_follows_the_host() {
    let h = Harness::new();
    let canonical = h.get("/.well-known/openid-configuration", &[]).await.json();
    assert_eq!(canonical["issuer"], "http://127.0.0.1:4000/");
    assert_eq!(
        canonical["jwks_uri"],
        "http://127.0.0.1:4000/.well-known/jwks.json"
    );
    let custom = h
        .send(request(
            Method::GET,
            "/.well-known/openid-configuration",
            &[("host", "localhost:4000")],
            Body::empty(),
        ))
        .await
        .json();
    assert_eq!(custom["issuer"], "http://localhost:4000/");
    let jwks = h.get("/.well-known/jwks.json", &[]).await.json();
    let key = &jwks["keys"][0];
    assert_eq!(
        (
            key["kty"].as_str(),
            key["alg"].as_str(),
            key["use"].as_str()
        ),
        (Some("RSA"), Some("RS256"), Some("sig"))
    );
    assert_eq!(key["e"], "AQAB");
}

#[tokio::test]
async fn userinfo() {
    let h = Harness::new();
    let token = h.mfa_token(seed::ENROLLED_USER).await;
    let info = h
        .get("/userinfo", &[("authorization", &bearer(&token))])
        .await;
    assert_eq!(info.status, StatusCode::OK);
    let info = info.json();
    assert_eq!(info["sub"], seed::ENROLLED_USER_ID);
    assert_eq!(info["email"], seed::ENROLLED_USER);
    let refused = h
        .get("/userinfo", &[("authorization", "Bearer garbage")])
        .await;
    refused.assert_error(401, "invalid_token", "Unauthorized");
    assert_eq!(
        refused.header("www-authenticate"),
        Some("Bearer error=\"invalid_token\"")
    );
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json() {
    let h = Harness::new();
    h.get("/nope", &[])
        .await
        .assert_error(404, "not_found", "Not Found");
    h.get("/mfa/associate", &[]).await.assert_error(
        405,
        "method_not_allowed",
        "Method Not Allowed",
    );
}

#[tokio::test]
async fn control_is_absent_without_the_flag() {
    let options = Options {
        allowed_origins: vec![ORIGIN.to_owned()],
        test_control: false,
        seed: None,
    };
    let state = AppState::new(options, "127.0.0.1:4000".parse().unwrap()).unwrap();
    let router = app(state);
    let response = router
        .oneshot(request(
            Method::GET,
            "/__emulator/outbox",
            &[],
            Body::empty(),
        ))
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
