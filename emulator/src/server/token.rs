//! `POST /oauth/token`.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;

use crate::model::client::GrantType;
use crate::model::grants::required;
use crate::model::tokens::{AccessClaims, TokenSet};
use crate::model::Error;
use crate::server::body::{self, host, origin};
use crate::server::error::{envelope, ApiError};
use crate::server::jwt::Signer;
use crate::server::state::AppState;

/// The token endpoint: form or JSON body.
pub async fn token(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let bytes = body::read(body).await?;
    let params = body::params(&headers, &bytes)?;
    let now = state.now();
    let signer = state.signer();
    let mut tenant = state.tenant();
    let domain = tenant.domain_of_host(host(&headers));
    let grant = tenant.token_client(
        params.get("client_id"),
        origin(&headers),
        params.get("grant_type"),
    )?;
    let client_id = params.get("client_id").unwrap_or_default();
    let tokens = match grant {
        GrantType::AuthorizationCode => tenant.exchange_code(
            client_id,
            params.get("code"),
            params.get("code_verifier"),
            params.get("redirect_uri"),
            domain,
            now,
        )?,
        GrantType::MfaOtp => {
            let mfa_token = mfa_token(signer, params.get("mfa_token"))?;
            tenant.exchange_otp(client_id, &mfa_token, params.get("otp"), domain, now)?
        }
        GrantType::MfaOob => {
            let mfa_token = mfa_token(signer, params.get("mfa_token"))?;
            tenant.exchange_oob(
                client_id,
                &mfa_token,
                params.get("oob_code"),
                params.get("binding_code"),
                domain,
                now,
            )?
        }
        GrantType::MfaRecoveryCode => {
            let mfa_token = mfa_token(signer, params.get("mfa_token"))?;
            tenant.exchange_recovery_code(
                client_id,
                &mfa_token,
                params.get("recovery_code"),
                domain,
                now,
            )?
        }
        GrantType::RefreshToken => {
            required(params.get("refresh_token"), "refresh_token")?;
            return Err(Error::InvalidRefreshToken.into());
        }
        GrantType::Implicit
        | GrantType::Password
        | GrantType::PasswordRealm
        | GrantType::ClientCredentials => return Err(Error::UnsupportedGrantType.into()),
    };
    Ok(token_response(signer, &tokens))
}

/// Decodes an `mfa_token`: present, and a token this tenant signed.
pub fn mfa_token(signer: &Signer, value: Option<&str>) -> Result<AccessClaims, Error> {
    let value = required(value, "mfa_token")?;
    signer.verify(value).ok_or(Error::MalformedMfaToken)
}

fn token_response(signer: &Signer, tokens: &TokenSet) -> Response {
    let body = tokens.response_body(
        signer.sign(&tokens.access),
        tokens.id.as_ref().map(|id| signer.sign(id)),
    );
    let mut response = envelope(StatusCode::OK, body);
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
