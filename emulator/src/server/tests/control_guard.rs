//! Who may use test control: the app's pages and tools without an `Origin`, at the emulator's
//! own hosts; other pages and other host names are refused before anything happens.

use axum::http::StatusCode;
use serde_json::json;

use super::*;

const EVIL: &str = "https://evil.example";

/// Starts a push enrollment for the new user; returns its outbox id.
async fn pending_push(h: &Harness) -> u64 {
    let token = h.mfa_token(seed::NEW_USER).await;
    h.associate(
        &token,
        json!({"authenticator_types":["oob"],"oob_channels":["auth0"]}),
    )
    .await;
    let push = h.outbox_last().await;
    assert_eq!(push["status"], "pending", "{push}");
    push["id"].as_u64().unwrap()
}

#[tokio::test]
async fn control_answers_the_apps_pages_and_refuses_other_origins() {
    let h = Harness::new();
    let id = pending_push(&h).await;

    // A page of another origin reads nothing, and its answer carries no CORS headers.
    let read = h.get("/__emulator/outbox", &[("origin", EVIL)]).await;
    read.assert_error(
        403,
        "forbidden",
        "Test control answers tools without an Origin header and pages of \
         http://127.0.0.1:8080 only; a page of https://evil.example may not use it",
    );
    assert!(!read.text().contains("\"code\""), "{}", read.text());
    assert!(read.header("access-control-allow-origin").is_none());
    // Nor can it approve the push, move the clock or reset the tenant, by fetch or by form.
    let approve = h
        .post_form(
            &format!("/__emulator/push/{id}/approve"),
            &[],
            &[("origin", EVIL)],
        )
        .await;
    assert_eq!(approve.status, StatusCode::FORBIDDEN);
    assert!(approve.header("access-control-allow-origin").is_none());
    let before = h.now();
    let clock = h
        .post_json(
            "/__emulator/clock",
            json!({"advance_seconds": 3600}),
            &[("origin", EVIL)],
        )
        .await;
    assert_eq!(clock.status, StatusCode::FORBIDDEN);
    assert!(h.now() < before + 3600, "the clock did not move");
    assert_eq!(h.outbox_last().await["status"], "pending");
    // `Origin: null` (sandboxed frames, file: pages) is another origin too.
    let null = h.get("/__emulator/outbox", &[("origin", "null")]).await;
    assert_eq!(null.status, StatusCode::FORBIDDEN);
    // Its preflight gets no CORS headers, so the browser does not even send the request.
    let preflight = h
        .send(request(
            Method::OPTIONS,
            "/__emulator/reset",
            &[("origin", EVIL), ("access-control-request-method", "POST")],
            Body::empty(),
        ))
        .await;
    assert!(preflight.header("access-control-allow-origin").is_none());

    // The app's own page is answered, with CORS headers naming it.
    let outbox = h.get("/__emulator/outbox", &[("origin", ORIGIN)]).await;
    assert_eq!(outbox.status, StatusCode::OK, "{}", outbox.text());
    assert_eq!(outbox.header("access-control-allow-origin"), Some(ORIGIN));
    let approved = h
        .post_json(
            &format!("/__emulator/push/{id}/approve"),
            json!({}),
            &[("origin", ORIGIN)],
        )
        .await;
    assert_eq!(
        approved.status,
        StatusCode::NO_CONTENT,
        "{}",
        approved.text()
    );
    assert_eq!(h.outbox_last().await["status"], "approved");
}

#[tokio::test]
async fn control_answers_tools_without_an_origin_at_the_emulators_own_hosts_only() {
    let h = Harness::new();
    // curl and the e2e harness send no Origin: answered at the listen address and at the
    // custom domain.
    for host in ["127.0.0.1:4000", "localhost:4000", "LOCALHOST:4000"] {
        let reply = h.get("/__emulator/outbox", &[("host", host)]).await;
        assert_eq!(reply.status, StatusCode::OK, "{host}: {}", reply.text());
    }
    // A name made to resolve to 127.0.0.1 (DNS rebinding) is same-origin with its own page,
    // so the request has no foreign Origin; its Host gives it away.
    let rebound = h
        .get(
            "/__emulator/outbox",
            &[
                ("host", "evil.example:4000"),
                ("origin", "http://evil.example:4000"),
            ],
        )
        .await;
    rebound.assert_error(
        421,
        "misdirected_request",
        "Test control answers only at 127.0.0.1:4000 or localhost:4000; this request was sent \
         to evil.example:4000 (a name that merely resolves to this machine, as in DNS \
         rebinding, is refused)",
    );
    assert!(rebound.header("access-control-allow-origin").is_none());
    let before = h.now();
    let clock = h
        .post_json(
            "/__emulator/clock",
            json!({"advance_seconds": 3600}),
            &[("host", "evil.example:4000")],
        )
        .await;
    assert_eq!(clock.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(h.now() < before + 3600, "the clock did not move");
    for host in [
        "evil.example:4000",
        "127.0.0.1:4001",
        "192.168.1.20:4000",
        "localhost",
    ] {
        let reply = h.get("/__emulator/outbox", &[("host", host)]).await;
        assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST, "{host}");
    }
    // A request without any Host header names no host of the emulator either.
    let no_host = Request::builder()
        .uri("/__emulator/outbox")
        .body(Body::empty())
        .unwrap();
    let reply = h.send(no_host).await;
    assert_eq!(reply.status, StatusCode::MISDIRECTED_REQUEST);
    assert!(reply.text().contains("sent to no host"), "{}", reply.text());
}

#[tokio::test]
async fn tenant_endpoints_answer_at_both_hosts_and_any_origin_as_before() {
    let h = Harness::new();
    for (host, issuer) in [
        ("127.0.0.1:4000", "http://127.0.0.1:4000/"),
        ("localhost:4000", "http://localhost:4000/"),
    ] {
        let discovery = h
            .get("/.well-known/openid-configuration", &[("host", host)])
            .await;
        assert_eq!(discovery.status, StatusCode::OK, "{host}");
        assert_eq!(discovery.json()["issuer"], issuer);
        let login = h
            .get(&h.authorize_uri(MFA_AUDIENCE, &[]), &[("host", host)])
            .await;
        assert_eq!(login.status, StatusCode::OK, "{host}: {}", login.text());
    }
    // The MFA API still answers (with its own refusal) whatever page calls it.
    let list = h.get("/mfa/authenticators", &[("origin", EVIL)]).await;
    assert_eq!(list.status, StatusCode::UNAUTHORIZED, "{}", list.text());
}
