//! `GET /mfa/authenticators`, `DELETE /mfa/authenticators/{id}` and `/userinfo`.

use crate::model::authenticator::{verified_email_id, AuthenticatorView};
use crate::model::error::Error;
use crate::model::tenant::Tenant;
use crate::model::tokens::{AccessClaims, UserInfo};

impl Tenant {
    /// Lists the bearer's authenticators: recovery code first, then creation order, then
    /// verified emails not enrolled explicitly (when the email factor is on). Pending ones show
    /// `active:false`; those older than 24 h are gone.
    pub fn list_authenticators(
        &mut self,
        claims: &AccessClaims,
        now: u64,
    ) -> Result<Vec<AuthenticatorView>, Error> {
        let user = self.bearer_user(claims, "read:authenticators", now)?;
        self.users[user].sweep_pending(now);
        Ok(self.views(user))
    }

    fn views(&self, user: usize) -> Vec<AuthenticatorView> {
        let user = &self.users[user];
        let mut views = Vec::new();
        if let Some(recovery) = &user.recovery {
            views.push(AuthenticatorView::recovery_code(&recovery.id));
        }
        views.extend(
            user.authenticators
                .iter()
                .filter(|a| a.kind.is_mfa_factor())
                .map(|a| a.view()),
        );
        if let Some((address, id)) = self.implicit_email(user) {
            views.push(AuthenticatorView::verified_email(id, address));
        }
        views
    }

    /// The verified email listed implicitly, if the factor is on and it is not enrolled.
    fn implicit_email<'u>(&self, user: &'u crate::model::user::User) -> Option<(&'u str, String)> {
        let enrolled = user.authenticators.iter().any(|a| {
            matches!(&a.kind, crate::model::authenticator::AuthenticatorKind::Email { address }
                if address.eq_ignore_ascii_case(&user.email))
        });
        (self.factors.email && user.email_verified && !enrolled).then(|| {
            (
                user.email.as_str(),
                verified_email_id(&user.user_id, &user.email),
            )
        })
    }

    /// Deletes an authenticator and its twin. The id may arrive percent-decoded or not. Implicit
    /// verified emails cannot be deleted; deleting the recovery-code entry removes the code.
    pub fn delete_authenticator(
        &mut self,
        claims: &AccessClaims,
        id: &str,
        now: u64,
    ) -> Result<(), Error> {
        let user = self.bearer_user(claims, "remove:authenticators", now)?;
        self.users[user].sweep_pending(now);
        let id = id.replace("%7C", "|").replace("%7c", "|");
        if self
            .implicit_email(&self.users[user])
            .is_some_and(|(_, implicit)| implicit == id)
        {
            return Err(Error::VerifiedEmailNotDeletable);
        }
        let user = &mut self.users[user];
        if user.recovery.as_ref().is_some_and(|r| r.id == id) {
            user.recovery = None;
            return Ok(());
        }
        let group = user
            .authenticator(&id)
            .filter(|a| a.kind.is_mfa_factor())
            .map(|a| a.group)
            .ok_or(Error::AuthenticatorNotFound)?;
        user.remove_group(group);
        Ok(())
    }

    /// The `/userinfo` claims for any unexpired token whose audiences include a userinfo URL.
    pub fn userinfo(&self, claims: &AccessClaims, now: u64) -> Option<UserInfo> {
        use crate::model::tenant::Domain;
        let audience_ok = [Domain::Canonical, Domain::Custom]
            .iter()
            .any(|d| claims.aud.contains(&self.userinfo_url(*d)));
        if !audience_ok || now >= claims.exp {
            return None;
        }
        let user = self.user(&claims.sub)?;
        Some(UserInfo {
            sub: user.user_id.clone(),
            name: user.name.clone(),
            nickname: nickname(&user.email),
            email: user.email.clone(),
            email_verified: user.email_verified,
        })
    }
}

/// The local part of an email, Auth0's default nickname.
pub(crate) fn nickname(email: &str) -> String {
    email.split('@').next().unwrap_or(email).to_owned()
}
