//! The JSON forms as browsers and the Auth0 SDK exchange them, and the binary parsing
//! underneath (authenticator data, COSE keys), without any signature.

use serde_json::json;
use sha2::{Digest, Sha256};

use super::*;
use crate::model::webauthn::authenticator_data::AuthenticatorData;
use crate::model::webauthn::client_data::{check_client_data, Ceremony};
use crate::model::webauthn::cose::CoseKey;

#[test]
fn creation_options_are_the_json_the_my_account_api_answers() {
    let options = CreationOptions::new(
        CHALLENGE,
        RelyingParty {
            id: RP_ID.to_owned(),
            name: "Example".to_owned(),
        },
        UserEntity::new(USER_HANDLE, "ada@example.com", "Ada"),
        Vec::<Vec<u8>>::new(),
        UserVerification::Required,
    );
    assert_eq!(
        serde_json::to_value(&options).unwrap(),
        json!({
            "challenge": b64(CHALLENGE),
            "timeout": 60000,
            "rp": {"id": RP_ID, "name": "Example"},
            "user": {"id": b64(USER_HANDLE), "name": "ada@example.com", "displayName": "Ada"},
            "pubKeyCredParams": [
                {"type": "public-key", "alg": -8},
                {"type": "public-key", "alg": -7},
                {"type": "public-key", "alg": -257},
            ],
            "authenticatorSelection": {"residentKey": "required", "userVerification": "required"},
            "attestation": "none",
        })
    );
}

#[test]
fn creation_options_exclude_the_users_existing_passkeys() {
    let options = CreationOptions::new(
        CHALLENGE,
        creation_options().rp,
        creation_options().user,
        [b"first".to_vec(), b"second".to_vec()],
        UserVerification::Preferred,
    );
    let json = serde_json::to_value(&options).unwrap();
    assert_eq!(
        json["excludeCredentials"],
        json!([
            {"type": "public-key", "id": b64(b"first")},
            {"type": "public-key", "id": b64(b"second")},
        ])
    );
    assert_eq!(
        json["authenticatorSelection"]["userVerification"],
        "preferred"
    );
    let back: CreationOptions = serde_json::from_value(json).unwrap();
    assert_eq!(back, options);
}

#[test]
fn request_options_are_the_json_navigator_get_takes() {
    let discoverable = serde_json::to_value(request_options()).unwrap();
    assert_eq!(
        discoverable,
        json!({
            "challenge": b64(CHALLENGE),
            "timeout": 60000,
            "rpId": RP_ID,
            "allowCredentials": [],
            "userVerification": "preferred",
        })
    );
    let named = RequestOptions::new(CHALLENGE, RP_ID, [b"cred"], UserVerification::Required);
    assert_eq!(
        serde_json::to_value(named).unwrap()["allowCredentials"],
        json!([{"type": "public-key", "id": b64(b"cred")}])
    );
}

/// `PublicKeyCredential.toJSON()` adds members the tenant does not read; some libraries pad.
#[test]
fn registration_json_from_a_browser_is_read_with_padding_and_extra_members() {
    let response: RegistrationResponse = serde_json::from_value(json!({
        "id": "Y3JlZA",
        "rawId": "Y3JlZA==",
        "type": "public-key",
        "authenticatorAttachment": "cross-platform",
        "response": {
            "clientDataJSON": "e30",
            "attestationObject": "oA",
            "transports": ["usb", "nfc"],
            "publicKey": "ignored",
            "publicKeyAlgorithm": -7,
            "authenticatorData": "ignored",
        },
        "clientExtensionResults": {"credProps": {"rk": true}},
    }))
    .unwrap();
    assert_eq!(response.credential_id(), Ok(b"cred".to_vec()));
    assert_eq!(response.response.transports, ["usb", "nfc"]);

    let minimal: RegistrationResponse = serde_json::from_value(json!({
        "id": "Y3JlZA", "rawId": "Y3JlZA", "type": "public-key",
        "response": {"clientDataJSON": "e30", "attestationObject": "oA"},
    }))
    .unwrap();
    assert!(minimal.response.transports.is_empty());
}

#[test]
fn a_credential_is_refused_for_its_type_a_bad_raw_id_or_an_id_naming_other_bytes() {
    let assertion = |id: &str, raw_id: &str, credential_type: &str| AssertionResponse {
        id: id.to_owned(),
        raw_id: raw_id.to_owned(),
        credential_type: credential_type.to_owned(),
        authenticator_attachment: None,
        response: AuthenticatorAssertionResponse {
            client_data_json: String::new(),
            authenticator_data: String::new(),
            signature: String::new(),
            user_handle: None,
        },
        client_extension_results: Default::default(),
    };
    assert_eq!(
        assertion("Y3JlZA", "Y3JlZA", "password").credential_id(),
        Err(WebAuthnError::NotPublicKeyCredential {
            credential_type: "password".to_owned()
        })
    );
    assert_eq!(
        assertion("Y3JlZA", "Y3Jl*A", "public-key").credential_id(),
        Err(WebAuthnError::MalformedBase64 { field: "rawId" })
    );
    assert_eq!(
        assertion("b3RoZXI", "Y3JlZA", "public-key").credential_id(),
        Err(WebAuthnError::CredentialIdMismatch)
    );
}

#[test]
fn a_user_handle_that_is_null_absent_or_empty_is_none() {
    let with_handle = |handle: serde_json::Value| -> AssertionResponse {
        let body = json!({
            "clientDataJSON": "", "authenticatorData": "", "signature": "", "userHandle": handle,
        });
        serde_json::from_value(json!({
            "id": "Y3JlZA", "rawId": "Y3JlZA", "type": "public-key", "response": body,
        }))
        .unwrap()
    };
    assert_eq!(with_handle(json!(null)).user_handle(), Ok(None));
    assert_eq!(with_handle(json!("")).user_handle(), Ok(None));
    assert_eq!(
        with_handle(json!(b64(USER_HANDLE))).user_handle(),
        Ok(Some(USER_HANDLE.to_vec()))
    );
    let absent: AssertionResponse = serde_json::from_value(json!({
        "id": "Y3JlZA", "rawId": "Y3JlZA", "type": "public-key",
        "response": {"clientDataJSON": "", "authenticatorData": "", "signature": ""},
    }))
    .unwrap();
    assert_eq!(absent.user_handle(), Ok(None));
}

/// `topOrigin` and a `crossOrigin: false` are ignored; unknown members too; any allowed origin
/// passes.
#[test]
fn client_data_passes_on_any_allowed_origin_and_ignores_members_it_does_not_check() {
    let origins = allowed_origins();
    let client_data = json!({
        "type": "webauthn.get",
        "challenge": b64(CHALLENGE),
        "origin": ORIGIN,
        "crossOrigin": false,
        "topOrigin": "https://elsewhere.example",
        "other_keys_can_be_added_here": "do not compare clientDataJSON against a template",
    });
    let bytes = client_data.to_string().into_bytes();
    assert_eq!(
        check_client_data(&bytes, Ceremony::Get, &expected(&origins, false)),
        Ok(())
    );
    let other_allowed = json!({
        "type": "webauthn.create", "challenge": b64(CHALLENGE), "origin": "https://other.example.com",
    });
    assert_eq!(
        check_client_data(
            other_allowed.to_string().as_bytes(),
            Ceremony::Create,
            &expected(&origins, false)
        ),
        Ok(())
    );
}

/// Authenticator data with an attested credential (the test passkey's key) and `tail`.
fn attested_data(flags: u8, tail: &[u8]) -> Vec<u8> {
    let mut data = Sha256::digest(RP_ID).to_vec();
    data.push(flags);
    data.extend_from_slice(&7u32.to_be_bytes());
    data.extend_from_slice(&[0xaa; 16]);
    data.extend_from_slice(&3u16.to_be_bytes());
    data.extend_from_slice(b"id!");
    data.extend_from_slice(&test_passkey::cose_public_key());
    data.extend_from_slice(tail);
    data
}

/// The COSE key's end is found by decoding it, so extension outputs after it stay apart.
#[test]
fn authenticator_data_splits_the_public_key_from_following_extensions() {
    // {"credProtect": 2}
    let extensions = [&[0xa1, 0x6b][..], b"credProtect", &[0x02]].concat();
    let bytes = attested_data(0x41 | 0x80, &extensions);
    let data = AuthenticatorData::parse(&bytes).unwrap();
    let credential = data.attested_credential.unwrap();
    assert_eq!(credential.public_key, test_passkey::cose_public_key());
    assert_eq!(credential.credential_id, b"id!");
    assert_eq!(credential.aaguid, [0xaa; 16]);
    assert_eq!(data.sign_count, 7);
}

#[test]
fn authenticator_data_with_bytes_left_over_or_missing_is_refused() {
    let malformed = Err(WebAuthnError::MalformedAuthenticatorData);
    // Extension bytes without the ED flag.
    assert_eq!(
        AuthenticatorData::parse(&attested_data(0x41, &[0xa0])),
        malformed
    );
    // Shorter than RP id hash, flags and counter.
    assert_eq!(AuthenticatorData::parse(&[0; 36]), malformed);
    // AT set but the credential id runs past the end.
    let mut short = attested_data(0x41, &[]);
    short.truncate(37 + 18 + 2);
    assert_eq!(AuthenticatorData::parse(&short), malformed);
    // AT set, key cut in half.
    let mut cut = attested_data(0x41, &[]);
    cut.truncate(cut.len() - 10);
    assert_eq!(
        AuthenticatorData::parse(&cut),
        Err(WebAuthnError::MalformedCbor {
            field: "credentialPublicKey"
        })
    );
}

#[test]
fn cose_keys_of_other_algorithms_or_shapes_are_refused() {
    // ES384 (-35) on P-384: not offered, not supported.
    let es384 = [0xa3, 0x01, 0x02, 0x03, 0x38, 0x22, 0x20, 0x02];
    assert_eq!(
        CoseKey::parse(&es384),
        Err(WebAuthnError::UnsupportedAlgorithm(-35))
    );
    // ES256 named on an OKP key.
    let mixed = [0xa3, 0x01, 0x01, 0x03, 0x26, 0x20, 0x06];
    assert_eq!(CoseKey::parse(&mixed), Err(WebAuthnError::InvalidPublicKey));
    // ES256 with a 31-byte x.
    let mut short_x = test_passkey::cose_public_key();
    short_x[9] = 0x1f;
    short_x.remove(10);
    assert_eq!(
        CoseKey::parse(&short_x),
        Err(WebAuthnError::InvalidPublicKey)
    );
    // No alg at all.
    assert_eq!(
        CoseKey::parse(&[0xa1, 0x01, 0x02]),
        Err(WebAuthnError::MalformedCbor {
            field: "credentialPublicKey"
        })
    );
}

/// The bytes a seed stores: an ES256 COSE_Key `{1: 2, 3: -7, -1: 1, -2: x, -3: y}` and its
/// SHA-256 as credential id.
#[test]
fn the_test_passkey_is_an_es256_cose_key_named_by_its_hash() {
    let key = test_passkey::cose_public_key();
    assert_eq!(key.len(), 77);
    assert_eq!(
        &key[..10],
        [0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20]
    );
    assert_eq!(
        CoseKey::parse(&key).unwrap().algorithm,
        test_passkey::ALGORITHM
    );
    assert_eq!(test_passkey::credential_id(), Sha256::digest(&key).to_vec());
}

#[test]
fn errors_say_what_was_wrong_in_a_sentence() {
    let origin = WebAuthnError::WrongOrigin {
        origin: "https://evil.example".to_owned(),
    };
    assert_eq!(
        origin.to_string(),
        "The origin \"https://evil.example\" is not allowed for this relying party."
    );
    let tpm = WebAuthnError::UnsupportedAttestation {
        format: "tpm".to_owned(),
        certificate_chain: false,
    };
    assert!(tpm.to_string().contains("\"tpm\""));
    assert!(tpm.to_string().contains("attestation \"none\""));
}
