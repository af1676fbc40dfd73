use axum::http::StatusCode;

use super::*;

#[tokio::test]
async fn login_page_has_the_stable_selectors() {
    let h = Harness::new();
    let page = h.authorize(MFA_AUDIENCE, &[("login_hint", "a@b.c")]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    for needle in [
        "<form method=\"post\" action=\"/authorize/login\">",
        "<input id=\"username\" name=\"username\" type=\"email\"",
        "<input id=\"password\" name=\"password\" type=\"password\"",
        "<button type=\"submit\" id=\"continue\">Continue</button>",
        "value=\"a@b.c\"",
    ] {
        assert!(html.contains(needle), "missing {needle} in {html}");
    }
    assert!(!html.contains("id=\"error\""));
}

#[tokio::test]
async fn wrong_password_rerenders_with_an_error() {
    let h = Harness::new();
    let tx = h.authorize(MFA_AUDIENCE, &[]).await.transaction();
    let page = h
        .post_form(
            "/authorize/login",
            &[
                ("tx", &tx),
                ("username", seed::NEW_USER),
                ("password", "nope"),
            ],
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .text()
        .contains("<p id=\"error\" role=\"alert\">Wrong email or password.</p>"));
    assert!(page.session_cookie().is_none());
    let unknown = h
        .post_form(
            "/authorize/login",
            &[
                ("tx", &tx),
                ("username", "who@example.com"),
                ("password", "x"),
            ],
            &[],
        )
        .await;
    assert!(unknown.text().contains("Wrong email or password."));
}

#[tokio::test]
async fn user_without_factors_gets_a_code_by_query_redirect() {
    let h = Harness::new();
    let (reply, cookie) = h.login_code(seed::NEW_USER, MFA_AUDIENCE).await;
    assert_eq!(reply.status, StatusCode::FOUND);
    let location = reply.header("location").unwrap();
    assert!(
        location.starts_with("http://127.0.0.1:8080/callback?code="),
        "{location}"
    );
    assert_eq!(reply.location_param("state").as_deref(), Some("state-123"));
    assert!(cookie.starts_with("auth0="));
    let set_cookie = reply.header("set-cookie").unwrap();
    assert!(
        set_cookie.contains("HttpOnly")
            && set_cookie.contains("Secure")
            && set_cookie.contains("SameSite=None")
            && set_cookie.contains("Path=/"),
        "a real tenant's session cookie: {set_cookie}"
    );
}

#[tokio::test]
async fn enrolled_user_gets_the_second_factor_page() {
    let h = Harness::new();
    let (tx, page) = h.submit_password(seed::ENROLLED_USER, MFA_AUDIENCE).await;
    let html = page.text();
    assert!(
        html.contains(
            "<input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\""
        ),
        "{html}"
    );
    assert!(html.contains("id=\"continue\""));
    let wrong = h
        .post_form("/authorize/mfa", &[("tx", &tx), ("code", "12345x")], &[])
        .await;
    assert!(wrong
        .text()
        .contains("<p id=\"error\" role=\"alert\">Invalid code</p>"));
    let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
    let done = h
        .post_form(
            "/authorize/mfa",
            &[("tx", &tx), ("code", &code_at(&secret, h.now()))],
            &[],
        )
        .await;
    assert_eq!(done.status, StatusCode::FOUND);
    assert!(done.location_param("code").is_some());
}

#[tokio::test]
async fn recovery_code_at_the_prompt_shows_its_replacement() {
    let h = Harness::new();
    let (tx, _) = h.submit_password(seed::ENROLLED_USER, MFA_AUDIENCE).await;
    let page = h
        .post_form(
            "/authorize/mfa",
            &[("tx", &tx), ("code", seed::ENROLLED_RECOVERY_CODE)],
            &[],
        )
        .await;
    let html = page.text();
    assert!(html.contains("<code id=\"recovery-code\">"), "{html}");
    assert!(!html.contains(seed::ENROLLED_RECOVERY_CODE));
    let done = h
        .post_form("/authorize/continue", &[("tx", &tx)], &[])
        .await;
    assert_eq!(done.status, StatusCode::FOUND);
    assert!(done.location_param("code").is_some());
}

#[tokio::test]
async fn prompt_none_errors_are_delivered_to_the_app() {
    let h = Harness::new();
    let none = h.authorize(MFA_AUDIENCE, &[("prompt", "none")]).await;
    assert_eq!(none.status, StatusCode::FOUND);
    let location = none.header("location").unwrap();
    assert_eq!(
        location,
        "http://127.0.0.1:8080/callback?error=login_required&error_description=Login%20required&state=state-123"
    );

    // A password-only session of a user with factors: MFA required.
    let (_, page) = h.submit_password(seed::ENROLLED_USER, MFA_AUDIENCE).await;
    let cookie = page.session_cookie().unwrap();
    let mfa = h
        .get(
            &h.authorize_uri(MFA_AUDIENCE, &[("prompt", "none")]),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        mfa.location_param("error").as_deref(),
        Some("login_required")
    );
    assert_eq!(
        mfa.location_param("error_description").as_deref(),
        Some("Multifactor authentication required")
    );

    // The app audience too (tenant MFA policy `always`).
    let app = h
        .get(
            &h.authorize_uri(seed::APP_AUDIENCE, &[("prompt", "none")]),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        app.location_param("error_description").as_deref(),
        Some("Multifactor authentication required")
    );

    // Unknown audience.
    let unknown = h
        .get(
            &h.authorize_uri("https://nope/", &[("prompt", "none")]),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        unknown.location_param("error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(
        unknown.location_param("error_description").as_deref(),
        Some("Service not found: https://nope/")
    );
}

#[tokio::test]
async fn custom_domain_mfa_audience_is_service_not_found() {
    let h = Harness::new();
    let uri = h.authorize_uri("http://localhost:4000/mfa/", &[]);
    let reply = h
        .send(request(
            Method::GET,
            &uri,
            &[("host", "localhost:4000")],
            Body::empty(),
        ))
        .await;
    assert_eq!(
        reply.location_param("error").as_deref(),
        Some("access_denied")
    );
    assert_eq!(
        reply.location_param("error_description").as_deref(),
        Some("Service not found: http://localhost:4000/mfa/")
    );
    // The canonical audience works on the custom domain, with the custom issuer.
    let page = h
        .send(request(
            Method::GET,
            &h.authorize_uri(MFA_AUDIENCE, &[]),
            &[("host", "localhost:4000")],
            Body::empty(),
        ))
        .await;
    assert_eq!(page.status, StatusCode::OK);
}

#[tokio::test]
async fn session_cookie_gives_silent_codes_after_mfa() {
    let h = Harness::new();
    let (_, cookie) = h.login_code(seed::ENROLLED_USER, MFA_AUDIENCE).await;
    let silent = h
        .get(
            &h.authorize_uri(MFA_AUDIENCE, &[("prompt", "none")]),
            &[("cookie", &cookie)],
        )
        .await;
    assert!(
        silent.location_param("code").is_some(),
        "{:?}",
        silent.header("location")
    );
    h.post_json("/__emulator/sessions/clear", serde_json::json!({}), &[])
        .await;
    let cleared = h
        .get(
            &h.authorize_uri(MFA_AUDIENCE, &[("prompt", "none")]),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        cleared.location_param("error").as_deref(),
        Some("login_required")
    );
}

#[tokio::test]
async fn web_message_and_fragment_and_form_post_modes() {
    let h = Harness::new();
    let web = h
        .authorize(
            MFA_AUDIENCE,
            &[
                ("prompt", "none"),
                ("response_mode", "web_message"),
                ("redirect_uri", ORIGIN),
            ],
        )
        .await;
    assert_eq!(web.status, StatusCode::OK);
    let html = web.text();
    assert!(html.starts_with("<!DOCTYPE html><html><head><title>Authorization Response</title>"));
    assert!(html.contains("var targetOrigin = \"http://127.0.0.1:8080\";"));
    assert!(html.contains("response: {\"error\":\"login_required\",\"error_description\":\"Login required\",\"state\":\"state-123\"}}"));

    let fragment = h
        .authorize(
            MFA_AUDIENCE,
            &[("prompt", "none"), ("response_mode", "fragment")],
        )
        .await;
    assert!(fragment
        .header("location")
        .unwrap()
        .starts_with("http://127.0.0.1:8080/callback#error=login_required"));

    let form = h
        .authorize(
            MFA_AUDIENCE,
            &[("prompt", "none"), ("response_mode", "form_post")],
        )
        .await;
    assert!(form
        .text()
        .contains("<form method=\"post\" action=\"http://127.0.0.1:8080/callback\">"));
    assert!(form
        .text()
        .contains("name=\"error\" value=\"login_required\""));
}

#[tokio::test]
async fn untrusted_targets_get_an_html_error_page_never_a_redirect() {
    let h = Harness::new();
    let unregistered = h
        .authorize(
            MFA_AUDIENCE,
            &[
                ("response_mode", "web_message"),
                ("redirect_uri", "http://localhost:3000"),
            ],
        )
        .await;
    // web_message checks the web origin first: the 400 page, no message.
    assert_eq!(unregistered.status, StatusCode::BAD_REQUEST);
    assert!(unregistered.header("location").is_none());
    assert!(unregistered
        .text()
        .contains("does not have a registered origin."));
    assert!(!unregistered.text().contains("postMessage"));

    // An exact callback list whose entry is on an origin that is not a web origin: 400 page.
    let mut seed = default_seed(&[ORIGIN.to_owned()]);
    seed.clients[0].callbacks = Some(vec!["http://localhost:3000".into()]);
    let h = Harness::with_seed(Some(seed));
    let page = h
        .authorize(
            MFA_AUDIENCE,
            &[
                ("response_mode", "web_message"),
                ("redirect_uri", "http://localhost:3000"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(page.text().contains(
        "invalid_request: The specified redirect_uri &#39;http://localhost:3000&#39; does not have a registered origin."
    ));
    assert!(!page.text().contains("postMessage"));

    let unknown = h
        .get(
            "/authorize?client_id=nope&redirect_uri=http%3A%2F%2F127.0.0.1%3A8080%2F",
            &[],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    assert!(unknown.text().contains("Unknown client: nope"));
    let mismatch = h
        .authorize(MFA_AUDIENCE, &[("redirect_uri", "https://evil.example/")])
        .await;
    assert_eq!(mismatch.status, StatusCode::FORBIDDEN);
    assert!(mismatch.text().contains("Callback URL mismatch"));
    let missing = h.get("/authorize", &[]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn bad_requests_are_delivered_with_state() {
    let h = Harness::new();
    let token = h
        .authorize(MFA_AUDIENCE, &[("response_type", "token")])
        .await;
    assert_eq!(
        token.location_param("error").as_deref(),
        Some("unsupported_response_type")
    );
    let plain = h
        .authorize(MFA_AUDIENCE, &[("code_challenge_method", "plain")])
        .await;
    assert_eq!(
        plain.location_param("error").as_deref(),
        Some("invalid_request")
    );
    assert_eq!(plain.location_param("state").as_deref(), Some("state-123"));
    let expired = h
        .post_form(
            "/authorize/login",
            &[("tx", "nope"), ("username", "a"), ("password", "b")],
            &[],
        )
        .await;
    assert_eq!(expired.status, StatusCode::BAD_REQUEST);
    assert!(expired.text().contains("expired"));
}
