//! The tenant: clients, APIs, users and the short-lived state (codes, sessions, OOB
//! transactions, outbox). Its rules are spread over one file per concept (`seed`, `authorize`,
//! `grants`, `enrollment`, `challenge`, `oob`, `manage`), each adding an `impl Tenant` block
//! and depending on this file, never the reverse.

use std::collections::BTreeMap;

use crate::model::api::{Api, Audience};
use crate::model::client::Client;
use crate::model::codes::AuthorizationCode;
use crate::model::error::Error;
use crate::model::limits::AUTHENTICATOR_ID_LENGTH;
use crate::model::mfa_settings::{FactorSwitches, MfaPolicy};
use crate::model::my_account::state::MyAccountState;
use crate::model::oob_transaction::OobTransaction;
use crate::model::outbox::OutboxMessage;
use crate::model::rng::TenantRng;
use crate::model::session::{LoginTransaction, Session};
use crate::model::tokens::AccessClaims;
use crate::model::user::User;

/// The host names of the tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domains {
    /// `http` for the local emulator.
    pub scheme: String,
    /// The canonical tenant host (`127.0.0.1:PORT`): the MFA audience always uses it.
    pub canonical: String,
    /// The custom-domain host (`localhost:PORT`), if any.
    pub custom: Option<String>,
}

impl Domains {
    /// `http://{canonical}` with `localhost:{port}` as the custom domain.
    pub fn local(canonical: &str) -> Self {
        let custom = canonical
            .rsplit_once(':')
            .map(|(_, port)| format!("localhost:{port}"))
            .filter(|custom| custom != canonical);
        Self {
            scheme: "http".to_owned(),
            canonical: canonical.to_owned(),
            custom,
        }
    }
}

/// Which of the tenant's hosts a request was sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// The canonical tenant domain.
    Canonical,
    /// The custom domain.
    Custom,
}

/// A whole tenant. No IO: every call takes `now` (unix seconds); randomness comes from a
/// generator seeded at construction.
#[derive(Debug, Clone)]
pub struct Tenant {
    pub(crate) name: String,
    pub(crate) domains: Domains,
    pub(crate) factors: FactorSwitches,
    pub(crate) mfa_policy: MfaPolicy,
    pub(crate) clients: Vec<Client>,
    pub(crate) apis: Vec<Api>,
    pub(crate) users: Vec<User>,
    pub(crate) codes: BTreeMap<String, AuthorizationCode>,
    pub(crate) oob: Vec<OobTransaction>,
    pub(crate) outbox: Vec<OutboxMessage>,
    pub(crate) sessions: BTreeMap<String, Session>,
    pub(crate) transactions: BTreeMap<String, LoginTransaction>,
    pub(crate) rng: TenantRng,
    pub(crate) next_group: u64,
    pub(crate) my_account: MyAccountState,
}

impl Tenant {
    /// The tenant name (login page, `otpauth://` labels).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The host names.
    pub fn domains(&self) -> &Domains {
        &self.domains
    }

    /// The domain a `Host` header names: the custom host, or else the canonical one.
    pub fn domain_of_host(&self, host: Option<&str>) -> Domain {
        match (host, &self.domains.custom) {
            (Some(host), Some(custom)) if host.eq_ignore_ascii_case(custom) => Domain::Custom,
            _ => Domain::Canonical,
        }
    }

    /// The host of `domain`.
    pub fn host(&self, domain: Domain) -> &str {
        match (domain, &self.domains.custom) {
            (Domain::Custom, Some(custom)) => custom,
            _ => &self.domains.canonical,
        }
    }

    /// `{scheme}://{host}/`: the issuer follows the host used.
    pub fn issuer(&self, domain: Domain) -> String {
        format!("{}://{}/", self.domains.scheme, self.host(domain))
    }

    /// `{scheme}://{host}/userinfo`.
    pub fn userinfo_url(&self, domain: Domain) -> String {
        format!("{}://{}/userinfo", self.domains.scheme, self.host(domain))
    }

    /// The MFA API audience: always on the canonical domain, whatever host is used.
    pub fn mfa_audience(&self) -> String {
        format!("{}://{}/mfa/", self.domains.scheme, self.domains.canonical)
    }

    /// Resolves an `audience` parameter; unknown ones (including the MFA path on the custom
    /// domain) are `Err(audience)`.
    pub fn resolve_audience(&self, audience: Option<&str>) -> Result<Audience, String> {
        let Some(audience) = audience.filter(|a| !a.is_empty()) else {
            return Ok(Audience::None);
        };
        if audience == self.mfa_audience() {
            return Ok(Audience::Mfa(audience.to_owned()));
        }
        if self.my_account.active && self.is_my_account_audience(audience) {
            return Ok(Audience::MyAccount(audience.to_owned()));
        }
        self.apis
            .iter()
            .find(|api| api.identifier == audience)
            .map(|api| Audience::Api(api.clone()))
            .ok_or_else(|| audience.to_owned())
    }

    /// The client with `client_id`.
    pub fn client(&self, client_id: &str) -> Option<&Client> {
        self.clients.iter().find(|c| c.client_id == client_id)
    }

    /// Whether any client allows `origin` (CORS preflights do not name a client).
    pub fn is_allowed_origin(&self, origin: &str) -> bool {
        self.clients.iter().any(|c| c.allows_web_origin(origin))
    }

    /// The user with `user_id`.
    pub fn user(&self, user_id: &str) -> Option<&User> {
        self.users.iter().find(|u| u.user_id == user_id)
    }

    pub(crate) fn user_index(&self, user_id: &str) -> Option<usize> {
        self.users.iter().position(|u| u.user_id == user_id)
    }

    pub(crate) fn user_index_by_email(&self, email: &str) -> Option<usize> {
        self.users
            .iter()
            .position(|u| u.email.eq_ignore_ascii_case(email.trim()))
    }

    pub(crate) fn new_group(&mut self) -> u64 {
        let group = self.next_group;
        self.next_group += 1;
        group
    }

    /// A fresh `<prefix>|dev_<16 alphanumerics>` id.
    pub(crate) fn new_authenticator_id(&mut self, prefix: &str) -> String {
        format!(
            "{prefix}|dev_{}",
            self.rng.alphanumeric(AUTHENTICATOR_ID_LENGTH)
        )
    }

    /// Validates a bearer for `/mfa/*`: audience, expiry, user, then scope. Any token failure is
    /// [`Error::InvalidBearer`]; a missing scope is [`Error::InsufficientScope`].
    pub fn bearer_user(
        &self,
        claims: &AccessClaims,
        scope: &'static str,
        now: u64,
    ) -> Result<usize, Error> {
        let index = self.claims_user(claims, now).ok_or(Error::InvalidBearer)?;
        if !crate::model::api::has_scope(&claims.scope, scope) {
            return Err(Error::InsufficientScope(scope));
        }
        Ok(index)
    }

    /// Validates an `mfa_token` (an MFA-audience access token) presented by `client_id`.
    pub fn mfa_token_user(
        &self,
        claims: &AccessClaims,
        client_id: &str,
        now: u64,
    ) -> Result<usize, Error> {
        if !claims.aud.contains(&self.mfa_audience()) {
            return Err(Error::MfaTokenInvalidAudience);
        }
        if claims.azp != client_id {
            return Err(Error::MfaTokenOtherClient);
        }
        if now >= claims.exp {
            return Err(Error::MfaTokenExpired);
        }
        self.user_index(&claims.sub).ok_or(Error::MalformedMfaToken)
    }

    fn claims_user(&self, claims: &AccessClaims, now: u64) -> Option<usize> {
        (claims.aud.contains(&self.mfa_audience()) && now < claims.exp)
            .then(|| self.user_index(&claims.sub))
            .flatten()
    }

    /// Forgets every SSO session (tests of `login_required` fallbacks).
    pub fn clear_sessions(&mut self) {
        self.sessions.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::seed::{default_tenant, ENROLLED_USER_ID};

    #[test]
    fn custom_domain_keeps_the_canonical_mfa_audience() {
        let tenant = default_tenant(&[], Domains::local("127.0.0.1:4000"), 1, 0);
        assert_eq!(
            tenant.domain_of_host(Some("localhost:4000")),
            Domain::Custom
        );
        assert_eq!(
            tenant.domain_of_host(Some("127.0.0.1:4000")),
            Domain::Canonical
        );
        assert_eq!(tenant.domain_of_host(None), Domain::Canonical);
        assert_eq!(tenant.issuer(Domain::Custom), "http://localhost:4000/");
        assert_eq!(tenant.issuer(Domain::Canonical), "http://127.0.0.1:4000/");
        assert_eq!(tenant.mfa_audience(), "http://127.0.0.1:4000/mfa/");
        assert!(matches!(
            tenant.resolve_audience(Some("http://127.0.0.1:4000/mfa/")),
            Ok(Audience::Mfa(_))
        ));
        assert_eq!(
            tenant.resolve_audience(Some("http://localhost:4000/mfa/")),
            Err("http://localhost:4000/mfa/".to_owned())
        );
        assert_eq!(
            tenant.resolve_audience(Some("http://127.0.0.1:4000/mfa")),
            Err("http://127.0.0.1:4000/mfa".to_owned())
        );
    }

    #[test]
    fn seeded_twins_share_a_group() {
        let tenant = default_tenant(&[], Domains::local("127.0.0.1:4000"), 1, 0);
        let user = tenant.user(ENROLLED_USER_ID).unwrap();
        let sms = user.authenticator("sms|dev_SeededPhoneTwins").unwrap();
        let voice = user.authenticator("voice|dev_SeededPhoneTwins").unwrap();
        assert_eq!(sms.group, voice.group);
        let otp = user.authenticator("totp|dev_SeededTotpActive").unwrap();
        assert_ne!(otp.group, sms.group);
    }
}
