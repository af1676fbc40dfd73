//! Registration (`navigator.credentials.create()`) with the software authenticator: `none` and
//! `packed` self-attestation, and each way a response can be wrong.

use ciborium::value::Value;
use sha2::Digest;

use super::*;
use crate::model::webauthn::cbor;

fn register(
    authenticator: &mut SoftwareAuthenticator,
    format: AttestationFormat,
) -> RegistrationResponse {
    authenticator.register(&creation_options(), ORIGIN, format)
}

fn verify(response: &RegistrationResponse) -> Result<NewCredential, WebAuthnError> {
    verify_registration(response, &expected(&allowed_origins(), false))
}

/// A registration whose client data is `client_data` instead of what a browser would write.
fn register_with_client_data(client_data: &str, format: AttestationFormat) -> RegistrationResponse {
    p256_authenticator(1).register_with_client_data(RP_ID, client_data.as_bytes(), format)
}

/// Rewrites one member of the attestation object.
fn replace_in_attestation_object(response: &mut RegistrationResponse, key: &str, value: Value) {
    let bytes = base64url::decode(&response.response.attestation_object, "test").unwrap();
    let mut object = cbor::read_whole(&bytes, "test").unwrap();
    let entries = object.as_map_mut().unwrap();
    entries.retain(|(k, _)| k.as_text() != Some(key));
    entries.push((Value::Text(key.to_owned()), value));
    response.response.attestation_object = b64(&cbor::to_bytes(&object));
}

#[test]
fn none_attestation_registers_the_credential_the_authenticator_made() {
    let mut authenticator = p256_authenticator(1)
        .with_aaguid([0x11; 16])
        .with_transports(&["internal", "hybrid"]);
    let credential = verify(&register(&mut authenticator, AttestationFormat::None)).unwrap();
    assert_eq!(
        credential,
        NewCredential {
            credential_id: authenticator.credential_id().to_vec(),
            public_key: authenticator.cose_public_key(),
            algorithm: -7,
            aaguid: [0x11; 16],
            sign_count: 0,
            backup_eligible: false,
            backed_up: false,
            user_verified: true,
            transports: vec!["internal".to_owned(), "hybrid".to_owned()],
        }
    );
    assert_eq!(credential.device_type(), CredentialDeviceType::SingleDevice);
    assert_eq!(credential.device_type().as_str(), "single_device");
}

/// A synced passkey (BE, BS) is `multi_device`.
#[test]
fn a_backup_eligible_credential_is_multi_device() {
    let mut authenticator = p256_authenticator(2).with_backup(true, true);
    let credential = verify(&register(&mut authenticator, AttestationFormat::None)).unwrap();
    assert!(credential.backup_eligible && credential.backed_up);
    assert_eq!(credential.device_type().as_str(), "multi_device");
}

#[test]
fn a_response_to_another_challenge_is_refused() {
    let mut options = creation_options();
    options.challenge = b64(b"an older challenge");
    let response = p256_authenticator(1).register(&options, ORIGIN, AttestationFormat::None);
    assert_eq!(verify(&response), Err(WebAuthnError::WrongChallenge));
}

#[test]
fn a_ceremony_on_another_origin_is_refused_naming_it() {
    let response = p256_authenticator(1).register(
        &creation_options(),
        "https://evil.example",
        AttestationFormat::None,
    );
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::WrongOrigin {
            origin: "https://evil.example".to_owned()
        })
    );
}

#[test]
fn a_ceremony_in_a_cross_origin_frame_is_refused() {
    let client_data = format!(
        r#"{{"type":"webauthn.create","challenge":"{}","origin":"{ORIGIN}","crossOrigin":true,"topOrigin":"https://evil.example"}}"#,
        b64(CHALLENGE)
    );
    let response = register_with_client_data(&client_data, AttestationFormat::None);
    assert_eq!(verify(&response), Err(WebAuthnError::CrossOrigin));
}

#[test]
fn client_data_of_a_sign_in_is_refused_at_registration() {
    let client_data = client_data_json("webauthn.get", &b64(CHALLENGE), ORIGIN);
    let response = p256_authenticator(1).register_with_client_data(
        RP_ID,
        &client_data,
        AttestationFormat::None,
    );
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::WrongCeremony {
            expected: "webauthn.create",
            received: "webauthn.get".to_owned()
        })
    );
}

#[test]
fn client_data_that_is_not_json_is_refused() {
    let response = register_with_client_data("not json", AttestationFormat::None);
    assert_eq!(verify(&response), Err(WebAuthnError::MalformedClientData));
}

#[test]
fn a_credential_for_another_relying_party_is_refused() {
    let mut options = creation_options();
    options.rp.id = "example.org".to_owned();
    let response = p256_authenticator(1).register(&options, ORIGIN, AttestationFormat::None);
    assert_eq!(verify(&response), Err(WebAuthnError::WrongRelyingParty));
}

#[test]
fn a_response_without_user_presence_is_refused() {
    let mut authenticator = p256_authenticator(1).with_user_presence(false);
    let response = register(&mut authenticator, AttestationFormat::None);
    assert_eq!(verify(&response), Err(WebAuthnError::UserNotPresent));
}

#[test]
fn user_verification_is_refused_missing_only_when_required() {
    let mut authenticator = p256_authenticator(1).with_user_verification(false);
    let response = register(&mut authenticator, AttestationFormat::None);
    let origins = allowed_origins();
    assert_eq!(
        verify_registration(&response, &expected(&origins, true)),
        Err(WebAuthnError::UserNotVerified)
    );
    let credential = verify_registration(&response, &expected(&origins, false)).unwrap();
    assert!(!credential.user_verified);
}

#[test]
fn backed_up_without_backup_eligibility_is_refused() {
    let mut authenticator = p256_authenticator(1).with_backup(false, true);
    let response = register(&mut authenticator, AttestationFormat::None);
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::InconsistentBackupFlags)
    );
}

#[test]
fn a_raw_id_other_than_the_attested_credential_is_refused() {
    let mut response = register(&mut p256_authenticator(1), AttestationFormat::None);
    response.id = b64(b"another credential");
    response.raw_id = response.id.clone();
    assert_eq!(verify(&response), Err(WebAuthnError::CredentialIdMismatch));
}

#[test]
fn authenticator_data_without_an_attested_credential_is_refused() {
    let mut response = register(&mut p256_authenticator(1), AttestationFormat::None);
    let mut auth_data = sha2::Sha256::digest(RP_ID).to_vec();
    auth_data.extend_from_slice(&[0x05, 0, 0, 0, 0]);
    replace_in_attestation_object(&mut response, "authData", Value::Bytes(auth_data));
    assert_eq!(verify(&response), Err(WebAuthnError::NoAttestedCredential));
}

#[test]
fn certificate_based_formats_are_refused_as_unsupported() {
    let mut tpm = register(&mut p256_authenticator(1), AttestationFormat::None);
    replace_in_attestation_object(&mut tpm, "fmt", Value::Text("tpm".to_owned()));
    assert_eq!(
        verify(&tpm),
        Err(WebAuthnError::UnsupportedAttestation {
            format: "tpm".to_owned(),
            certificate_chain: false
        })
    );

    let mut packed_x5c = register(&mut p256_authenticator(1), AttestationFormat::PackedSelf);
    let statement = Value::Map(vec![
        (Value::Text("alg".to_owned()), Value::Integer((-7).into())),
        (
            Value::Text("sig".to_owned()),
            Value::Bytes(vec![0x30, 0x00]),
        ),
        (
            Value::Text("x5c".to_owned()),
            Value::Array(vec![Value::Bytes(vec![0x30, 0x82])]),
        ),
    ]);
    replace_in_attestation_object(&mut packed_x5c, "attStmt", statement);
    assert_eq!(
        verify(&packed_x5c),
        Err(WebAuthnError::UnsupportedAttestation {
            format: "packed".to_owned(),
            certificate_chain: true
        })
    );
}

#[test]
fn none_attestation_with_a_statement_is_refused() {
    let mut response = register(&mut p256_authenticator(1), AttestationFormat::None);
    let statement = Value::Map(vec![(Value::Text("sig".to_owned()), Value::Bytes(vec![1]))]);
    replace_in_attestation_object(&mut response, "attStmt", statement);
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::MalformedCbor { field: "attStmt" })
    );
}

#[test]
fn an_attestation_object_that_is_not_cbor_is_refused() {
    let mut response = register(&mut p256_authenticator(1), AttestationFormat::None);
    response.response.attestation_object = b64(&[0xa3, 0x63]);
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::MalformedCbor {
            field: "attestationObject"
        })
    );
    response.response.attestation_object = "not base64!".to_owned();
    assert_eq!(
        verify(&response),
        Err(WebAuthnError::MalformedBase64 {
            field: "response.attestationObject"
        })
    );
}

/// The seeded users' passkey: `fixed()` holds the published key a seed stores.
#[test]
fn the_fixed_authenticator_holds_the_test_passkey() {
    let mut fixed = SoftwareAuthenticator::fixed();
    assert_eq!(fixed.cose_public_key(), test_passkey::cose_public_key());
    assert_eq!(fixed.credential_id(), test_passkey::credential_id());
    assert_eq!(fixed.algorithm(), test_passkey::ALGORITHM);
    let credential = verify(&register(&mut fixed, AttestationFormat::None)).unwrap();
    assert_eq!(credential.public_key, test_passkey::cose_public_key());
}

#[cfg(feature = "webauthn-signatures")]
mod signed {
    use super::*;

    #[test]
    fn packed_self_attestation_registers_es256_and_eddsa_credentials() {
        for mut authenticator in [p256_authenticator(3), ed25519_authenticator(4)] {
            let response = register(&mut authenticator, AttestationFormat::PackedSelf);
            let credential = verify(&response).unwrap();
            assert_eq!(credential.algorithm, authenticator.algorithm());
            assert_eq!(credential.public_key, authenticator.cose_public_key());
        }
        assert_eq!(ed25519_authenticator(4).algorithm(), -8);
    }

    #[test]
    fn a_tampered_packed_signature_is_refused() {
        for mut authenticator in [p256_authenticator(3), ed25519_authenticator(4)] {
            let mut response = register(&mut authenticator, AttestationFormat::PackedSelf);
            let bytes = base64url::decode(&response.response.attestation_object, "test").unwrap();
            let object = cbor::read_whole(&bytes, "test").unwrap();
            let statement = cbor::by_text(cbor::entries(&object, "test").unwrap(), "attStmt")
                .unwrap()
                .clone();
            let mut entries = statement.into_map().unwrap();
            for (key, value) in &mut entries {
                if key.as_text() == Some("sig") {
                    let sig = value.as_bytes_mut().unwrap();
                    let last = sig.len() - 1;
                    sig[last] ^= 0x01;
                }
            }
            replace_in_attestation_object(&mut response, "attStmt", Value::Map(entries));
            assert_eq!(verify(&response), Err(WebAuthnError::BadSignature));
        }
    }

    /// The signature covers the client data's hash: other client data (still valid) fails.
    #[test]
    fn packed_attestation_over_other_client_data_is_refused() {
        let mut response = register(&mut p256_authenticator(3), AttestationFormat::PackedSelf);
        let other = client_data_json(
            "webauthn.create",
            &b64(CHALLENGE),
            "https://other.example.com",
        );
        response.response.client_data_json = b64(&other);
        assert_eq!(verify(&response), Err(WebAuthnError::BadSignature));
    }

    #[test]
    fn a_packed_statement_naming_another_algorithm_is_refused() {
        let mut response = register(&mut p256_authenticator(3), AttestationFormat::PackedSelf);
        let statement = Value::Map(vec![
            (Value::Text("alg".to_owned()), Value::Integer((-8).into())),
            (Value::Text("sig".to_owned()), Value::Bytes(vec![0; 64])),
        ]);
        replace_in_attestation_object(&mut response, "attStmt", statement);
        assert_eq!(
            verify(&response),
            Err(WebAuthnError::AttestationAlgorithmMismatch {
                statement: -8,
                key: -7
            })
        );
    }

    #[test]
    fn a_key_not_on_the_curve_is_refused() {
        let mut response = register(&mut p256_authenticator(3), AttestationFormat::None);
        let bytes = base64url::decode(&response.response.attestation_object, "test").unwrap();
        let object = cbor::read_whole(&bytes, "test").unwrap();
        let mut auth_data = cbor::by_text(cbor::entries(&object, "test").unwrap(), "authData")
            .and_then(Value::as_bytes)
            .unwrap()
            .clone();
        // The last byte of y: the point leaves the curve.
        let last = auth_data.len() - 1;
        auth_data[last] ^= 0x01;
        replace_in_attestation_object(&mut response, "authData", Value::Bytes(auth_data));
        assert_eq!(verify(&response), Err(WebAuthnError::InvalidPublicKey));
    }
}

/// Without the signature feature (the demo-mode wasm build), `none` still registers and
/// anything signed is refused as unchecked.
#[cfg(not(feature = "webauthn-signatures"))]
#[test]
fn without_signature_checks_packed_attestation_is_refused_as_unchecked() {
    let response = register(&mut p256_authenticator(3), AttestationFormat::PackedSelf);
    assert_eq!(verify(&response), Err(WebAuthnError::SignaturesUnavailable));
    assert!(verify(&register(
        &mut p256_authenticator(3),
        AttestationFormat::None
    ))
    .is_ok());
}
