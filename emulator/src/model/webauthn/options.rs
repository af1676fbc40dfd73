//! WebAuthn's JSON forms: the options the tenant hands to `navigator.credentials.create()` and
//! `.get()`, and the credentials the browser hands back (`PublicKeyCredential.toJSON()`, as the
//! Auth0 SDKs send them). Binary members are base64url strings here and are decoded when the
//! response is checked, so a bad member is reported by name.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::base64url;
use super::error::WebAuthnError;

/// `timeout` of the creation options Auth0 sends, in milliseconds; sign-in uses the same.
/// [doc for creation; inferred for sign-in]
pub const CEREMONY_TIMEOUT_MILLISECONDS: u32 = 60_000;

/// The only WebAuthn credential type.
const PUBLIC_KEY: &str = "public-key";

/// The algorithms offered at creation, in Auth0's order: EdDSA, ES256, RS256. [doc]
const OFFERED_ALGORITHMS: [i64; 3] = [-8, -7, -257];

/// Whether the authenticator must, should or need not verify the user (PIN, biometrics).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UserVerification {
    /// The ceremony fails without user verification.
    Required,
    /// Verify the user if the authenticator can.
    Preferred,
    /// Do not verify the user.
    Discouraged,
}

impl UserVerification {
    /// Whether a response without the UV flag must be refused.
    pub fn is_required(self) -> bool {
        self == Self::Required
    }
}

/// The relying party (`rp`): the tenant's passkey domain and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelyingParty {
    /// The relying-party id, a domain (the tenant's custom domain).
    pub id: String,
    /// A name an authenticator may show.
    pub name: String,
}

/// The user account a credential is created for (`user`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UserEntity {
    /// The user handle, base64url: opaque bytes returned as `userHandle` at sign-in.
    pub id: String,
    /// The account name (e.g. the email address).
    pub name: String,
    /// A friendly name.
    pub display_name: String,
}

impl UserEntity {
    /// The user entity for `handle` (bytes, encoded here).
    pub fn new(handle: &[u8], name: &str, display_name: &str) -> Self {
        Self {
            id: base64url::encode(handle),
            name: name.to_owned(),
            display_name: display_name.to_owned(),
        }
    }
}

/// One acceptable key algorithm (`pubKeyCredParams[]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialParameters {
    /// Always `public-key`.
    #[serde(rename = "type")]
    pub credential_type: String,
    /// The COSE algorithm number.
    pub alg: i64,
}

/// A credential named in `excludeCredentials` or `allowCredentials`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CredentialDescriptor {
    /// Always `public-key`.
    #[serde(rename = "type")]
    pub credential_type: String,
    /// The credential id, base64url.
    pub id: String,
}

impl CredentialDescriptor {
    fn for_id(credential_id: &[u8]) -> Self {
        Self {
            credential_type: PUBLIC_KEY.to_owned(),
            id: base64url::encode(credential_id),
        }
    }

    fn list<I>(credential_ids: I) -> Vec<Self>
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        credential_ids
            .into_iter()
            .map(|id| Self::for_id(id.as_ref()))
            .collect()
    }
}

/// What kind of authenticator and credential the relying party asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticatorSelection {
    /// `required`: passkeys are discoverable credentials.
    pub resident_key: String,
    /// Whether the user must be verified.
    pub user_verification: UserVerification,
}

/// `PublicKeyCredentialCreationOptions` in JSON form: the My Account API's
/// `authn_params_public_key`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CreationOptions {
    /// The challenge, base64url.
    pub challenge: String,
    /// Milliseconds the browser waits for the user.
    pub timeout: u32,
    /// The relying party.
    pub rp: RelyingParty,
    /// The account.
    pub user: UserEntity,
    /// Acceptable key algorithms.
    pub pub_key_cred_params: Vec<CredentialParameters>,
    /// Discoverable credential, user verification.
    pub authenticator_selection: AuthenticatorSelection,
    /// The user's existing passkeys, so an authenticator does not make a second one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclude_credentials: Vec<CredentialDescriptor>,
    /// Always `none`: the local tenant checks no attestation certificates.
    pub attestation: String,
}

impl CreationOptions {
    /// Options for a new discoverable credential of `user` at `rp`, excluding the credential ids
    /// the user already has.
    pub fn new<I>(
        challenge: &[u8],
        rp: RelyingParty,
        user: UserEntity,
        exclude_credentials: I,
        user_verification: UserVerification,
    ) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        Self {
            challenge: base64url::encode(challenge),
            timeout: CEREMONY_TIMEOUT_MILLISECONDS,
            rp,
            user,
            pub_key_cred_params: OFFERED_ALGORITHMS
                .iter()
                .map(|&alg| CredentialParameters {
                    credential_type: PUBLIC_KEY.to_owned(),
                    alg,
                })
                .collect(),
            authenticator_selection: AuthenticatorSelection {
                resident_key: "required".to_owned(),
                user_verification,
            },
            exclude_credentials: CredentialDescriptor::list(exclude_credentials),
            attestation: "none".to_owned(),
        }
    }
}

/// `PublicKeyCredentialRequestOptions` in JSON form, for signing in with a passkey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestOptions {
    /// The challenge, base64url.
    pub challenge: String,
    /// Milliseconds the browser waits for the user.
    pub timeout: u32,
    /// The relying-party id.
    pub rp_id: String,
    /// Credentials that may answer; empty lets the user pick any discoverable credential.
    #[serde(default)]
    pub allow_credentials: Vec<CredentialDescriptor>,
    /// Whether the user must be verified.
    pub user_verification: UserVerification,
}

impl RequestOptions {
    /// Options for signing in at `rp_id` with one of `allow_credentials` (empty: any passkey).
    pub fn new<I>(
        challenge: &[u8],
        rp_id: &str,
        allow_credentials: I,
        user_verification: UserVerification,
    ) -> Self
    where
        I: IntoIterator,
        I::Item: AsRef<[u8]>,
    {
        Self {
            challenge: base64url::encode(challenge),
            timeout: CEREMONY_TIMEOUT_MILLISECONDS,
            rp_id: rp_id.to_owned(),
            allow_credentials: CredentialDescriptor::list(allow_credentials),
            user_verification,
        }
    }
}

/// The credential `navigator.credentials.create()` returns, in JSON form (`authn_response`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RegistrationResponse {
    /// The credential id, base64url (same bytes as `rawId`).
    pub id: String,
    /// The credential id, base64url.
    pub raw_id: String,
    /// Must be `public-key`.
    #[serde(rename = "type")]
    pub credential_type: String,
    /// `platform` or `cross-platform`, when the browser says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authenticator_attachment: Option<String>,
    /// The authenticator's answer.
    pub response: AuthenticatorAttestationResponse,
    /// Extension outputs; not interpreted.
    #[serde(default)]
    pub client_extension_results: Map<String, Value>,
}

/// `AuthenticatorAttestationResponse` in JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticatorAttestationResponse {
    /// The client data, base64url of its JSON bytes.
    #[serde(rename = "clientDataJSON")]
    pub client_data_json: String,
    /// The CBOR attestation object, base64url.
    pub attestation_object: String,
    /// How the authenticator can be reached (`internal`, `hybrid`, `usb`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transports: Vec<String>,
}

impl RegistrationResponse {
    /// The new credential's id, after checking `type` and that `id` and `rawId` agree.
    pub fn credential_id(&self) -> Result<Vec<u8>, WebAuthnError> {
        checked_credential_id(&self.credential_type, &self.id, &self.raw_id)
    }
}

/// The credential `navigator.credentials.get()` returns, in JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssertionResponse {
    /// The credential id, base64url (same bytes as `rawId`).
    pub id: String,
    /// The credential id, base64url.
    pub raw_id: String,
    /// Must be `public-key`.
    #[serde(rename = "type")]
    pub credential_type: String,
    /// `platform` or `cross-platform`, when the browser says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authenticator_attachment: Option<String>,
    /// The authenticator's answer.
    pub response: AuthenticatorAssertionResponse,
    /// Extension outputs; not interpreted.
    #[serde(default)]
    pub client_extension_results: Map<String, Value>,
}

/// `AuthenticatorAssertionResponse` in JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthenticatorAssertionResponse {
    /// The client data, base64url of its JSON bytes.
    #[serde(rename = "clientDataJSON")]
    pub client_data_json: String,
    /// The authenticator data, base64url.
    pub authenticator_data: String,
    /// The signature over authenticator data and the client data's hash, base64url.
    pub signature: String,
    /// The user handle of a discoverable credential, base64url.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_handle: Option<String>,
}

impl AssertionResponse {
    /// The id of the credential that signed, after checking `type` and that `id` and `rawId`
    /// agree: the key to look the stored credential up by.
    pub fn credential_id(&self) -> Result<Vec<u8>, WebAuthnError> {
        checked_credential_id(&self.credential_type, &self.id, &self.raw_id)
    }

    /// The user handle, when the authenticator returned one (an empty one counts as none).
    pub fn user_handle(&self) -> Result<Option<Vec<u8>>, WebAuthnError> {
        match self.response.user_handle.as_deref() {
            None | Some("") => Ok(None),
            Some(text) => base64url::decode(text, "response.userHandle").map(Some),
        }
    }
}

/// `rawId` decoded, once `type` is `public-key` and `id` names the same bytes.
fn checked_credential_id(
    credential_type: &str,
    id: &str,
    raw_id: &str,
) -> Result<Vec<u8>, WebAuthnError> {
    if credential_type != PUBLIC_KEY {
        return Err(WebAuthnError::NotPublicKeyCredential {
            credential_type: credential_type.to_owned(),
        });
    }
    let raw = base64url::decode(raw_id, "rawId")?;
    if base64url::decode(id, "id")? != raw {
        return Err(WebAuthnError::CredentialIdMismatch);
    }
    Ok(raw)
}
