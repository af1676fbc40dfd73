//! What the relying party expects of a ceremony it started: the challenge it issued, where the
//! page may run, its relying-party id and whether the user must be verified.

/// The tenant's side of one registration or sign-in.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// The challenge bytes the tenant issued for this ceremony.
    pub challenge: &'a [u8],
    /// Origins (`https://host[:port]`) the ceremony may run on.
    pub allowed_origins: &'a [String],
    /// The relying-party id the credential is bound to.
    pub rp_id: &'a str,
    /// Whether a response without user verification is refused.
    pub require_user_verification: bool,
}
