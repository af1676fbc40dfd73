//! Signing in with a passkey at the login page (WebAuthn get): the request options the page's
//! button asks for, and the check of the browser's answer. A passkey is a phishing-resistant
//! sign-in that satisfies MFA on its own, so a verified answer finishes the login without a
//! second-factor prompt.
//!
//! The ceremony runs on the login page itself, so the only origin allowed is the tenant host the
//! page was served from; the relying-party id is the seed's `passkey_relying_party_id`, else that
//! host without its port (`localhost` on the custom domain). Any passkey of any user may answer
//! (discoverable credentials): the credential id names the user.

use crate::model::authenticator::AuthenticatorKind;
use crate::model::authorize::{ErrorPage, Progress, Step};
use crate::model::my_account::passkey_enroll::{CHALLENGE_BYTES, USER_VERIFICATION};
use crate::model::tenant::{Domain, Tenant};
use crate::model::texts;
use crate::model::webauthn::{
    verify_assertion, AssertionResponse, AssertionResult, Expected, RequestOptions,
    StoredCredential,
};

#[cfg(all(
    test,
    feature = "software-authenticator",
    feature = "webauthn-signatures"
))]
mod tests;

/// A verified answer: which user's which authenticator signed, and what to store.
struct VerifiedPasskey {
    user: usize,
    authenticator: usize,
    result: AssertionResult,
}

impl Tenant {
    /// The request options for "Sign in with a passkey" on the login page of `transaction`,
    /// served on `domain`. A fresh challenge replaces any earlier one of the transaction.
    pub fn passkey_options(
        &mut self,
        transaction: &str,
        domain: Domain,
        now: u64,
    ) -> Result<RequestOptions, ErrorPage> {
        self.transaction(transaction, now)?;
        if !self.factors.passkey {
            return Err(ErrorPage::new(
                400,
                format!("invalid_request: {}", texts::PASSKEYS_DISABLED),
            ));
        }
        let relying_party_id = self.relying_party_id(None, self.host(domain));
        let challenge = self.rng.bytes(CHALLENGE_BYTES);
        let options = RequestOptions::new(
            &challenge,
            &relying_party_id,
            std::iter::empty::<&[u8]>(),
            USER_VERIFICATION,
        );
        if let Some(stored) = self.transactions.get_mut(transaction) {
            stored.passkey_challenge = Some(challenge);
        }
        Ok(options)
    }

    /// The browser's answer to [`passkey_options`](Self::passkey_options), posted to the login
    /// page on `domain`. Verified: the passkey's counter and `last_auth_at` are updated and the
    /// login continues as after a password and a second factor. Refused: the login page again
    /// with the reason; the transaction stays, and the next try needs new options.
    pub fn submit_passkey(
        &mut self,
        transaction: &str,
        assertion: &AssertionResponse,
        domain: Domain,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        self.answer_passkey(transaction, Some(assertion), domain, now)
    }

    /// [`submit_passkey`](Self::submit_passkey) with the credential as the page posts it: the
    /// JSON of `PublicKeyCredential.toJSON()`. JSON of another shape is a refused answer.
    pub fn submit_passkey_json(
        &mut self,
        transaction: &str,
        credential: &str,
        domain: Domain,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        let assertion = serde_json::from_str::<AssertionResponse>(credential).ok();
        self.answer_passkey(transaction, assertion.as_ref(), domain, now)
    }

    fn answer_passkey(
        &mut self,
        transaction: &str,
        assertion: Option<&AssertionResponse>,
        domain: Domain,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        let tx = self.transaction(transaction, now)?;
        // A challenge is good for one answer, whatever its outcome.
        let challenge = self
            .transactions
            .get_mut(transaction)
            .and_then(|stored| stored.passkey_challenge.take());
        let verified = challenge
            .ok_or_else(|| texts::PASSKEY_NOT_STARTED.to_owned())
            .and_then(|challenge| {
                let assertion = assertion.ok_or_else(|| texts::PASSKEY_MALFORMED.to_owned())?;
                self.verify_passkey(&challenge, assertion, domain)
            });
        match verified {
            Ok(verified) => {
                self.record_passkey_use(&verified, now);
                Ok(self.sign_in(transaction, &tx.request, verified.user, true, now))
            }
            Err(reason) => Ok(Step::Login {
                transaction: transaction.to_owned(),
                client_name: tx.request.client_name,
                login_hint: tx.request.login_hint,
                passkey: self.factors.passkey,
                error: Some(texts::passkey_refused(&reason).into()),
            }
            .into()),
        }
    }

    /// Finds the active passkey that signed and checks the assertion against it; the error is
    /// the reason shown on the login page.
    fn verify_passkey(
        &self,
        challenge: &[u8],
        assertion: &AssertionResponse,
        domain: Domain,
    ) -> Result<VerifiedPasskey, String> {
        if !self.factors.passkey {
            return Err(texts::PASSKEYS_DISABLED.to_owned());
        }
        let credential_id = assertion.credential_id().map_err(|e| e.to_string())?;
        let (user, authenticator, passkey) = self
            .users
            .iter()
            .enumerate()
            .flat_map(|(user, account)| {
                account
                    .authenticators
                    .iter()
                    .enumerate()
                    .filter(|(_, a)| a.active)
                    .filter_map(move |(index, a)| match &a.kind {
                        AuthenticatorKind::Passkey(passkey) => Some((user, index, passkey)),
                        _ => None,
                    })
            })
            .find(|(_, _, passkey)| passkey.credential_id == credential_id)
            .ok_or_else(|| texts::PASSKEY_UNKNOWN.to_owned())?;
        let login_page = [format!("{}://{}", self.domains.scheme, self.host(domain))];
        let result = verify_assertion(
            assertion,
            &Expected {
                challenge,
                allowed_origins: &login_page,
                rp_id: &passkey.relying_party_id,
                require_user_verification: USER_VERIFICATION.is_required(),
            },
            &StoredCredential {
                credential_id: &passkey.credential_id,
                public_key: &passkey.public_key,
                sign_count: passkey.sign_count,
            },
        )
        .map_err(|e| e.to_string())?;
        if result
            .user_handle
            .as_ref()
            .is_some_and(|handle| *handle != passkey.user_handle)
        {
            return Err(texts::PASSKEY_OTHER_USER.to_owned());
        }
        Ok(VerifiedPasskey {
            user,
            authenticator,
            result,
        })
    }

    /// Stores the new counter and backup state, and `last_auth_at`.
    fn record_passkey_use(&mut self, verified: &VerifiedPasskey, now: u64) {
        let authenticator = &mut self.users[verified.user].authenticators[verified.authenticator];
        if let AuthenticatorKind::Passkey(passkey) = &mut authenticator.kind {
            passkey.sign_count = verified.result.sign_count;
            passkey.backed_up = verified.result.backed_up;
        }
        authenticator.last_auth_at = Some(now);
    }
}
