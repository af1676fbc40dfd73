//! Authenticator data: the bytes an authenticator signs. RP id hash, flags, signature counter
//! and, at registration, the attested credential (AAGUID, credential id, COSE public key),
//! followed by optional extension outputs.

use sha2::{Digest, Sha256};

use super::cbor;
use super::error::WebAuthnError;
use super::expected::Expected;

/// User present: the authenticator saw a touch or similar.
pub(crate) const USER_PRESENT: u8 = 0x01;
/// User verified: PIN, biometrics or similar.
pub(crate) const USER_VERIFIED: u8 = 0x04;
/// Backup eligible: the credential may be synced (a multi-device passkey).
pub(crate) const BACKUP_ELIGIBLE: u8 = 0x08;
/// Backed up: the credential is synced now.
pub(crate) const BACKED_UP: u8 = 0x10;
/// Attested credential data follows the counter.
pub(crate) const ATTESTED_CREDENTIAL: u8 = 0x40;
/// Extension outputs (a CBOR map) end the data.
const EXTENSION_DATA: u8 = 0x80;

/// RP id hash (32) + flags (1) + counter (4).
const FIXED_PART: usize = 37;
/// AAGUID (16) + credential id length (2).
const ATTESTED_HEADER: usize = 18;

/// The credential an authenticator created, as its authenticator data carries it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttestedCredential<'a> {
    /// The authenticator model.
    pub(crate) aaguid: [u8; 16],
    /// The credential id.
    pub(crate) credential_id: &'a [u8],
    /// The COSE_Key bytes, exactly as sent.
    pub(crate) public_key: &'a [u8],
}

/// Parsed authenticator data, borrowing from the raw bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AuthenticatorData<'a> {
    rp_id_hash: &'a [u8],
    flags: u8,
    /// The signature counter (0 for authenticators without one).
    pub(crate) sign_count: u32,
    /// Present when the AT flag is set.
    pub(crate) attested_credential: Option<AttestedCredential<'a>>,
}

impl<'a> AuthenticatorData<'a> {
    /// Splits `bytes` into its parts; the lengths must add up exactly.
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, WebAuthnError> {
        let (fixed, mut rest) = bytes
            .split_at_checked(FIXED_PART)
            .ok_or(WebAuthnError::MalformedAuthenticatorData)?;
        let (rp_id_hash, flags_and_count) = fixed.split_at(32);
        let flags = flags_and_count[0];
        let sign_count = u32::from_be_bytes([
            flags_and_count[1],
            flags_and_count[2],
            flags_and_count[3],
            flags_and_count[4],
        ]);
        let attested_credential = if flags & ATTESTED_CREDENTIAL != 0 {
            let (credential, after) = parse_attested_credential(rest)?;
            rest = after;
            Some(credential)
        } else {
            None
        };
        if flags & EXTENSION_DATA != 0 {
            let (extensions, used) = cbor::read_item(rest, "authenticatorData.extensions")?;
            cbor::entries(&extensions, "authenticatorData.extensions")?;
            rest = &rest[used..];
        }
        if !rest.is_empty() {
            return Err(WebAuthnError::MalformedAuthenticatorData);
        }
        Ok(Self {
            rp_id_hash,
            flags,
            sign_count,
            attested_credential,
        })
    }

    /// The checks both ceremonies share: bound to the expected relying-party id, user present,
    /// user verified when required, and coherent backup flags.
    pub(crate) fn check(&self, expected: &Expected<'_>) -> Result<(), WebAuthnError> {
        if self.rp_id_hash != Sha256::digest(expected.rp_id.as_bytes()).as_slice() {
            return Err(WebAuthnError::WrongRelyingParty);
        }
        if !self.has(USER_PRESENT) {
            return Err(WebAuthnError::UserNotPresent);
        }
        if expected.require_user_verification && !self.user_verified() {
            return Err(WebAuthnError::UserNotVerified);
        }
        if self.backed_up() && !self.backup_eligible() {
            return Err(WebAuthnError::InconsistentBackupFlags);
        }
        Ok(())
    }

    /// UV: the authenticator verified the user.
    pub(crate) fn user_verified(&self) -> bool {
        self.has(USER_VERIFIED)
    }

    /// BE: the credential may be synced.
    pub(crate) fn backup_eligible(&self) -> bool {
        self.has(BACKUP_ELIGIBLE)
    }

    /// BS: the credential is synced now.
    pub(crate) fn backed_up(&self) -> bool {
        self.has(BACKED_UP)
    }

    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

/// AAGUID, credential id and the one CBOR item that is the public key; returns what follows.
fn parse_attested_credential(
    bytes: &[u8],
) -> Result<(AttestedCredential<'_>, &[u8]), WebAuthnError> {
    let (header, rest) = bytes
        .split_at_checked(ATTESTED_HEADER)
        .ok_or(WebAuthnError::MalformedAuthenticatorData)?;
    let (aaguid, id_length) = header.split_at(16);
    let id_length = usize::from(u16::from_be_bytes([id_length[0], id_length[1]]));
    let (credential_id, rest) = rest
        .split_at_checked(id_length)
        .ok_or(WebAuthnError::MalformedAuthenticatorData)?;
    let (_, key_length) = cbor::read_item(rest, "credentialPublicKey")?;
    let (public_key, rest) = rest.split_at(key_length);
    let mut aaguid_bytes = [0; 16];
    aaguid_bytes.copy_from_slice(aaguid);
    Ok((
        AttestedCredential {
            aaguid: aaguid_bytes,
            credential_id,
            public_key,
        },
        rest,
    ))
}
