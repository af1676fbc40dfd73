//! `POST /oauth/token`: client checks, the authorization-code grant and the three MFA grants.

use crate::model::api::{has_scope, Audience};
use crate::model::authenticator::{Authenticator, AuthenticatorKind};
use crate::model::client::GrantType;
use crate::model::error::Error;
use crate::model::limits::ID_TOKEN_SECONDS;
use crate::model::manage::nickname;
use crate::model::pkce::verify_s256;
use crate::model::recovery::{self, RecoveryCode};
use crate::model::tenant::{Domain, Tenant};
use crate::model::tokens::{AccessClaims, Audiences, IdClaims, TokenSet};
use crate::model::totp;

/// Everything an authorization code or an MFA token grants, before issuing.
struct Grant<'a> {
    user: usize,
    client_id: &'a str,
    audience: Audience,
    scope: String,
    nonce: Option<String>,
    auth_time: u64,
}

impl Tenant {
    /// Checks the client, the browser origin and the grant type of a token request, in that
    /// order. A present `Origin` must be an Allowed Web Origin of the client.
    pub fn token_client(
        &self,
        client_id: Option<&str>,
        origin: Option<&str>,
        grant_type: Option<&str>,
    ) -> Result<GrantType, Error> {
        let client_id = required(client_id, "client_id")?;
        let client = self.client(client_id).ok_or(Error::UnknownClient)?;
        if origin.is_some_and(|o| !client.allows_web_origin(o)) {
            return Err(Error::OriginNotAllowed);
        }
        let name = required(grant_type, "grant_type")?;
        let grant = GrantType::parse(name).ok_or(Error::UnsupportedGrantType)?;
        if !client.allows_grant(grant) {
            return Err(Error::GrantNotAllowed(name.to_owned()));
        }
        Ok(grant)
    }

    /// `authorization_code` with PKCE. The code is consumed by any attempt.
    pub fn exchange_code(
        &mut self,
        client_id: &str,
        code: Option<&str>,
        code_verifier: Option<&str>,
        redirect_uri: Option<&str>,
        domain: Domain,
        now: u64,
    ) -> Result<TokenSet, Error> {
        let code = required(code, "code")?;
        let verifier = required(code_verifier, "code_verifier")?;
        let stored = self
            .codes
            .remove(code)
            .ok_or(Error::InvalidAuthorizationCode)?;
        if now >= stored.expires_at || stored.client_id != client_id {
            return Err(Error::InvalidAuthorizationCode);
        }
        if redirect_uri.is_some_and(|uri| uri != stored.redirect_uri) {
            return Err(Error::RedirectUriMismatch);
        }
        if !verify_s256(verifier, &stored.code_challenge) {
            return Err(Error::CodeVerifierMismatch);
        }
        let user = self
            .user_index(&stored.user_id)
            .ok_or(Error::InvalidAuthorizationCode)?;
        Ok(self.issue(
            Grant {
                user,
                client_id,
                audience: stored.audience,
                scope: stored.scope,
                nonce: stored.nonce,
                auth_time: stored.auth_time,
            },
            domain,
            now,
        ))
    }

    /// Tokens for a user without the login pages: a trusted in-process shortcut for demo mode
    /// and tests (no HTTP endpoint reaches it). `None` for an unknown email, client or audience.
    pub fn issue_tokens_for(
        &self,
        email: &str,
        client_id: &str,
        audience: Option<&str>,
        scope: &str,
        domain: Domain,
        now: u64,
    ) -> Option<TokenSet> {
        let user = self.user_index_by_email(email)?;
        self.client(client_id)?;
        let audience = self.resolve_audience(audience).ok()?;
        let scope = audience.grant_scope(scope);
        Some(self.issue(
            Grant {
                user,
                client_id,
                audience,
                scope,
                nonce: None,
                auth_time: now,
            },
            domain,
            now,
        ))
    }

    /// `http://auth0.com/oauth/grant-type/mfa-otp`: confirms a pending TOTP enrollment or
    /// answers an OTP challenge.
    pub fn exchange_otp(
        &mut self,
        client_id: &str,
        mfa_token: &AccessClaims,
        otp: Option<&str>,
        domain: Domain,
        now: u64,
    ) -> Result<TokenSet, Error> {
        let otp = required(otp, "otp")?;
        let user = self.mfa_token_user(mfa_token, client_id, now)?;
        self.verify_totp(user, otp, now, true)?;
        Ok(self.reissue(user, client_id, mfa_token, domain, now))
    }

    /// `http://auth0.com/oauth/grant-type/mfa-oob`: SMS/voice/email code or push approval.
    pub fn exchange_oob(
        &mut self,
        client_id: &str,
        mfa_token: &AccessClaims,
        oob_code: Option<&str>,
        binding_code: Option<&str>,
        domain: Domain,
        now: u64,
    ) -> Result<TokenSet, Error> {
        let oob_code = required(oob_code, "oob_code")?;
        let user = self.mfa_token_user(mfa_token, client_id, now)?;
        self.verify_oob(user, oob_code, binding_code, now)?;
        Ok(self.reissue(user, client_id, mfa_token, domain, now))
    }

    /// `http://auth0.com/oauth/grant-type/mfa-recovery-code`: consumes the code and returns a
    /// new one.
    pub fn exchange_recovery_code(
        &mut self,
        client_id: &str,
        mfa_token: &AccessClaims,
        recovery_code: Option<&str>,
        domain: Domain,
        now: u64,
    ) -> Result<TokenSet, Error> {
        let code = required(recovery_code, "recovery_code")?;
        let user = self.mfa_token_user(mfa_token, client_id, now)?;
        let new_code = self.use_recovery_code(user, code, now)?;
        let mut tokens = self.reissue(user, client_id, mfa_token, domain, now);
        tokens.recovery_code = Some(new_code);
        Ok(tokens)
    }

    /// Checks a TOTP against the user's authenticator apps (pending ones first, newest first,
    /// then active ones), with the failed-code limit. A match confirms a pending enrollment.
    /// The login prompt passes `include_pending: false`: only active apps count there.
    pub(crate) fn verify_totp(
        &mut self,
        user: usize,
        otp: &str,
        now: u64,
        include_pending: bool,
    ) -> Result<(), Error> {
        self.verify_totp_where(user, otp, now, |a| {
            matches!(a.kind, AuthenticatorKind::Otp { guardian, .. }
                if a.active || (include_pending && !guardian))
        })
    }

    /// Checks a TOTP against the authenticator app of one enrollment `group` only (the My
    /// Account API's verify), with the failed-code limit; a match confirms it.
    pub(crate) fn verify_pending_totp(
        &mut self,
        user: usize,
        group: u64,
        otp: &str,
        now: u64,
    ) -> Result<(), Error> {
        self.verify_totp_where(user, otp, now, |a| {
            a.group == group && matches!(a.kind, AuthenticatorKind::Otp { .. })
        })
    }

    fn verify_totp_where(
        &mut self,
        user: usize,
        otp: &str,
        now: u64,
        candidate: impl Fn(&Authenticator) -> bool,
    ) -> Result<(), Error> {
        let account = &mut self.users[user];
        account
            .limits
            .failed_codes
            .check(now)
            .map_err(Error::TooManyAttempts)?;
        let mut candidates: Vec<usize> = (0..account.authenticators.len())
            .filter(|&i| candidate(&account.authenticators[i]))
            .collect();
        candidates.sort_by_key(|&i| (account.authenticators[i].active, std::cmp::Reverse(i)));
        let matched = candidates.into_iter().find_map(|i| {
            let a = &account.authenticators[i];
            let AuthenticatorKind::Otp { secret, .. } = &a.kind else {
                return None;
            };
            totp::verify(secret, otp, now, a.last_totp_step).map(|step| (i, step))
        });
        let Some((index, step)) = matched else {
            // Consumes one token; the error is the same whether or not this emptied the bucket.
            let _ = account.limits.failed_codes.take(now);
            return Err(Error::InvalidOtp);
        };
        let authenticator = &mut account.authenticators[index];
        authenticator.last_totp_step = Some(step);
        if authenticator.active {
            authenticator.last_auth_at = Some(now);
        } else {
            let group = authenticator.group;
            self.activate(user, group);
        }
        Ok(())
    }

    /// Checks and rotates the user's recovery code, with the failed-recovery limit. Returns the
    /// new code.
    pub(crate) fn use_recovery_code(
        &mut self,
        user: usize,
        code: &str,
        now: u64,
    ) -> Result<String, Error> {
        let account = &mut self.users[user];
        account
            .limits
            .failed_recovery
            .check(now)
            .map_err(Error::TooManyAttempts)?;
        let Some(current) = account.recovery.as_ref().filter(|r| r.matches(code)) else {
            let _ = account.limits.failed_recovery.take(now);
            return Err(Error::MfaRejected);
        };
        let (id, created_at) = (current.id.clone(), current.created_at);
        let new_code = recovery::generate(&mut self.rng);
        self.users[user].recovery = Some(RecoveryCode {
            id,
            code: new_code.clone(),
            created_at,
            last_auth_at: Some(now),
        });
        Ok(new_code)
    }

    /// Tokens for an MFA grant: the same audience and scope as the presented token. [inferred]
    fn reissue(
        &self,
        user: usize,
        client_id: &str,
        mfa_token: &AccessClaims,
        domain: Domain,
        now: u64,
    ) -> TokenSet {
        self.issue(
            Grant {
                user,
                client_id,
                audience: Audience::Mfa(self.mfa_audience()),
                scope: mfa_token.scope.clone(),
                nonce: None,
                auth_time: now,
            },
            domain,
            now,
        )
    }

    fn issue(&self, grant: Grant<'_>, domain: Domain, now: u64) -> TokenSet {
        let user = &self.users[grant.user];
        let iss = self.issuer(domain);
        let openid = has_scope(&grant.scope, "openid");
        let mut aud: Vec<String> = grant
            .audience
            .identifier()
            .map(str::to_owned)
            .into_iter()
            .collect();
        if openid || aud.is_empty() {
            aud.push(self.userinfo_url(domain));
        }
        let expires_in = grant.audience.token_lifetime();
        let id = openid.then(|| {
            let profile = has_scope(&grant.scope, "profile");
            let email = has_scope(&grant.scope, "email");
            IdClaims {
                iss: iss.clone(),
                sub: user.user_id.clone(),
                aud: grant.client_id.to_owned(),
                azp: grant.client_id.to_owned(),
                iat: now,
                exp: now.saturating_add(ID_TOKEN_SECONDS),
                nonce: grant.nonce.clone(),
                auth_time: grant.auth_time,
                name: profile.then(|| user.name.clone()),
                nickname: profile.then(|| nickname(&user.email)),
                email: email.then(|| user.email.clone()),
                email_verified: email.then_some(user.email_verified),
            }
        });
        TokenSet {
            access: AccessClaims {
                iss,
                sub: user.user_id.clone(),
                aud: Audiences(aud),
                iat: now,
                exp: now.saturating_add(expires_in),
                azp: grant.client_id.to_owned(),
                scope: grant.scope.clone(),
            },
            id,
            expires_in,
            scope: grant.scope,
            recovery_code: None,
        }
    }
}

/// A present, non-empty parameter, or `Missing required parameter: {name}`.
pub fn required<'a>(value: Option<&'a str>, name: &str) -> Result<&'a str, Error> {
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| Error::MissingParameter(name.to_owned()))
}
