//! Sign-in (`navigator.credentials.get()`): an assertion checked against the stored passkey.

use super::authenticator_data::AuthenticatorData;
use super::base64url;
use super::client_data::{check_client_data, Ceremony};
use super::cose::CoseKey;
use super::credential::StoredCredential;
use super::error::WebAuthnError;
use super::expected::Expected;
use super::options::AssertionResponse;
use super::signature::{signed_data, verify};

/// What a successful sign-in tells the tenant to update on the stored passkey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssertionResult {
    /// The new signature counter to store.
    pub sign_count: u32,
    /// BS: whether the credential is synced now.
    pub backed_up: bool,
    /// UV: whether the user was verified.
    pub user_verified: bool,
    /// The user handle the authenticator returned; the caller checks it names the credential's
    /// user.
    pub user_handle: Option<Vec<u8>>,
}

/// Checks a sign-in response made with `stored`: the credential id, client data
/// (`webauthn.get`, challenge, origin), RP id hash, user presence, user verification when
/// required, the signature with the stored key, and that the counter went up.
pub fn verify_assertion(
    response: &AssertionResponse,
    expected: &Expected<'_>,
    stored: &StoredCredential<'_>,
) -> Result<AssertionResult, WebAuthnError> {
    if response.credential_id()? != stored.credential_id {
        return Err(WebAuthnError::CredentialIdMismatch);
    }
    let body = &response.response;
    let client_data_json = base64url::decode(&body.client_data_json, "response.clientDataJSON")?;
    check_client_data(&client_data_json, Ceremony::Get, expected)?;
    let auth_data_bytes =
        base64url::decode(&body.authenticator_data, "response.authenticatorData")?;
    let auth_data = AuthenticatorData::parse(&auth_data_bytes)?;
    auth_data.check(expected)?;
    let signature = base64url::decode(&body.signature, "response.signature")?;
    verify(
        &CoseKey::parse(stored.public_key)?.material,
        &signed_data(&auth_data_bytes, &client_data_json),
        &signature,
    )?;
    check_counter(stored.sign_count, auth_data.sign_count)?;
    Ok(AssertionResult {
        sign_count: auth_data.sign_count,
        backed_up: auth_data.backed_up(),
        user_verified: auth_data.user_verified(),
        user_handle: response.user_handle()?,
    })
}

/// Authenticators without a counter always send 0; once either side is non-zero, the counter
/// must go up, or a clone of the authenticator may be in use.
fn check_counter(stored: u32, received: u32) -> Result<(), WebAuthnError> {
    if (stored != 0 || received != 0) && received <= stored {
        return Err(WebAuthnError::ClonedAuthenticator { stored, received });
    }
    Ok(())
}
