use axum::http::StatusCode;
use serde_json::json;

use super::*;

fn preflight(uri: &str, origin: &str) -> Request<Body> {
    request(
        Method::OPTIONS,
        uri,
        &[
            ("origin", origin),
            ("access-control-request-method", "POST"),
            (
                "access-control-request-headers",
                "authorization, content-type",
            ),
        ],
        Body::empty(),
    )
}

#[tokio::test]
async fn preflight_for_allowed_origins_only() {
    let h = Harness::new();
    for path in [
        "/oauth/token",
        "/mfa/associate",
        "/mfa/authenticators/totp%7Cdev_x",
        "/me/v1/authentication-methods/totp%7Cdev_x",
    ] {
        let ok = h.send(preflight(path, ORIGIN)).await;
        assert_eq!(ok.status, StatusCode::NO_CONTENT);
        assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
        assert_eq!(
            ok.header("access-control-allow-methods"),
            Some("GET, POST, PATCH, DELETE, OPTIONS")
        );
        assert_eq!(
            ok.header("access-control-allow-headers"),
            Some("Authorization, Content-Type, Auth0-Client, DPoP")
        );
        assert_eq!(ok.header("access-control-max-age"), Some("86400"));
        assert_eq!(ok.header("vary"), Some("Origin"));
        let refused = h.send(preflight(path, "https://evil.example")).await;
        assert!(refused.header("access-control-allow-origin").is_none());
    }
}

#[tokio::test]
async fn actual_responses_carry_cors_for_allowed_origins() {
    let h = Harness::new();
    let ok = h.get("/mfa/authenticators", &[("origin", ORIGIN)]).await;
    assert_eq!(ok.status, StatusCode::UNAUTHORIZED);
    assert_eq!(ok.header("access-control-allow-origin"), Some(ORIGIN));
    assert_eq!(
        ok.header("access-control-expose-headers"),
        Some(
            "x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, \
             x-auth0-error-kind, Location, DPoP-Nonce"
        )
    );
    let evil = h
        .get("/mfa/authenticators", &[("origin", "https://evil.example")])
        .await;
    assert!(evil.header("access-control-allow-origin").is_none());
    // Pages are navigations: no CORS.
    let page = h
        .get(&h.authorize_uri(MFA_AUDIENCE, &[]), &[("origin", ORIGIN)])
        .await;
    assert!(page.header("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn no_cors_fault_omits_every_header() {
    let h = Harness::new();
    h.post_json(
        "/__emulator/faults",
        json!({"kind":"no_cors","count":2,"path_prefix":"/mfa/"}),
        &[],
    )
    .await;
    let pre = h.send(preflight("/mfa/associate", ORIGIN)).await;
    assert!(pre.header("access-control-allow-origin").is_none());
    let actual = h.get("/mfa/authenticators", &[("origin", ORIGIN)]).await;
    assert!(actual.header("access-control-allow-origin").is_none());
    let back = h.get("/mfa/authenticators", &[("origin", ORIGIN)]).await;
    assert_eq!(back.header("access-control-allow-origin"), Some(ORIGIN));
}
