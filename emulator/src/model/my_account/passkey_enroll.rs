//! Enrolling a passkey: the start answer carries WebAuthn creation options
//! (`authn_params_public_key`); verify checks the browser's attestation and stores the
//! credential. The relying-party id is the configured one, else the host of the page.

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use crate::model::authenticator::{Authenticator, AuthenticatorKind};
use crate::model::my_account::body::optional_text;
use crate::model::my_account::problem::Problem;
use crate::model::my_account::record::{authenticator_record, identity_user_id};
use crate::model::my_account::request::MeRequest;
use crate::model::my_account::session::Pending;
use crate::model::passkey::Passkey;
use crate::model::tenant::Tenant;
use crate::model::webauthn::{
    verify_registration, CreationOptions, Expected, RegistrationResponse, RelyingParty, UserEntity,
    UserVerification,
};

/// Bytes of a creation or sign-in challenge.
pub(crate) const CHALLENGE_BYTES: usize = 32;
/// The id in a passkey start answer's `Location` (the real id comes with verify). [doc]
pub const NEW_PASSKEY_ID: &str = "passkey|new";
/// What a ceremony (creation or sign-in) asks of the authenticator about user verification.
/// [inferred]
pub(crate) const USER_VERIFICATION: UserVerification = UserVerification::Preferred;

/// The WebAuthn user handle of a user: stable, derived from the user id, 16 bytes. [inferred]
pub fn user_handle(user_id: &str) -> Vec<u8> {
    Sha256::digest(user_id.as_bytes())[..16].to_vec()
}

/// The host of an origin (`http://localhost:5173` → `localhost`).
fn origin_host(origin: &str) -> Option<&str> {
    let rest = origin.split_once("://")?.1;
    let host = rest.rsplit_once(':').map_or(rest, |(host, _)| host);
    (!host.is_empty()).then_some(host)
}

impl Tenant {
    /// The user's passkeys.
    pub fn passkeys_of(&self, user: usize) -> impl Iterator<Item = (&Authenticator, &Passkey)> {
        self.users[user]
            .authenticators
            .iter()
            .filter_map(|a| match &a.kind {
                AuthenticatorKind::Passkey(passkey) => Some((a, passkey.as_ref())),
                _ => None,
            })
    }

    /// Adds `origin` to every application's Allowed Web Origins: the tenant inside a page
    /// (demo mode) trusts the page it runs in, wherever that is served from.
    pub fn allow_web_origin(&mut self, origin: &str) {
        for client in &mut self.clients {
            if !client.web_origins.iter().any(|o| o == origin) {
                client.web_origins.push(origin.to_owned());
            }
        }
    }

    /// Every Allowed Web Origin of the tenant's applications (where a ceremony may run).
    fn web_origins(&self) -> Vec<String> {
        self.clients
            .iter()
            .flat_map(|c| c.web_origins.iter().cloned())
            .collect()
    }

    /// The relying-party id for a ceremony started from `origin`.
    pub fn relying_party_id(&self, origin: Option<&str>, domain_host: &str) -> String {
        self.my_account.relying_party_id.clone().unwrap_or_else(|| {
            origin
                .and_then(origin_host)
                .unwrap_or_else(|| domain_host.rsplit_once(':').map_or(domain_host, |(h, _)| h))
                .to_owned()
        })
    }

    /// The start of a passkey enrollment: the creation options.
    pub(crate) fn start_passkey(
        &mut self,
        user: usize,
        body: &Map<String, Value>,
        request: &MeRequest<'_>,
    ) -> Result<(Pending, String, Value), Problem> {
        if !self.factors.passkey {
            return Err(Problem::FactorDisabled("passkey".to_owned()));
        }
        if let Some(identity) = optional_text(body, "identity_user_id")? {
            if identity != identity_user_id(&self.users[user]) {
                return Err(Problem::invalid(
                    "identity_user_id",
                    "identity_user_id must be the user's own identity.",
                ));
            }
        }
        let relying_party_id = self.relying_party_id(request.origin, self.host(request.domain));
        let challenge = self.rng.bytes(CHALLENGE_BYTES);
        let account = &self.users[user];
        let user_handle = user_handle(&account.user_id);
        let excluded: Vec<Vec<u8>> = self
            .passkeys_of(user)
            .map(|(_, p)| p.credential_id.clone())
            .collect();
        let options = CreationOptions::new(
            &challenge,
            RelyingParty {
                id: relying_party_id.clone(),
                name: self.name.clone(),
            },
            UserEntity::new(&user_handle, &account.email, &account.name),
            excluded,
            USER_VERIFICATION,
        );
        Ok((
            Pending::Passkey {
                challenge,
                relying_party_id,
                user_handle,
            },
            NEW_PASSKEY_ID.to_owned(),
            json!({ "authn_params_public_key": options }),
        ))
    }

    /// Verify of a passkey enrollment: checks the attestation and stores the credential.
    pub(crate) fn finish_passkey(
        &mut self,
        user: usize,
        pending: &Pending,
        body: &Map<String, Value>,
        request: &MeRequest<'_>,
        now: u64,
    ) -> Result<Value, Problem> {
        let Pending::Passkey {
            challenge,
            relying_party_id,
            user_handle,
        } = pending
        else {
            return Err(Problem::InvalidAuthSession);
        };
        let response: RegistrationResponse = body
            .get("authn_response")
            .cloned()
            .ok_or_else(|| Problem::invalid("authn_response", "authn_response is required."))
            .and_then(|value| {
                serde_json::from_value(value).map_err(|e| {
                    Problem::invalid(
                        "authn_response",
                        format!("authn_response is not a WebAuthn registration: {e}."),
                    )
                })
            })?;
        let origins = self.web_origins();
        let credential = verify_registration(
            &response,
            &Expected {
                challenge,
                allowed_origins: &origins,
                rp_id: relying_party_id,
                require_user_verification: USER_VERIFICATION.is_required(),
            },
        )
        .map_err(|e| Problem::PasskeyRefused(e.to_string()))?;
        let duplicate = self.users.iter().any(|u| {
            u.authenticators.iter().any(|a| {
                matches!(&a.kind, AuthenticatorKind::Passkey(p)
                    if p.credential_id == credential.credential_id)
            })
        });
        if duplicate {
            return Err(Problem::Conflict(
                "This passkey is already registered.".to_owned(),
            ));
        }
        let passkey = Passkey {
            credential_id: credential.credential_id,
            public_key: credential.public_key,
            algorithm: credential.algorithm,
            aaguid: credential.aaguid,
            sign_count: credential.sign_count,
            backup_eligible: credential.backup_eligible,
            backed_up: credential.backed_up,
            transports: credential.transports,
            user_agent: request.user_agent.map(str::to_owned),
            relying_party_id: relying_party_id.clone(),
            user_handle: user_handle.clone(),
        };
        let id = self.new_authenticator_id("passkey");
        let group = self.new_group();
        let authenticator = Authenticator::new(
            id,
            AuthenticatorKind::Passkey(Box::new(passkey)),
            true,
            now,
            group,
        );
        let record = authenticator_record(&self.users[user], &authenticator);
        self.users[user].authenticators.push(authenticator);
        record.ok_or(Problem::InvalidAuthSession)
    }
}
