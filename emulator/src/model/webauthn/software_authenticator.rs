//! A software passkey authenticator, FOR TESTS ONLY (here and in other crates): it holds one
//! credential (a P-256 or Ed25519 key) and answers creation and request options the way a
//! browser and a platform authenticator together would, as the JSON the tenant receives.
//!
//! Its keys are not protected in any way, and [`SoftwareAuthenticator::fixed`] uses a published
//! key ([`super::test_passkey`]). It does not honour `excludeCredentials` or
//! `allowCredentials`: a test decides which credential answers.

use std::fmt;

use ciborium::value::Value;
use ed25519_dalek::Signer as _;
use serde_json::{json, Map};

use super::authenticator_data::{
    ATTESTED_CREDENTIAL, BACKED_UP, BACKUP_ELIGIBLE, USER_PRESENT, USER_VERIFIED,
};
use super::base64url;
use super::cbor;
use super::client_data::Ceremony;
use super::cose::{CoseKey, KeyMaterial, EDDSA, ES256};
use super::options::{
    AssertionResponse, AuthenticatorAssertionResponse, AuthenticatorAttestationResponse,
    CreationOptions, RegistrationResponse, RequestOptions,
};
use super::signature::signed_data;
use super::test_passkey;

/// The attestation statement [`SoftwareAuthenticator::register`] produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttestationFormat {
    /// `fmt: "none"`, empty statement (what browsers send for `attestation: "none"`).
    None,
    /// `fmt: "packed"` self-attestation: signed with the credential's own key, no `x5c`.
    PackedSelf,
}

/// The credential's private key.
enum CredentialKey {
    P256(p256::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
}

impl CredentialKey {
    fn public_key(&self) -> CoseKey {
        match self {
            Self::P256(key) => {
                let mut point = [0; 65];
                point.copy_from_slice(key.verifying_key().to_encoded_point(false).as_bytes());
                CoseKey {
                    algorithm: ES256,
                    material: KeyMaterial::P256(point),
                }
            }
            Self::Ed25519(key) => CoseKey {
                algorithm: EDDSA,
                material: KeyMaterial::Ed25519(key.verifying_key().to_bytes()),
            },
        }
    }

    /// ES256 signatures in DER, EdDSA signatures raw, as WebAuthn carries them.
    fn sign(&self, message: &[u8]) -> Vec<u8> {
        match self {
            Self::P256(key) => {
                let signature: p256::ecdsa::Signature = key.sign(message);
                signature.to_der().as_bytes().to_vec()
            }
            Self::Ed25519(key) => key.sign(message).to_bytes().to_vec(),
        }
    }
}

/// One software credential and the behaviour of the authenticator holding it. TEST-ONLY.
pub struct SoftwareAuthenticator {
    key: CredentialKey,
    public_key: CoseKey,
    credential_id: Vec<u8>,
    aaguid: [u8; 16],
    user_present: bool,
    user_verified: bool,
    backup_eligible: bool,
    backed_up: bool,
    transports: Vec<String>,
    counter: Option<u32>,
    user_handle: Option<String>,
}

impl fmt::Debug for SoftwareAuthenticator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SoftwareAuthenticator")
            .field("credential_id", &base64url::encode(&self.credential_id))
            .field("key", &"***")
            .finish_non_exhaustive()
    }
}

impl SoftwareAuthenticator {
    /// The authenticator of the published test passkey ([`test_passkey`]): same key and
    /// credential id in every run, so seeded users can carry it. PUBLIC KEY, TESTS ONLY.
    pub fn fixed() -> Self {
        let key = p256::ecdsa::SigningKey::from_slice(&test_passkey::SECRET_KEY)
            .expect("the published test key is a valid P-256 scalar");
        Self::with_key(CredentialKey::P256(key))
    }

    /// An ES256 credential with the P-256 private scalar `secret`; `None` when `secret` is zero
    /// or not below the curve order.
    pub fn p256(secret: &[u8; 32]) -> Option<Self> {
        p256::ecdsa::SigningKey::from_slice(secret)
            .ok()
            .map(|key| Self::with_key(CredentialKey::P256(key)))
    }

    /// An ES256 credential with a fresh key from `rng` (a test's generator).
    pub fn random_p256(rng: &mut impl rand_core::RngCore) -> Self {
        loop {
            let mut secret = [0; 32];
            rng.fill_bytes(&mut secret);
            // Almost every 32-byte string is a valid scalar; retry the rare one that is not.
            if let Some(authenticator) = Self::p256(&secret) {
                return authenticator;
            }
        }
    }

    /// An EdDSA (Ed25519) credential with the private key `secret`.
    pub fn ed25519(secret: &[u8; 32]) -> Self {
        Self::with_key(CredentialKey::Ed25519(
            ed25519_dalek::SigningKey::from_bytes(secret),
        ))
    }

    fn with_key(key: CredentialKey) -> Self {
        let public_key = key.public_key();
        Self {
            credential_id: test_passkey::credential_id_for(&public_key.to_bytes()),
            public_key,
            key,
            aaguid: [0; 16],
            user_present: true,
            user_verified: true,
            backup_eligible: false,
            backed_up: false,
            transports: vec!["internal".to_owned()],
            counter: None,
            user_handle: None,
        }
    }

    /// Whether it reports user verification (UV); on by default.
    pub fn with_user_verification(mut self, verified: bool) -> Self {
        self.user_verified = verified;
        self
    }

    /// Whether it reports user presence (UP); on by default. Off imitates a broken
    /// authenticator, for negative tests.
    pub fn with_user_presence(mut self, present: bool) -> Self {
        self.user_present = present;
        self
    }

    /// The backup flags: eligible (BE, a multi-device passkey) and backed up (BS). Both off by
    /// default.
    pub fn with_backup(mut self, eligible: bool, backed_up: bool) -> Self {
        self.backup_eligible = eligible;
        self.backed_up = backed_up;
        self
    }

    /// The AAGUID put into registrations; all zero by default.
    pub fn with_aaguid(mut self, aaguid: [u8; 16]) -> Self {
        self.aaguid = aaguid;
        self
    }

    /// The transports reported at registration; `["internal"]` by default.
    pub fn with_transports(mut self, transports: &[&str]) -> Self {
        self.transports = transports.iter().map(|&t| t.to_owned()).collect();
        self
    }

    /// Keep a signature counter starting at `start`, raised before each assertion. Without it
    /// the counter is always 0, as synced passkey providers send it.
    pub fn with_counter(mut self, start: u32) -> Self {
        self.counter = Some(start);
        self
    }

    /// The user handle returned at sign-in, for a credential registered elsewhere (a seed);
    /// [`register`](Self::register) sets it from the options.
    pub fn with_user_handle(mut self, handle: &[u8]) -> Self {
        self.user_handle = Some(base64url::encode(handle));
        self
    }

    /// The credential id.
    pub fn credential_id(&self) -> &[u8] {
        &self.credential_id
    }

    /// The credential's public key as COSE_Key bytes, as the tenant stores it.
    pub fn cose_public_key(&self) -> Vec<u8> {
        self.public_key.to_bytes()
    }

    /// The COSE algorithm: -7 (ES256) or -8 (EdDSA).
    pub fn algorithm(&self) -> i64 {
        self.public_key.algorithm
    }

    /// What `navigator.credentials.create({publicKey: options})` on `origin` returns with this
    /// authenticator; remembers the options' user handle for later assertions.
    pub fn register(
        &mut self,
        options: &CreationOptions,
        origin: &str,
        format: AttestationFormat,
    ) -> RegistrationResponse {
        self.user_handle = Some(options.user.id.clone());
        let client_data = client_data_json(
            Ceremony::Create.client_data_type(),
            &options.challenge,
            origin,
        );
        self.register_with_client_data(&options.rp.id, &client_data, format)
    }

    /// A registration for `rp_id` over the given client data bytes, which a test may have
    /// written wrongly on purpose.
    pub fn register_with_client_data(
        &self,
        rp_id: &str,
        client_data_json: &[u8],
        format: AttestationFormat,
    ) -> RegistrationResponse {
        let mut auth_data =
            self.authenticator_data(rp_id, ATTESTED_CREDENTIAL, self.counter.unwrap_or(0));
        auth_data.extend_from_slice(&self.aaguid);
        // Credential ids here are 32 bytes (SHA-256), well within the u16 length field.
        auth_data.extend_from_slice(&(self.credential_id.len() as u16).to_be_bytes());
        auth_data.extend_from_slice(&self.credential_id);
        auth_data.extend_from_slice(&self.cose_public_key());
        let (fmt, statement) = match format {
            AttestationFormat::None => ("none", Vec::new()),
            AttestationFormat::PackedSelf => {
                let signature = self.key.sign(&signed_data(&auth_data, client_data_json));
                (
                    "packed",
                    vec![
                        (text("alg"), Value::Integer(self.algorithm().into())),
                        (text("sig"), Value::Bytes(signature)),
                    ],
                )
            }
        };
        let object = Value::Map(vec![
            (text("fmt"), text(fmt)),
            (text("attStmt"), Value::Map(statement)),
            (text("authData"), Value::Bytes(auth_data)),
        ]);
        RegistrationResponse {
            id: base64url::encode(&self.credential_id),
            raw_id: base64url::encode(&self.credential_id),
            credential_type: "public-key".to_owned(),
            authenticator_attachment: Some("platform".to_owned()),
            response: AuthenticatorAttestationResponse {
                client_data_json: base64url::encode(client_data_json),
                attestation_object: base64url::encode(&cbor::to_bytes(&object)),
                transports: self.transports.clone(),
            },
            client_extension_results: Map::new(),
        }
    }

    /// What `navigator.credentials.get({publicKey: options})` on `origin` returns with this
    /// authenticator's credential.
    pub fn sign_in(&mut self, options: &RequestOptions, origin: &str) -> AssertionResponse {
        let client_data =
            client_data_json(Ceremony::Get.client_data_type(), &options.challenge, origin);
        self.sign_in_with_client_data(&options.rp_id, &client_data)
    }

    /// An assertion for `rp_id` over the given client data bytes, which a test may have written
    /// wrongly on purpose. Raises the counter when it keeps one.
    pub fn sign_in_with_client_data(
        &mut self,
        rp_id: &str,
        client_data_json: &[u8],
    ) -> AssertionResponse {
        if let Some(counter) = &mut self.counter {
            *counter = counter.saturating_add(1);
        }
        let auth_data = self.authenticator_data(rp_id, 0, self.counter.unwrap_or(0));
        let signature = self.key.sign(&signed_data(&auth_data, client_data_json));
        AssertionResponse {
            id: base64url::encode(&self.credential_id),
            raw_id: base64url::encode(&self.credential_id),
            credential_type: "public-key".to_owned(),
            authenticator_attachment: Some("platform".to_owned()),
            response: AuthenticatorAssertionResponse {
                client_data_json: base64url::encode(client_data_json),
                authenticator_data: base64url::encode(&auth_data),
                signature: base64url::encode(&signature),
                user_handle: self.user_handle.clone(),
            },
            client_extension_results: Map::new(),
        }
    }

    /// RP id hash, flags (the configured ones plus `extra_flags`) and counter.
    fn authenticator_data(&self, rp_id: &str, extra_flags: u8, counter: u32) -> Vec<u8> {
        use sha2::{Digest, Sha256};

        let flags = [
            (self.user_present, USER_PRESENT),
            (self.user_verified, USER_VERIFIED),
            (self.backup_eligible, BACKUP_ELIGIBLE),
            (self.backed_up, BACKED_UP),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .fold(extra_flags, |flags, (_, bit)| flags | bit);
        let mut data = Sha256::digest(rp_id.as_bytes()).to_vec();
        data.push(flags);
        data.extend_from_slice(&counter.to_be_bytes());
        data
    }
}

/// Client data as a browser writes it: `type`, `challenge` (as the options carry it), `origin`,
/// `crossOrigin: false`. Public so tests can write variants of it.
pub fn client_data_json(ceremony_type: &str, challenge: &str, origin: &str) -> Vec<u8> {
    json!({
        "type": ceremony_type,
        "challenge": challenge,
        "origin": origin,
        "crossOrigin": false,
    })
    .to_string()
    .into_bytes()
}

fn text(s: &str) -> Value {
    Value::Text(s.to_owned())
}
