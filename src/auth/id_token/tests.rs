//! Each claim check, one hostile or broken token at a time.

use super::*;

const NOW: u64 = 1_700_000_000;

fn token(claims: &str) -> String {
    let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    format!("{}.{}.sig", b64(r#"{"alg":"RS256"}"#), b64(claims))
}

fn expected() -> Expected<'static> {
    Expected {
        issuer: "https://acme.auth0.com/",
        client_id: "client-1",
        nonce: "n1",
        now: NOW,
    }
}

/// A token the page accepts, with `changes` merged into its claims.
fn checked(changes: serde_json::Value) -> Result<(), AuthError> {
    let mut claims = serde_json::json!({
        "iss": "https://acme.auth0.com/", "sub": "auth0|1", "aud": "client-1",
        "azp": "client-1", "nonce": "n1", "iat": NOW - 5, "exp": NOW + 36_000,
    });
    for (key, value) in changes.as_object().unwrap() {
        if value.is_null() {
            claims.as_object_mut().unwrap().remove(key);
        } else {
            claims[key] = value.clone();
        }
    }
    check(Some(&token(&claims.to_string())), &expected())
}

#[test]
fn a_good_token_passes_and_no_token_is_fine() {
    assert_eq!(checked(serde_json::json!({})), Ok(()));
    assert_eq!(check(None, &expected()), Ok(()));
    // One audience besides the client needs no azp; several need it.
    assert_eq!(checked(serde_json::json!({"azp": null})), Ok(()));
    assert_eq!(
        checked(serde_json::json!({"aud": ["client-1", "https://api.example.com/"]})),
        Ok(())
    );
}

#[test]
fn each_claim_is_checked() {
    use serde_json::json;
    let wrong_issuer = |found: &str| {
        Err(AuthError::WrongIssuer {
            found: found.into(),
        })
    };
    let flaw = |f| Err(AuthError::IdToken(f));
    let rows: Vec<(serde_json::Value, Result<(), AuthError>)> = vec![
        (
            json!({"iss": "https://evil.example/"}),
            wrong_issuer("https://evil.example/"),
        ),
        (
            json!({"iss": "https://acme.auth0.com"}),
            wrong_issuer("https://acme.auth0.com"),
        ),
        (json!({"iss": null}), wrong_issuer("")),
        (json!({"aud": "other-client"}), flaw(IdTokenFlaw::Audience)),
        (json!({"aud": null}), flaw(IdTokenFlaw::Audience)),
        (
            json!({"aud": ["other", "https://api.example.com/"]}),
            flaw(IdTokenFlaw::Audience),
        ),
        (
            json!({"azp": "other-client"}),
            flaw(IdTokenFlaw::AuthorizedParty),
        ),
        (
            json!({"aud": ["client-1", "https://api.example.com/"], "azp": null}),
            flaw(IdTokenFlaw::AuthorizedParty),
        ),
        (json!({"nonce": "other"}), Err(AuthError::NonceMismatch)),
        (json!({"nonce": null}), Err(AuthError::NonceMismatch)),
        (
            json!({"exp": NOW - LEEWAY_SECONDS - 1}),
            flaw(IdTokenFlaw::Expired),
        ),
        (json!({"exp": null}), flaw(IdTokenFlaw::Malformed)),
        (json!({"iat": null}), flaw(IdTokenFlaw::Malformed)),
        (json!({"exp": "tomorrow"}), flaw(IdTokenFlaw::Malformed)),
    ];
    for (changes, result) in rows {
        assert_eq!(checked(changes.clone()), result, "{changes}");
    }
    // Within the leeway, clocks that differ a little are accepted.
    assert_eq!(checked(json!({"exp": NOW - LEEWAY_SECONDS})), Ok(()));
    // A tenant clock ahead of this device's is no reason to refuse (the SDK does not either).
    assert_eq!(checked(json!({"iat": NOW + 3_600})), Ok(()));
}

#[test]
fn unreadable_tokens_are_malformed() {
    for broken in ["not-a-jwt", "a.%%%.c", "a.bm90IGpzb24.c", ""] {
        assert_eq!(
            check(Some(broken), &expected()),
            Err(AuthError::IdToken(IdTokenFlaw::Malformed)),
            "{broken}"
        );
    }
}
