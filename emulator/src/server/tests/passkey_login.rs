//! "Sign in with a passkey" on the login page over HTTP: the button, the options endpoint, the
//! signed answer, the code, and the passkey's `last_auth_at` in the My Account API.

use axum::body::Body;
use axum::http::{Method, StatusCode};

use super::{bearer, request, Harness, Reply, REDIRECT, VERIFIER};
use crate::model::iso_time::iso_8601;
use crate::model::seed;
use crate::model::webauthn::{RequestOptions, SoftwareAuthenticator};

/// The custom domain: the seeded passkey's relying party is `localhost`.
const HOST: (&str, &str) = ("host", "localhost:4000");
const LOGIN_PAGE: &str = "http://localhost:4000";
const ME_AUDIENCE: &str = "http://localhost:4000/me/";
const PASSKEY: &str = "/me/v1/authentication-methods/passkey%7Cdev_SeededPasskeyKey";

impl Harness {
    /// The login page on the custom domain, for a `/me/` token that may read methods.
    async fn login_page(&self) -> Reply {
        let uri = self.authorize_uri(
            ME_AUDIENCE,
            &[("scope", "openid read:me:authentication_methods")],
        );
        self.get(&uri, &[HOST]).await
    }

    /// `POST /authorize/passkey/options` for `tx`.
    async fn passkey_options(&self, tx: &str) -> Reply {
        self.post_form("/authorize/passkey/options", &[("tx", tx)], &[HOST])
            .await
    }

    /// `POST /authorize/passkey` with `credential` (JSON text).
    async fn post_passkey(&self, tx: &str, credential: &str) -> Reply {
        self.post_form(
            "/authorize/passkey",
            &[("tx", tx), ("credential", credential)],
            &[HOST],
        )
        .await
    }
}

#[tokio::test]
async fn the_seeded_passkey_signs_in_and_is_marked_used() {
    let h = Harness::new();
    let page = h.login_page().await;
    assert_eq!(page.status, StatusCode::OK);
    let html = page.text();
    assert!(html.contains(
        "<form method=\"post\" action=\"/authorize/passkey\" id=\"passkey-form\" hidden>"
    ));
    assert!(html.contains("<button type=\"button\" id=\"passkey\">Sign in with a passkey</button>"));
    assert!(html.contains("navigator.credentials.get"));
    let tx = page.transaction();

    let reply = h.passkey_options(&tx).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.header("cache-control"), Some("no-store"));
    let options: RequestOptions = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(options.rp_id, "localhost");

    let before = h.now();
    let assertion = SoftwareAuthenticator::fixed().sign_in(&options, LOGIN_PAGE);
    let signed_in = h
        .post_passkey(&tx, &serde_json::to_string(&assertion).unwrap())
        .await;
    assert_eq!(signed_in.status, StatusCode::FOUND, "{}", signed_in.text());
    assert!(signed_in.session_cookie().is_some());
    let code = signed_in.location_param("code").unwrap();
    let after = h.now();

    let tokens = h
        .post_form(
            "/oauth/token",
            &[
                ("grant_type", "authorization_code"),
                ("client_id", seed::CLIENT_ID),
                ("code", &code),
                ("code_verifier", VERIFIER),
                ("redirect_uri", REDIRECT),
            ],
            &[HOST],
        )
        .await;
    assert_eq!(tokens.status, StatusCode::OK, "{}", tokens.text());
    let token = tokens.json()["access_token"].as_str().unwrap().to_owned();
    let method = h
        .send(request(
            Method::GET,
            PASSKEY,
            &[("authorization", &bearer(&token)), HOST],
            Body::empty(),
        ))
        .await;
    assert_eq!(method.status, StatusCode::OK, "{}", method.text());
    let last_auth_at = method.json()["last_auth_at"].clone();
    assert!(
        [iso_8601(before), iso_8601(after)].contains(&last_auth_at.as_str().unwrap().to_owned()),
        "{last_auth_at}"
    );
}

#[tokio::test]
async fn a_refused_passkey_shows_the_login_page_with_the_reason() {
    let h = Harness::new();
    let tx = h.login_page().await.transaction();
    let options: RequestOptions =
        serde_json::from_slice(&h.passkey_options(&tx).await.body).unwrap();
    // Signed for the canonical domain's origin, not the login page's.
    let assertion = SoftwareAuthenticator::fixed().sign_in(&options, "http://127.0.0.1:4000");
    let refused = h
        .post_passkey(&tx, &serde_json::to_string(&assertion).unwrap())
        .await;
    assert_eq!(refused.status, StatusCode::OK);
    assert!(refused.text().contains(
        "<p id=\"error\" role=\"alert\">The passkey could not be verified. The origin \
         &quot;http://127.0.0.1:4000&quot; is not allowed for this relying party.</p>"
    ));
    assert!(refused.text().contains("id=\"passkey\""));
    assert_eq!(refused.transaction(), tx);
    assert_eq!(refused.session_cookie(), None);

    let garbled = h.post_passkey(&tx, "not json").await;
    assert!(garbled
        .text()
        .contains("<p id=\"error\" role=\"alert\">The passkey could not be verified."));
}

#[tokio::test]
async fn options_for_a_dead_transaction_are_a_json_error() {
    let h = Harness::new();
    let reply = h.passkey_options("no-such-transaction").await;
    reply.assert_error(
        400,
        "invalid_request",
        "The login transaction has expired. Start again from the application.",
    );
    let posted = h.post_passkey("no-such-transaction", "{}").await;
    assert_eq!(posted.status, StatusCode::BAD_REQUEST);
    assert!(posted.text().contains("id=\"error-message\""));
}
