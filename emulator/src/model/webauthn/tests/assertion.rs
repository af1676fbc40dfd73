//! Sign-in (`navigator.credentials.get()`) with a registered software credential: the
//! signature, the client data, the authenticator data and the counter.

use super::*;

/// A credential registered with `none` attestation, as the tenant stores it.
struct Registered {
    authenticator: SoftwareAuthenticator,
    credential: NewCredential,
}

impl Registered {
    fn new(mut authenticator: SoftwareAuthenticator) -> Self {
        let response = authenticator.register(&creation_options(), ORIGIN, AttestationFormat::None);
        let credential = verify_registration(&response, &expected(&allowed_origins(), false))
            .expect("the software authenticator registers");
        Self {
            authenticator,
            credential,
        }
    }

    fn stored(&self, sign_count: u32) -> StoredCredential<'_> {
        StoredCredential {
            credential_id: &self.credential.credential_id,
            public_key: &self.credential.public_key,
            sign_count,
        }
    }

    fn verify(
        &self,
        response: &AssertionResponse,
        stored_sign_count: u32,
    ) -> Result<AssertionResult, WebAuthnError> {
        verify_assertion(
            response,
            &expected(&allowed_origins(), false),
            &self.stored(stored_sign_count),
        )
    }
}

#[test]
fn an_assertion_of_a_registered_credential_signs_in_es256_and_eddsa() {
    for authenticator in [p256_authenticator(5), ed25519_authenticator(6)] {
        let mut registered = Registered::new(authenticator.with_backup(true, true));
        let response = registered.authenticator.sign_in(&request_options(), ORIGIN);
        assert_eq!(
            response.credential_id(),
            Ok(registered.credential.credential_id.clone())
        );
        assert_eq!(
            registered.verify(&response, 0),
            Ok(AssertionResult {
                sign_count: 0,
                backed_up: true,
                user_verified: true,
                user_handle: Some(USER_HANDLE.to_vec()),
            })
        );
    }
}

/// The seeded users' passkey signs in with the published key and the seed's user handle.
#[test]
fn the_fixed_authenticator_signs_in_with_the_seeded_test_passkey() {
    let mut fixed = SoftwareAuthenticator::fixed().with_user_handle(b"seeded-user");
    let response = fixed.sign_in(&request_options(), ORIGIN);
    let stored = StoredCredential {
        credential_id: &test_passkey::credential_id(),
        public_key: &test_passkey::cose_public_key(),
        sign_count: 0,
    };
    let result =
        verify_assertion(&response, &expected(&allowed_origins(), false), &stored).unwrap();
    assert_eq!(result.user_handle, Some(b"seeded-user".to_vec()));
}

#[test]
fn a_counting_authenticator_reports_a_rising_counter() {
    let mut registered = Registered::new(p256_authenticator(5).with_counter(10));
    assert_eq!(registered.credential.sign_count, 10);
    let first = registered.authenticator.sign_in(&request_options(), ORIGIN);
    assert_eq!(registered.verify(&first, 10).map(|r| r.sign_count), Ok(11));
    let second = registered.authenticator.sign_in(&request_options(), ORIGIN);
    assert_eq!(registered.verify(&second, 11).map(|r| r.sign_count), Ok(12));
}

/// A replayed or cloned authenticator's counter does not go up.
#[test]
fn a_counter_that_does_not_rise_is_refused_as_a_clone() {
    let mut registered = Registered::new(p256_authenticator(5).with_counter(3));
    let response = registered.authenticator.sign_in(&request_options(), ORIGIN);
    assert_eq!(
        registered.verify(&response, 4),
        Err(WebAuthnError::ClonedAuthenticator {
            stored: 4,
            received: 4
        })
    );
    assert_eq!(
        registered.verify(&response, 9),
        Err(WebAuthnError::ClonedAuthenticator {
            stored: 9,
            received: 4
        })
    );
    // A counter-less authenticator (always 0) after a counting one: also refused.
    let mut counterless = Registered::new(p256_authenticator(5));
    let zero = counterless
        .authenticator
        .sign_in(&request_options(), ORIGIN);
    assert_eq!(
        counterless.verify(&zero, 2),
        Err(WebAuthnError::ClonedAuthenticator {
            stored: 2,
            received: 0
        })
    );
}

#[test]
fn a_tampered_signature_is_refused() {
    for authenticator in [p256_authenticator(5), ed25519_authenticator(6)] {
        let mut registered = Registered::new(authenticator);
        let mut response = registered.authenticator.sign_in(&request_options(), ORIGIN);
        let mut signature = base64url::decode(&response.response.signature, "test").unwrap();
        let last = signature.len() - 1;
        signature[last] ^= 0x01;
        response.response.signature = b64(&signature);
        assert_eq!(
            registered.verify(&response, 0),
            Err(WebAuthnError::BadSignature)
        );
    }
}

/// Another key's valid signature does not sign in as this credential.
#[test]
fn a_signature_by_another_key_is_refused() {
    let registered = Registered::new(p256_authenticator(5));
    let mut impostor = p256_authenticator(7);
    let mut response = impostor.sign_in(&request_options(), ORIGIN);
    response.id = b64(&registered.credential.credential_id);
    response.raw_id = response.id.clone();
    assert_eq!(
        registered.verify(&response, 0),
        Err(WebAuthnError::BadSignature)
    );
}

#[test]
fn an_assertion_for_another_challenge_is_refused() {
    let mut registered = Registered::new(p256_authenticator(5));
    let mut options = request_options();
    options.challenge = b64(b"an older challenge");
    let response = registered.authenticator.sign_in(&options, ORIGIN);
    assert_eq!(
        registered.verify(&response, 0),
        Err(WebAuthnError::WrongChallenge)
    );
}

#[test]
fn an_assertion_of_another_credential_is_refused() {
    let mut registered = Registered::new(p256_authenticator(5));
    let response = registered.authenticator.sign_in(&request_options(), ORIGIN);
    let other_id = b"another credential".to_vec();
    let stored = StoredCredential {
        credential_id: &other_id,
        ..registered.stored(0)
    };
    assert_eq!(
        verify_assertion(&response, &expected(&allowed_origins(), false), &stored),
        Err(WebAuthnError::CredentialIdMismatch)
    );
}

#[test]
fn client_data_of_a_registration_is_refused_at_sign_in() {
    let mut registered = Registered::new(p256_authenticator(5));
    let client_data = client_data_json("webauthn.create", &b64(CHALLENGE), ORIGIN);
    let response = registered
        .authenticator
        .sign_in_with_client_data(RP_ID, &client_data);
    assert_eq!(
        registered.verify(&response, 0),
        Err(WebAuthnError::WrongCeremony {
            expected: "webauthn.get",
            received: "webauthn.create".to_owned()
        })
    );
}

#[test]
fn an_assertion_for_another_relying_party_or_origin_is_refused() {
    let mut registered = Registered::new(p256_authenticator(5));
    let mut options = request_options();
    options.rp_id = "example.org".to_owned();
    let other_rp = registered.authenticator.sign_in(&options, ORIGIN);
    assert_eq!(
        registered.verify(&other_rp, 0),
        Err(WebAuthnError::WrongRelyingParty)
    );
    let other_origin = registered
        .authenticator
        .sign_in(&request_options(), "https://evil.example");
    assert_eq!(
        registered.verify(&other_origin, 0),
        Err(WebAuthnError::WrongOrigin {
            origin: "https://evil.example".to_owned()
        })
    );
}

#[test]
fn an_assertion_without_user_presence_or_required_verification_is_refused() {
    let absent = Registered::new(p256_authenticator(5));
    let mut absent_authenticator = absent.authenticator.with_user_presence(false);
    let response = absent_authenticator.sign_in(&request_options(), ORIGIN);
    let stored = StoredCredential {
        credential_id: &absent.credential.credential_id,
        public_key: &absent.credential.public_key,
        sign_count: 0,
    };
    let origins = allowed_origins();
    assert_eq!(
        verify_assertion(&response, &expected(&origins, false), &stored),
        Err(WebAuthnError::UserNotPresent)
    );

    let mut unverified = Registered::new(p256_authenticator(8).with_user_verification(false));
    let response = unverified.authenticator.sign_in(&request_options(), ORIGIN);
    assert_eq!(
        verify_assertion(&response, &expected(&origins, true), &unverified.stored(0)),
        Err(WebAuthnError::UserNotVerified)
    );
    assert_eq!(
        verify_assertion(&response, &expected(&origins, false), &unverified.stored(0))
            .map(|r| r.user_verified),
        Ok(false)
    );
}
