//! Oneshot tests of every endpoint (no socket), plus one journey over a real socket.

mod authorize;
mod control;
mod control_guard;
mod cors;
mod journey;
mod mfa;
mod misc;
mod my_account;
mod passkey_login;
mod token;

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use serde_json::Value;
use tower::ServiceExt;

use crate::model::pkce::challenge_s256;
use crate::model::seed::{self, default_seed, TenantSeed};
use crate::model::totp::{code_at, decode_secret};
use crate::server::{app, AppState, Options};

pub const ORIGIN: &str = "http://127.0.0.1:8080";
pub const REDIRECT: &str = "http://127.0.0.1:8080/callback";
pub const VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
pub const MFA_AUDIENCE: &str = "http://127.0.0.1:4000/mfa/";
pub const MFA_SCOPE: &str = "openid profile email enroll read:authenticators remove:authenticators";
pub const OTP_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
pub const OOB_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-oob";
pub const RECOVERY_GRANT: &str = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

/// A response, fully read.
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts `Retry-After` of a limit whose window of `window` seconds began at the first of
    /// a run of requests made on the real clock: a few seconds may have passed by the last.
    #[track_caller]
    pub fn assert_retry_after_in_window(&self, window: u64) {
        let wait: u64 = self
            .header("retry-after")
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("no Retry-After in {:?}", self.headers));
        assert!(
            (window.saturating_sub(5)..=window).contains(&wait),
            "Retry-After {wait}, expected the rest of a {window} s window"
        );
    }

    /// Asserts the error envelope exactly.
    #[track_caller]
    pub fn assert_error(&self, status: u16, error: &str, description: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.text());
        assert_eq!(
            self.header("content-type"),
            Some("application/json; charset=utf-8"),
            "body: {}",
            self.text()
        );
        let body = self.json();
        assert_eq!(body["error"], error, "body: {body}");
        assert_eq!(body["error_description"], description, "body: {body}");
    }

    /// The `Location` header parsed into its query (or fragment) pairs.
    pub fn location_pairs(&self) -> Vec<(String, String)> {
        let location = self
            .header("location")
            .unwrap_or_else(|| panic!("no location: {}", self.status));
        let query = location.split_once(['?', '#']).map_or("", |(_, q)| q);
        serde_urlencoded::from_str(query).unwrap()
    }

    pub fn location_param(&self, name: &str) -> Option<String> {
        self.location_pairs()
            .into_iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v)
    }

    /// The hidden transaction id of a login page.
    pub fn transaction(&self) -> String {
        let text = self.text();
        let start = text
            .find("name=\"tx\" value=\"")
            .unwrap_or_else(|| panic!("no transaction in {text}"))
            + 17;
        text[start..]
            .split('"')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    pub fn session_cookie(&self) -> Option<String> {
        self.headers
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("auth0="))
            .map(|c| c.split(';').next().unwrap_or_default().to_owned())
    }
}

/// An app on the seeded tenant (canonical host 127.0.0.1:4000), test control on.
pub struct Harness {
    pub state: AppState,
    router: Router,
}

impl Harness {
    pub fn new() -> Self {
        Self::with_seed(None)
    }

    pub fn with_seed(seed: Option<TenantSeed>) -> Self {
        let options = Options {
            allowed_origins: vec![ORIGIN.to_owned()],
            test_control: true,
            seed,
        };
        let state = AppState::new(options, "127.0.0.1:4000".parse().unwrap()).unwrap();
        Self {
            router: app(state.clone()),
            state,
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str, headers: &[(&str, &str)]) -> Reply {
        self.send(request(Method::GET, uri, headers, Body::empty()))
            .await
    }

    pub async fn post_form(
        &self,
        uri: &str,
        pairs: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Reply {
        let mut all = vec![("content-type", "application/x-www-form-urlencoded")];
        all.extend_from_slice(headers);
        let body = serde_urlencoded::to_string(pairs).unwrap();
        self.send(request(Method::POST, uri, &all, Body::from(body)))
            .await
    }

    pub async fn post_json(&self, uri: &str, body: Value, headers: &[(&str, &str)]) -> Reply {
        let mut all = vec![("content-type", "application/json")];
        all.extend_from_slice(headers);
        self.send(request(
            Method::POST,
            uri,
            &all,
            Body::from(body.to_string()),
        ))
        .await
    }

    pub async fn token(&self, pairs: &[(&str, &str)]) -> Reply {
        self.post_form("/oauth/token", pairs, &[]).await
    }

    pub fn now(&self) -> u64 {
        self.state.now()
    }

    /// `/authorize` query for the MFA audience (or `audience`) with PKCE.
    /// `GET /authorize` for `audience` with the usual parameters and `extra` (no headers).
    pub async fn authorize(&self, audience: &str, extra: &[(&str, &str)]) -> Reply {
        self.get(&self.authorize_uri(audience, extra), &[]).await
    }

    pub fn authorize_uri(&self, audience: &str, extra: &[(&str, &str)]) -> String {
        let challenge = challenge_s256(VERIFIER);
        let mut pairs = vec![
            ("client_id", seed::CLIENT_ID),
            ("redirect_uri", REDIRECT),
            ("response_type", "code"),
            ("scope", MFA_SCOPE),
            ("audience", audience),
            ("state", "state-123"),
            ("nonce", "nonce-456"),
            ("code_challenge", challenge.as_str()),
            ("code_challenge_method", "S256"),
        ];
        for (k, v) in extra {
            pairs.retain(|(key, _)| key != k);
            pairs.push((k, v));
        }
        format!(
            "/authorize?{}",
            serde_urlencoded::to_string(&pairs).unwrap()
        )
    }

    /// Starts a sign-in for `audience` and submits `email` with the seeded password: the
    /// transaction id and the answer to the password form.
    pub async fn submit_password(&self, email: &str, audience: &str) -> (String, Reply) {
        let page = self.get(&self.authorize_uri(audience, &[]), &[]).await;
        let tx = page.transaction();
        let reply = self
            .post_form(
                "/authorize/login",
                &[
                    ("tx", &tx),
                    ("username", email),
                    ("password", seed::PASSWORD),
                ],
                &[],
            )
            .await;
        (tx, reply)
    }

    /// Logs `email` in through the pages and returns `(code redirect, session cookie)`.
    pub async fn login_code(&self, email: &str, audience: &str) -> (Reply, String) {
        let (tx, reply) = self.submit_password(email, audience).await;
        let cookie = reply.session_cookie().unwrap();
        if reply.status == StatusCode::OK && reply.text().contains("id=\"code\"") {
            let secret = decode_secret(seed::ENROLLED_TOTP_SECRET).unwrap();
            let code = code_at(&secret, self.now());
            let done = self
                .post_form("/authorize/mfa", &[("tx", &tx), ("code", &code)], &[])
                .await;
            return (done, cookie);
        }
        (reply, cookie)
    }

    /// `POST /mfa/associate` with `body`, as the holder of `token`.
    pub async fn associate(&self, token: &str, body: Value) -> Reply {
        self.post_json("/mfa/associate", body, &[("authorization", &bearer(token))])
            .await
    }

    /// Signs the new user (no second factor) in for `audience` with `scope` and exchanges the
    /// code: the token endpoint's answer, whatever it is.
    pub async fn new_user_token(&self, audience: &str, scope: &str) -> Reply {
        let page = self
            .get(&self.authorize_uri(audience, &[("scope", scope)]), &[])
            .await;
        let tx = page.transaction();
        let redirect = self
            .post_form(
                "/authorize/login",
                &[
                    ("tx", &tx),
                    ("username", seed::NEW_USER),
                    ("password", seed::PASSWORD),
                ],
                &[],
            )
            .await;
        let code = redirect
            .location_param("code")
            .unwrap_or_else(|| panic!("no code: {}", redirect.text()));
        self.token(&[
            ("grant_type", "authorization_code"),
            ("client_id", seed::CLIENT_ID),
            ("code", &code),
            ("code_verifier", VERIFIER),
            ("redirect_uri", REDIRECT),
        ])
        .await
    }

    /// Logs in and exchanges the code: the token response.
    pub async fn tokens(&self, email: &str, audience: &str) -> Value {
        let (redirect, _) = self.login_code(email, audience).await;
        let code = redirect.location_param("code").unwrap();
        let reply = self
            .token(&[
                ("grant_type", "authorization_code"),
                ("client_id", seed::CLIENT_ID),
                ("code", &code),
                ("code_verifier", VERIFIER),
                ("redirect_uri", REDIRECT),
            ])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        reply.json()
    }

    /// An MFA-audience access token for `email`.
    pub async fn mfa_token(&self, email: &str) -> String {
        self.tokens(email, MFA_AUDIENCE).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    pub async fn advance(&self, seconds: u64) {
        let reply = self
            .post_json(
                "/__emulator/clock",
                serde_json::json!({ "advance_seconds": seconds }),
                &[],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
    }

    pub async fn outbox_last(&self) -> Value {
        let outbox = self.get("/__emulator/outbox", &[]).await.json();
        outbox.as_array().and_then(|a| a.last().cloned()).unwrap()
    }
}

pub fn request(method: Method, uri: &str, headers: &[(&str, &str)], body: Body) -> Request<Body> {
    let mut builder = Request::builder().method(method).uri(uri);
    if !headers
        .iter()
        .any(|(name, _)| name.eq_ignore_ascii_case("host"))
    {
        builder = builder.header(header::HOST, "127.0.0.1:4000");
    }
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder.body(body).unwrap()
}

pub fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// A seed with a second client lacking the MFA grants, and factors switchable.
pub fn seed_with_second_client() -> TenantSeed {
    let mut seed = default_seed(&[]);
    let mut other = seed.clients[0].clone();
    other.client_id = "other-client".into();
    other.grant_types = vec![crate::model::client::GrantType::AuthorizationCode];
    other.web_origins = vec![ORIGIN.to_owned()];
    seed.clients.push(other);
    seed
}

/// Decodes a JWT payload without checking the signature.
pub fn payload(token: &str) -> Value {
    let parts = crate::model::jwt::split(token).unwrap();
    serde_json::from_slice(&parts.payload).unwrap()
}

/// System time in unix seconds.
pub fn system_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
