//! A change to the user's list of sign-in methods, as told to the embedding page (the
//! `mfa-manager:change` event) and to the page's other open tabs. It names what happened and
//! the kind of method, never a secret, a phone number or an address.

use super::row::FactorKind;

/// What happened to the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeReason {
    /// A sign-in method was enrolled and confirmed.
    Added,
    /// A sign-in method was given another name.
    Renamed,
    /// A sign-in method (with its twins) was removed.
    Removed,
}

impl ChangeReason {
    /// The `reason` of the event detail: `"added"`, `"renamed"` or `"removed"`.
    pub fn name(self) -> &'static str {
        match self {
            ChangeReason::Added => "added",
            ChangeReason::Renamed => "renamed",
            ChangeReason::Removed => "removed",
        }
    }
}

/// One change to the list of sign-in methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactorChange {
    /// What happened.
    pub reason: ChangeReason,
    /// The kind of method it happened to.
    pub kind: FactorKind,
}

impl FactorChange {
    /// A method of `kind` was added.
    pub fn added(kind: FactorKind) -> FactorChange {
        FactorChange {
            reason: ChangeReason::Added,
            kind,
        }
    }

    /// A method of `kind` was renamed.
    pub fn renamed(kind: FactorKind) -> FactorChange {
        FactorChange {
            reason: ChangeReason::Renamed,
            kind,
        }
    }

    /// A method of `kind` was removed.
    pub fn removed(kind: FactorKind) -> FactorChange {
        FactorChange {
            reason: ChangeReason::Removed,
            kind,
        }
    }
}

/// The `kind` of the event detail: `"authenticator-app"`, `"phone"`, `"email"`, `"push"`,
/// `"passkey"` or `"recovery-code"`.
pub fn kind_name(kind: FactorKind) -> &'static str {
    match kind {
        FactorKind::AuthenticatorApp => "authenticator-app",
        FactorKind::Phone => "phone",
        FactorKind::Email => "email",
        FactorKind::Push => "push",
        FactorKind::Passkey => "passkey",
        FactorKind::RecoveryCode => "recovery-code",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_have_stable_names_for_the_host_page() {
        let change = FactorChange::added(FactorKind::AuthenticatorApp);
        assert_eq!(
            (change.reason.name(), kind_name(change.kind)),
            ("added", "authenticator-app")
        );
        let change = FactorChange::removed(FactorKind::RecoveryCode);
        assert_eq!(
            (change.reason.name(), kind_name(change.kind)),
            ("removed", "recovery-code")
        );
    }
}
