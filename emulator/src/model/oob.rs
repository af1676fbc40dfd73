//! Out-of-band transactions: sending SMS/voice/email codes (6 digits, 5 min, single use) and
//! push requests answered from the test harness, and checking what comes back.

use crate::model::authenticator::AuthenticatorKind;
use crate::model::error::Error;
use crate::model::limits::{OOB_CODE_SECONDS, PUSH_POLL_MIN_SECONDS};
use crate::model::oob_transaction::OobTransaction;
use crate::model::outbox::{Channel, DeliveryStatus, OutboxMessage, PushAnswerError};
use crate::model::tenant::Tenant;

impl Tenant {
    /// Sends a code (or a push request) to one of the user's authenticators and opens an OOB
    /// transaction. Applies the per-user send limits.
    pub(crate) fn send_oob(
        &mut self,
        user: usize,
        authenticator_id: &str,
        client_id: &str,
        now: u64,
    ) -> Result<String, Error> {
        let Some(authenticator) = self.users[user].authenticator(authenticator_id).cloned() else {
            return Err(Error::AuthenticatorNotFound);
        };
        let (channel, to) = match &authenticator.kind {
            AuthenticatorKind::Sms { phone } => (Channel::Sms, Some(phone.clone())),
            AuthenticatorKind::Voice { phone } => (Channel::Voice, Some(phone.clone())),
            AuthenticatorKind::Email { address } => (Channel::Email, Some(address.clone())),
            AuthenticatorKind::Push { .. } => (Channel::Push, None),
            AuthenticatorKind::Otp { .. } | AuthenticatorKind::Passkey(_) => {
                return Err(Error::UnsupportedChallengeType)
            }
        };
        let limits = &mut self.users[user].limits;
        let bucket = match channel {
            Channel::Sms | Channel::Voice => &mut limits.phone_sends,
            Channel::Email => &mut limits.email_sends,
            Channel::Push => &mut limits.push_sends,
        };
        bucket.take(now).map_err(Error::RateLimited)?;
        let binding_code = (channel != Channel::Push).then(|| self.rng.digits(6));
        let oob_code = format!(
            "Fe26.2*SERVER_{now}*{}*{}",
            self.rng.alphanumeric(64),
            self.rng.alphanumeric(43)
        );
        let outbox_id = self.outbox.last().map_or(1, |m| m.id + 1);
        self.outbox.push(OutboxMessage {
            id: outbox_id,
            channel,
            to,
            code: binding_code.clone(),
            authenticator_id: authenticator_id.to_owned(),
            status: if channel == Channel::Push {
                DeliveryStatus::Pending
            } else {
                DeliveryStatus::Sent
            },
            sent_at: now,
        });
        self.oob.push(OobTransaction {
            oob_code: oob_code.clone(),
            user_id: self.users[user].user_id.clone(),
            client_id: client_id.to_owned(),
            authenticator_id: authenticator_id.to_owned(),
            group: authenticator.group,
            binding_code,
            outbox_id,
            expires_at: now.saturating_add(OOB_CODE_SECONDS),
            last_poll: None,
        });
        Ok(oob_code)
    }

    /// Checks an `oob_code` (+ `binding_code`) for `user`. Consumes the transaction when it is
    /// settled (verified, rejected or expired); a wrong binding code keeps it for a retry.
    /// `Ok` means the code (or the push approval) is good.
    pub(crate) fn verify_oob(
        &mut self,
        user: usize,
        oob_code: &str,
        binding_code: Option<&str>,
        now: u64,
    ) -> Result<(), Error> {
        let Some(index) = self.oob.iter().position(|t| t.oob_code == oob_code) else {
            return Err(Error::InvalidOobCode);
        };
        if self.oob[index].user_id != self.users[user].user_id {
            return Err(Error::OobCodeMismatch);
        }
        if now >= self.oob[index].expires_at {
            self.oob.remove(index);
            return Err(Error::OobCodeExpired);
        }
        match self.oob[index].binding_code.clone() {
            None => self.poll_push(index, now),
            Some(expected) => {
                let Some(given) = binding_code.filter(|c| !c.is_empty()) else {
                    return Err(Error::MissingParameter("binding_code".to_owned()));
                };
                let limits = &mut self.users[user].limits;
                limits
                    .failed_codes
                    .check(now)
                    .map_err(Error::TooManyAttempts)?;
                if !crate::model::totp::constant_time_eq(
                    given.trim().as_bytes(),
                    expected.as_bytes(),
                ) {
                    // The failure consumes a token; the transaction stays for a retry.
                    let _ = limits.failed_codes.take(now);
                    return Err(Error::InvalidBindingCode);
                }
                let transaction = self.oob.remove(index);
                self.users[user].mark_used(&transaction.authenticator_id, now);
                self.activate(user, transaction.group);
                Ok(())
            }
        }
    }

    fn poll_push(&mut self, index: usize, now: u64) -> Result<(), Error> {
        let transaction = &mut self.oob[index];
        if transaction
            .last_poll
            .is_some_and(|last| now.saturating_sub(last) < PUSH_POLL_MIN_SECONDS)
        {
            transaction.last_poll = Some(now);
            return Err(Error::SlowDown);
        }
        transaction.last_poll = Some(now);
        let outbox_id = transaction.outbox_id;
        let status = self
            .outbox
            .iter()
            .find(|m| m.id == outbox_id)
            .map_or(DeliveryStatus::Rejected, |m| m.status);
        match status {
            DeliveryStatus::Pending | DeliveryStatus::Sent => Err(Error::AuthorizationPending),
            DeliveryStatus::Rejected => {
                self.oob.remove(index);
                Err(Error::MfaRejected)
            }
            DeliveryStatus::Approved => {
                let transaction = self.oob.remove(index);
                if let Some(user) = self.user_index(&transaction.user_id) {
                    self.users[user].mark_used(&transaction.authenticator_id, now);
                }
                Ok(())
            }
        }
    }

    /// Activates an enrollment group of `user` (twins together; first recovery code kept).
    pub(crate) fn activate(&mut self, user: usize, group: u64) {
        let recovery_id = self.new_authenticator_id("recovery-code");
        self.users[user].activate_group(group, || recovery_id);
    }

    /// Everything sent so far, oldest first.
    pub fn outbox(&self) -> &[OutboxMessage] {
        &self.outbox
    }

    /// Approves (`true`) or rejects a pending push request from the test harness. Approving an
    /// enrollment activates it at once, as the Guardian app would.
    pub fn answer_push(&mut self, outbox_id: u64, approve: bool) -> Result<(), PushAnswerError> {
        let message = self
            .outbox
            .iter_mut()
            .find(|m| m.id == outbox_id)
            .ok_or(PushAnswerError::NotFound)?;
        if !message.awaits_answer() {
            return Err(PushAnswerError::NotPending);
        }
        message.status = if approve {
            DeliveryStatus::Approved
        } else {
            DeliveryStatus::Rejected
        };
        if approve {
            let target = self
                .oob
                .iter()
                .find(|t| t.outbox_id == outbox_id)
                .map(|t| (t.user_id.clone(), t.group));
            if let Some((user_id, group)) = target {
                if let Some(user) = self.user_index(&user_id) {
                    self.activate(user, group);
                }
            }
        }
        Ok(())
    }
}
