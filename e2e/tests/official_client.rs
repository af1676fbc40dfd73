//! Auth0's own SPA SDK (`@auth0/auth0-spa-js`, unmodified) judges the emulator's My Account
//! API: signed in at the tenant's custom domain, its `auth0.myAccount` client lists factors
//! and methods, enrolls an authenticator app, renames, reads and deletes it, and meets a
//! wrong code, the way it would against a real tenant; and a call needing a scope the
//! sign-in did not ask for gets its token without a prompt.

use e2e::journeys::aud_contains;
use e2e::official_client::SpaSdkPage;
use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::{seed, totp};
use serde_json::{json, Value};

/// The scopes the page asks for, one per kind of My Account call.
const MY_ACCOUNT_SCOPES: [&str; 5] = [
    "read:me:authentication_methods",
    "create:me:authentication_methods",
    "update:me:authentication_methods",
    "delete:me:authentication_methods",
    "read:me:factors",
];

/// The new name given to the authenticator app.
const NEW_NAME: &str = "Work phone app";

/// The `type`s of a list of methods or factors.
fn types(list: &Value) -> Vec<&str> {
    list.as_array()
        .map(|all| all.iter().filter_map(|m| m["type"].as_str()).collect())
        .unwrap_or_default()
}

/// The ids of a list of methods.
fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .map(|all| all.iter().filter_map(|m| m["id"].as_str()).collect())
        .unwrap_or_default()
}

/// A six-digit code that is not the authenticator's code in the previous, current or next
/// 30-second step, so no clock skew window accepts it.
fn wrong_code(secret: &[u8], now: u64) -> String {
    let near: Vec<String> = [now.saturating_sub(30), now, now + 30]
        .iter()
        .map(|&t| totp::code_at(secret, t))
        .collect();
    ["000000", "123456", "999999"]
        .into_iter()
        .find(|code| !near.iter().any(|n| n == code))
        .unwrap_or("000000")
        .to_owned()
}

/// Asserts that what the SDK threw is its `MyAccountApiError` carrying an RFC 7807 problem
/// (`type` a URI, `status` a client error, `title` and `detail` texts).
fn assert_problem(error: &Value, step: &str) {
    assert_eq!(
        (&error["name"], &error["is_my_account_api_error"]),
        (&json!("MyAccountApiError"), &json!(true)),
        "{step}: {error}"
    );
    let status = error["status"].as_u64().unwrap_or_default();
    assert!(
        (400..500).contains(&status) && status != 404,
        "{step}: a client error, not {status}: {error}"
    );
    assert!(
        error["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("https://") || t.starts_with("http://")),
        "{step}: `type` is a URI: {error}"
    );
    for text in ["title", "detail"] {
        assert!(
            error[text].as_str().is_some_and(|t| !t.trim().is_empty()),
            "{step}: `{text}` is a text: {error}"
        );
    }
}

/// The scopes of the My Account token the SDK holds, after checking its audience and issuer.
async fn token_scopes(h: &Harness, sdk: &SpaSdkPage<'_>) -> TestResult<Vec<String>> {
    let claims = sdk.claims().await?;
    let audience = format!("{}/me/", h.tenant.custom_origin);
    assert!(aud_contains(&claims["aud"], &audience), "{claims}");
    assert_eq!(claims["iss"], format!("{}/", h.tenant.custom_origin));
    Ok(claims["scope"]
        .as_str()
        .unwrap_or_default()
        .split(' ')
        .map(str::to_owned)
        .collect())
}

/// The tenant's request log without CORS preflights.
async fn calls_without_preflights(h: &Harness) -> TestResult<Vec<(String, String, u64)>> {
    Ok(h.tenant
        .calls()
        .await?
        .into_iter()
        .filter(|(method, _, _)| method != "OPTIONS")
        .collect())
}

/// `(method, path, status)` rows as the request log has them.
fn rows(rows: &[(&str, String, u64)]) -> Vec<(String, String, u64)> {
    rows.iter()
        .map(|(m, p, s)| ((*m).to_owned(), p.clone(), *s))
        .collect()
}

/// A path under the authentication methods.
fn methods_path(tail: &str) -> String {
    format!("/me/v1/authentication-methods{tail}")
}

/// Signs in with every My Account scope and checks the token the SDK holds.
async fn signed_in(h: &Harness) -> TestResult<SpaSdkPage<'_>> {
    let sdk = h.open_spa_sdk().await?;
    let user = sdk.sign_in(seed::NEW_USER).await?;
    assert_eq!(user["email"], seed::NEW_USER, "{user}");
    let scopes = token_scopes(h, &sdk).await?;
    for wanted in MY_ACCOUNT_SCOPES {
        assert!(scopes.iter().any(|s| s == wanted), "{wanted} in {scopes:?}");
    }
    Ok(sdk)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth0_spa_js_enrolls_renames_and_deletes_an_authenticator_app() -> TestResult {
    let h = Harness::start(Setup {
        on_custom_domain: true,
        ..Setup::default()
    })
    .await?;
    let sdk = signed_in(&h).await?;
    h.tenant.clear_requests().await?;

    let factors = sdk.expect_value("getFactors", json!([])).await?;
    assert!(types(&factors).contains(&"totp"), "{factors}");
    for factor in factors.as_array().into_iter().flatten() {
        let usage = factor["usage"].as_array().cloned().unwrap_or_default();
        assert!(
            usage.iter().all(|u| u == "primary" || u == "secondary"),
            "{factor}"
        );
    }

    let before = sdk
        .expect_value("getAuthenticationMethods", json!([]))
        .await?;
    assert!(!types(&before).contains(&"totp"), "{before}");

    let challenge = sdk
        .expect_value("enrollmentChallenge", json!([{"type": "totp"}]))
        .await?;
    let id = challenge["id"].as_str().unwrap_or_default().to_owned();
    let location = challenge["location"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let auth_session = challenge["auth_session"].as_str().unwrap_or_default();
    // The SDK takes the id from the last segment of `Location` and posts to `${location}/verify`.
    assert!(id.starts_with("totp|"), "{challenge}");
    assert!(
        location.starts_with(&format!(
            "{}/me/v1/authentication-methods/",
            h.tenant.custom_origin
        )),
        "`Location` is the method's absolute URL: {challenge}"
    );
    assert!(!auth_session.is_empty(), "{challenge}");
    assert!(
        challenge["barcode_uri"]
            .as_str()
            .is_some_and(|u| u.starts_with("otpauth://totp/")),
        "{challenge}"
    );
    let manual = challenge["manual_input_code"]
        .as_str()
        .unwrap_or_default()
        .replace(' ', "");
    let secret = totp::decode_secret(&manual).ok_or(format!("not base32: {challenge}"))?;

    let verify = |otp_code: String| {
        json!([{"type": "totp", "location": location, "auth_session": auth_session,
                "otp_code": otp_code}])
    };
    let wrong = sdk
        .expect_error(
            "enrollmentVerify",
            verify(wrong_code(&secret, h.tenant.now())),
        )
        .await?;
    assert_problem(&wrong, "a wrong code");
    let wrong_status = wrong["status"].as_u64().unwrap_or_default();

    let method = sdk
        .expect_value("enrollmentVerify", verify(h.tenant.totp(&manual)?))
        .await?;
    assert_eq!(
        (&method["id"], &method["type"], &method["confirmed"]),
        (&json!(id), &json!("totp"), &json!(true)),
        "{method}"
    );

    let renamed = sdk
        .expect_value(
            "updateAuthenticationMethod",
            json!([id, {"name": NEW_NAME}]),
        )
        .await?;
    assert_eq!(
        (&renamed["id"], &renamed["name"]),
        (&json!(id), &json!(NEW_NAME))
    );

    let read = sdk
        .expect_value("getAuthenticationMethod", json!([id]))
        .await?;
    assert_eq!(
        (
            &read["id"],
            &read["type"],
            &read["name"],
            &read["confirmed"]
        ),
        (&json!(id), &json!("totp"), &json!(NEW_NAME), &json!(true)),
        "{read}"
    );
    let listed = sdk
        .expect_value("getAuthenticationMethods", json!([]))
        .await?;
    assert!(ids(&listed).contains(&id.as_str()), "{listed}");

    let deleted = sdk
        .expect_value("deleteAuthenticationMethod", json!([id]))
        .await?;
    assert_eq!(deleted, Value::Null);
    let after = sdk
        .expect_value("getAuthenticationMethods", json!([]))
        .await?;
    assert!(!ids(&after).contains(&id.as_str()), "{after}");

    // What went over the wire, preflights aside: the documented statuses, and every token
    // came from the SDK's cache (no silent /authorize frame).
    let item = format!("/{}", id.replace('|', "%7C"));
    let expected = rows(&[
        ("GET", "/me/v1/factors".to_owned(), 200),
        ("GET", methods_path(""), 200),
        ("POST", methods_path(""), 202),
        (
            "POST",
            methods_path(&format!("{item}/verify")),
            wrong_status,
        ),
        ("POST", methods_path(&format!("{item}/verify")), 201),
        ("PATCH", methods_path(&item), 200),
        ("GET", methods_path(&item), 200),
        ("GET", methods_path(""), 200),
        ("DELETE", methods_path(&item), 204),
        ("GET", methods_path(""), 200),
    ]);
    assert_eq!(
        calls_without_preflights(&h).await?,
        expected,
        "the SDK's requests as the page saw them: {}",
        Value::Array(sdk.fetches().await?)
    );
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth0_spa_js_gets_a_scope_the_sign_in_did_not_ask_for_without_a_prompt() -> TestResult {
    let h = Harness::start(Setup {
        on_custom_domain: true,
        ..Setup::default()
    })
    .await?;
    let sdk = h
        .open_spa_sdk_asking(&["read:me:authentication_methods"])
        .await?;
    sdk.sign_in(seed::NEW_USER).await?;
    let scopes = token_scopes(&h, &sdk).await?;
    assert!(
        !scopes
            .iter()
            .any(|s| s == "create:me:authentication_methods"),
        "{scopes:?}"
    );
    h.tenant.clear_requests().await?;

    // Starting an enrollment needs `create:…`: the SDK's cached token lacks it, so it asks the
    // tenant in a hidden frame (`prompt=none`, the tenant session) and calls with the new one.
    let challenge = sdk
        .expect_value("enrollmentChallenge", json!([{"type": "totp"}]))
        .await?;
    assert!(
        challenge["id"]
            .as_str()
            .is_some_and(|id| id.starts_with("totp|")),
        "{challenge}"
    );
    assert_eq!(
        calls_without_preflights(&h).await?,
        rows(&[
            ("GET", "/authorize".to_owned(), 200),
            ("POST", "/oauth/token".to_owned(), 200),
            ("POST", methods_path(""), 202),
        ]),
        "the SDK's requests as the page saw them: {}",
        Value::Array(sdk.fetches().await?)
    );
    h.finish().await
}
