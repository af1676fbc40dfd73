//! `POST /mfa/challenge`: start an OTP or OOB challenge for an enrolled authenticator (§9).

use serde::Serialize;

use crate::model::authenticator::AuthenticatorKind;
use crate::model::error::Error;
use crate::model::tenant::Tenant;
use crate::model::tokens::AccessClaims;

/// A challenge response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Challenge {
    /// `otp` or `oob`.
    pub challenge_type: &'static str,
    /// The `oob_code` to exchange (oob only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oob_code: Option<String>,
    /// `prompt` for sms/voice/email.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub binding_method: Option<&'static str>,
}

impl Tenant {
    /// Starts a challenge. `challenge_type` is `otp`, `oob` or a space-separated list (both
    /// when absent); `authenticator_id` picks one, otherwise the first active authenticator of
    /// an accepted type is used (OTP preferred). The `mfa_token` is an MFA-audience access token.
    pub fn challenge(
        &mut self,
        client_id: &str,
        mfa_token: &AccessClaims,
        challenge_type: Option<&str>,
        authenticator_id: Option<&str>,
        now: u64,
    ) -> Result<Challenge, Error> {
        let user = self.mfa_token_user(mfa_token, client_id, now)?;
        let types: Vec<&str> =
            challenge_type.map_or(vec!["otp", "oob"], |t| t.split_whitespace().collect());
        let active: Vec<(String, bool)> = self.users[user]
            .authenticators
            .iter()
            .filter(|a| a.active && a.kind.is_mfa_factor())
            .map(|a| {
                (
                    a.id.clone(),
                    matches!(a.kind, AuthenticatorKind::Otp { .. }),
                )
            })
            .collect();
        if active.is_empty() {
            return Err(Error::AssociationRequired);
        }
        let accepts = |is_otp: bool| types.contains(&if is_otp { "otp" } else { "oob" });
        let chosen = match authenticator_id.filter(|id| !id.is_empty()) {
            Some(wanted) => {
                let wanted = wanted.replace("%7C", "|");
                active
                    .into_iter()
                    .find(|(id, is_otp)| *id == wanted && accepts(*is_otp))
            }
            None => active
                .iter()
                .find(|(_, is_otp)| *is_otp && accepts(true))
                .or_else(|| active.iter().find(|(_, is_otp)| !*is_otp && accepts(false)))
                .cloned(),
        };
        let Some((id, is_otp)) = chosen else {
            return Err(Error::UnsupportedChallengeType);
        };
        if is_otp {
            return Ok(Challenge {
                challenge_type: "otp",
                oob_code: None,
                binding_method: None,
            });
        }
        let oob_code = self.send_oob(user, &id, client_id, now)?;
        let push = id.starts_with("push|");
        Ok(Challenge {
            challenge_type: "oob",
            oob_code: Some(oob_code),
            binding_method: (!push).then_some("prompt"),
        })
    }
}
