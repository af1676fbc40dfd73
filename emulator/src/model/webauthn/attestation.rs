//! Registration (`navigator.credentials.create()`): the attestation object's checks, for the
//! formats the local tenant accepts: `none` and `packed` self-attestation. Certificate-based
//! attestation (`packed` with `x5c`, `tpm`, `android-key`, `fido-u2f`, `apple`, …) is refused
//! with its own error: checking it needs trust roots the local tenant does not have.

use ciborium::value::Value;

use super::authenticator_data::AuthenticatorData;
use super::base64url;
use super::cbor;
use super::client_data::{check_client_data, Ceremony};
use super::cose::CoseKey;
use super::credential::NewCredential;
use super::error::WebAuthnError;
use super::expected::Expected;
use super::options::RegistrationResponse;
use super::signature;

const OBJECT: &str = "attestationObject";
const STATEMENT: &str = "attStmt";

/// Checks a registration response against the ceremony the tenant started and returns the
/// credential to store: client data (`webauthn.create`, challenge, origin), RP id hash, user
/// presence, user verification when required, the attested credential's id against `rawId`,
/// its key, and the attestation statement.
pub fn verify_registration(
    response: &RegistrationResponse,
    expected: &Expected<'_>,
) -> Result<NewCredential, WebAuthnError> {
    let credential_id = response.credential_id()?;
    let client_data_json = base64url::decode(
        &response.response.client_data_json,
        "response.clientDataJSON",
    )?;
    check_client_data(&client_data_json, Ceremony::Create, expected)?;

    let object_bytes = base64url::decode(
        &response.response.attestation_object,
        "response.attestationObject",
    )?;
    let object = cbor::read_whole(&object_bytes, OBJECT)?;
    let object = cbor::entries(&object, OBJECT)?;
    let member =
        |key| cbor::by_text(object, key).ok_or(WebAuthnError::MalformedCbor { field: OBJECT });
    let format = member("fmt")?
        .as_text()
        .ok_or(WebAuthnError::MalformedCbor { field: OBJECT })?;
    let auth_data_bytes = member("authData")?
        .as_bytes()
        .ok_or(WebAuthnError::MalformedCbor { field: OBJECT })?;
    let statement = cbor::entries(member(STATEMENT)?, STATEMENT)?;

    let auth_data = AuthenticatorData::parse(auth_data_bytes)?;
    auth_data.check(expected)?;
    let attested = auth_data
        .attested_credential
        .as_ref()
        .ok_or(WebAuthnError::NoAttestedCredential)?;
    if attested.credential_id != credential_id.as_slice() {
        return Err(WebAuthnError::CredentialIdMismatch);
    }
    let key = CoseKey::parse(attested.public_key)?;
    signature::check_key(&key.material)?;

    match format {
        "none" if statement.is_empty() => {}
        "none" => return Err(WebAuthnError::MalformedCbor { field: STATEMENT }),
        "packed" => {
            check_packed_self_attestation(statement, &key, auth_data_bytes, &client_data_json)?
        }
        other => {
            return Err(WebAuthnError::UnsupportedAttestation {
                format: other.to_owned(),
                certificate_chain: false,
            })
        }
    }

    Ok(NewCredential {
        credential_id,
        public_key: attested.public_key.to_vec(),
        algorithm: key.algorithm,
        aaguid: attested.aaguid,
        sign_count: auth_data.sign_count,
        backup_eligible: auth_data.backup_eligible(),
        backed_up: auth_data.backed_up(),
        user_verified: auth_data.user_verified(),
        transports: response.response.transports.clone(),
    })
}

/// `packed` without `x5c`: the credential's own key signed authData || SHA-256(clientDataJSON)
/// with the algorithm the statement names.
fn check_packed_self_attestation(
    statement: &[(Value, Value)],
    key: &CoseKey,
    auth_data: &[u8],
    client_data_json: &[u8],
) -> Result<(), WebAuthnError> {
    if cbor::by_text(statement, "x5c").is_some() {
        return Err(WebAuthnError::UnsupportedAttestation {
            format: "packed".to_owned(),
            certificate_chain: true,
        });
    }
    let malformed = WebAuthnError::MalformedCbor { field: STATEMENT };
    let algorithm = cbor::by_text(statement, "alg")
        .and_then(cbor::integer)
        .ok_or(malformed.clone())?;
    let sig = cbor::by_text(statement, "sig")
        .and_then(Value::as_bytes)
        .ok_or(malformed)?;
    if algorithm != key.algorithm {
        return Err(WebAuthnError::AttestationAlgorithmMismatch {
            statement: algorithm,
            key: key.algorithm,
        });
    }
    signature::verify(
        &key.material,
        &signature::signed_data(auth_data, client_data_json),
        sig,
    )
}
