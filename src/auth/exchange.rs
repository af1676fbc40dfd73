//! Exchanging an authorization code for tokens at `/oauth/token`, and checking the nonce.

use super::callback::AuthorizeResponse;
use super::error::AuthError;
use super::http::{fetch, FetchError};
use super::request::client;
use super::token::{AccessToken, IssuedToken};
use crate::config::Config;
use base64::Engine;
use oauth2::basic::BasicErrorResponse;
use oauth2::{AuthorizationCode, PkceCodeVerifier, RequestTokenError, TokenResponse};

/// Turns an authorization response into tokens: tenant errors become [`AuthError::Authorize`],
/// codes are exchanged with the PKCE verifier and the ID token's nonce is checked.
pub async fn finish(
    config: &Config,
    response: AuthorizeResponse,
    verifier: String,
    nonce: &str,
) -> Result<IssuedToken, AuthError> {
    let code = match response {
        AuthorizeResponse::Code { code, .. } => code,
        AuthorizeResponse::Error {
            error, description, ..
        } => return Err(AuthError::Authorize { error, description }),
    };
    let answer = client(config)?
        .exchange_code(AuthorizationCode::new(code))
        .set_pkce_verifier(PkceCodeVerifier::new(verifier))
        .request_async(&fetch)
        .await
        .map_err(token_error)?;
    check_nonce(answer.id_token(), nonce)?;
    Ok(IssuedToken {
        access_token: AccessToken::new(answer.access_token().secret().to_owned()),
        expires_in: answer.expires_in().map(|d| d.as_secs()).unwrap_or(0),
        scope: answer
            .scopes()
            .map(|s| s.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" "))
            .unwrap_or_default(),
    })
}

fn token_error(e: RequestTokenError<FetchError, BasicErrorResponse>) -> AuthError {
    match e {
        RequestTokenError::ServerResponse(r) => AuthError::Token {
            error: r.error().as_ref().to_owned(),
            description: r.error_description().cloned().unwrap_or_default(),
        },
        RequestTokenError::Request(e) => AuthError::Network(e.to_string()),
        RequestTokenError::Parse(e, _) => AuthError::UnexpectedResponse(e.to_string()),
        RequestTokenError::Other(why) => AuthError::UnexpectedResponse(why),
    }
}

/// Compares the ID token's `nonce` claim with the one sent (the signature is the tenant's
/// business; the token came straight from it over TLS).
pub fn check_nonce(id_token: Option<&str>, expected: &str) -> Result<(), AuthError> {
    let Some(id_token) = id_token else {
        return Ok(());
    };
    let claims = id_token
        .split('.')
        .nth(1)
        .and_then(|p| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .ok()
        })
        .and_then(|bytes| serde_json::from_slice::<NonceClaim>(&bytes).ok())
        .ok_or_else(|| AuthError::UnexpectedResponse("the ID token is malformed".into()))?;
    match claims.nonce {
        Some(nonce) if nonce == expected => Ok(()),
        _ => Err(AuthError::NonceMismatch),
    }
}

/// The one ID-token claim the page reads (a non-string `nonce` makes the token malformed).
#[derive(serde::Deserialize)]
struct NonceClaim {
    nonce: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_token(claims: &str) -> String {
        let b64 = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
        format!("{}.{}.sig", b64(r#"{"alg":"RS256"}"#), b64(claims))
    }

    #[test]
    fn nonce_must_match() {
        assert_eq!(
            check_nonce(Some(&id_token(r#"{"nonce":"n1"}"#)), "n1"),
            Ok(())
        );
        assert_eq!(
            check_nonce(Some(&id_token(r#"{"nonce":"other"}"#)), "n1"),
            Err(AuthError::NonceMismatch)
        );
        assert_eq!(
            check_nonce(Some(&id_token(r#"{"sub":"x"}"#)), "n1"),
            Err(AuthError::NonceMismatch)
        );
        assert!(matches!(
            check_nonce(Some("not-a-jwt"), "n1"),
            Err(AuthError::UnexpectedResponse(_))
        ));
        assert_eq!(check_nonce(None, "n1"), Ok(()));
    }
}
