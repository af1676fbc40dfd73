//! Exchanging an authorization code for tokens at `/oauth/token`, and checking the ID token
//! that comes with them.

use super::callback::AuthorizeResponse;
use super::error::AuthError;
use super::http::{fetch, FetchError};
use super::id_token::{self, Expected};
use super::request::{client, issuer};
use super::token::{AccessToken, IssuedToken};
use crate::config::Config;
use oauth2::basic::BasicErrorResponse;
use oauth2::{AuthorizationCode, PkceCodeVerifier, RequestTokenError, TokenResponse};

/// Turns an authorization response into tokens: tenant errors become [`AuthError::Authorize`],
/// codes are exchanged with the PKCE verifier and the ID token is checked.
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
    let issuer = issuer(config);
    id_token::check(
        answer.id_token(),
        &Expected {
            issuer: &issuer,
            client_id: &config.client_id,
            nonce,
            now: (js_sys::Date::now() / 1000.0) as u64,
        },
    )?;
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
        RequestTokenError::Request(FetchError::TimedOut) => AuthError::Timeout,
        RequestTokenError::Request(e) => AuthError::Network(e.to_string()),
        RequestTokenError::Parse(e, _) => AuthError::UnexpectedResponse(e.to_string()),
        RequestTokenError::Other(why) => AuthError::UnexpectedResponse(why),
    }
}
