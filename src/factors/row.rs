//! The authenticator list (protocol §7) as the rows the user sees, as data: twins merged, the
//! tenant's name for each method, what may be removed and what removing it takes with it.
//! The screens put rows into words (`super::describe`).
//!
//! Two things the wire data cannot tell, and how the page copes:
//! - A push enrollment's TOTP twin gets an id suffix of its own (§7.2) and the listing carries
//!   nothing else linking them, so that TOTP stays a row of its own. Removing either deletes
//!   both on the tenant, which [`removal_warnings`] and the removal dialog say.
//! - Implicitly listed verified emails look exactly like enrolled email authenticators (§7.4),
//!   so every email row offers removal; the tenant's 403 for a verified email is then explained
//!   by [`crate::api::ApiError::AccessDenied`]'s hint.

use crate::api::{Authenticator, AuthenticatorId, PasskeyInfo};

/// The kinds of sign-in method, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FactorKind {
    /// Time-based codes from an authenticator app (TOTP).
    AuthenticatorApp,
    /// Codes by text message and/or voice call.
    Phone,
    /// Codes by email.
    Email,
    /// Push notifications to the Guardian app.
    Push,
    /// A passkey (WebAuthn credential) in a device or password manager.
    Passkey,
    /// The single-use recovery code.
    RecoveryCode,
}

/// Why a row cannot be removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WhyKept {
    /// The recovery code is replaced automatically each time it is used, never removed.
    RecoveryCode,
}

/// Whether the user may remove a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Removal {
    /// Removal is offered.
    Allowed,
    /// Removal is not offered, for this reason (shown to the user).
    NotAllowed(WhyKept),
}

/// The channels a phone row sends codes by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Channels {
    /// Text messages.
    pub sms: bool,
    /// Voice calls.
    pub voice: bool,
}

/// One sign-in method as listed on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorRow {
    /// What kind of method this is.
    pub kind: FactorKind,
    /// The authenticators behind the row; `ids[0]` is the one to delete (the tenant deletes
    /// its twin with it).
    pub ids: Vec<AuthenticatorId>,
    /// `false` while the setup is not finished.
    pub active: bool,
    /// The tenant's name for it as listed (a masked number, a masked address, a device name),
    /// if it has a non-blank one.
    pub name: Option<String>,
    /// For phones, the channels of the row (both for merged SMS and voice twins).
    pub channels: Channels,
    /// Whether the user may remove it.
    pub removal: Removal,
    /// The name the user gave it, where the backend keeps one.
    pub nickname: Option<String>,
    /// When it was enrolled (ISO 8601), where the backend says.
    pub created_at: Option<String>,
    /// When it last passed a sign-in (ISO 8601), where the backend says.
    pub last_used_at: Option<String>,
    /// What the record tells about a passkey.
    pub passkey: Option<PasskeyInfo>,
    /// Whether the user may rename it.
    pub renamable: bool,
    /// A push listed without its authenticator-app twin (the My Account API hides it), so no
    /// app row goes with it.
    pub twin_hidden: bool,
}

/// What removing a row puts at risk, given all rows of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RemovalWarnings<'a> {
    /// After the removal the tenant asks for the password alone: this row is the last active
    /// method that makes it ask for a second step (anything but an email or the recovery code).
    pub password_alone: bool,
    /// Push rows that may be this authenticator-app row's twin, removed with it.
    pub push_twins: Vec<&'a FactorRow>,
}

impl RemovalWarnings<'_> {
    /// True when there is nothing to warn about.
    pub fn is_empty(&self) -> bool {
        !self.password_alone && self.push_twins.is_empty()
    }
}

/// The rows for a listing: active ones first in [`FactorKind`] order, then unfinished ones,
/// each group keeping the listing's order. Entries of kinds this page does not know are left
/// out.
pub fn rows(list: &[Authenticator]) -> Vec<FactorRow> {
    let mut rows: Vec<FactorRow> = Vec::new();
    for authenticator in list {
        let Some(kind) = kind_of(authenticator) else {
            continue;
        };
        let channel = authenticator.oob_channel.as_deref();
        let channels = Channels {
            sms: channel == Some("sms"),
            voice: channel == Some("voice"),
        };
        if kind == FactorKind::Phone {
            let key = twin_key(&authenticator.id);
            if let Some(twin) = rows
                .iter_mut()
                .find(|r| r.kind == FactorKind::Phone && twin_key(&r.ids[0]) == key)
            {
                twin.ids.push(authenticator.id.clone());
                twin.active |= authenticator.active;
                twin.channels.sms |= channels.sms;
                twin.channels.voice |= channels.voice;
                continue;
            }
        }
        rows.push(FactorRow {
            kind,
            ids: vec![authenticator.id.clone()],
            active: authenticator.active,
            name: authenticator.name.clone().filter(|n| !n.trim().is_empty()),
            channels,
            removal: match kind {
                FactorKind::RecoveryCode => Removal::NotAllowed(WhyKept::RecoveryCode),
                _ => Removal::Allowed,
            },
            nickname: authenticator
                .nickname
                .clone()
                .filter(|n| !n.trim().is_empty()),
            created_at: authenticator.created_at.clone(),
            last_used_at: authenticator.last_used_at.clone(),
            passkey: authenticator.passkey.clone(),
            renamable: authenticator.renamable,
            twin_hidden: authenticator.twin_hidden,
        });
    }
    // Stable: active first, the most recently used first where the backend gives the date
    // (ISO 8601 texts of one tenant sort by time), then by kind in the listing's order.
    rows.sort_by(|a, b| {
        (!a.active)
            .cmp(&!b.active)
            .then_with(|| b.last_used_at.cmp(&a.last_used_at))
            .then(a.kind.cmp(&b.kind))
    });
    rows
}

/// What to warn about before removing `row`, given all `rows` of the page: that the tenant will
/// then ask for the password alone, and which push enrollments it may take with it.
///
/// The warning follows what the tenant asks for at sign-in: a second step only from users with
/// an active factor other than email (protocol §5.1: users with only email get no challenge),
/// and the recovery code is no way in on its own. So emails and the recovery code do not
/// count, and removing them never warns. Each active push has an authenticator-app twin among
/// the rows, so pushes and app rows are paired up and a pair counts once; removing any counted
/// row then takes exactly one method away.
pub fn removal_warnings<'a>(row: &FactorRow, rows: &'a [FactorRow]) -> RemovalWarnings<'a> {
    let password_alone = row.active && asks_second_step(row.kind) && independent_methods(rows) <= 1;
    let push_twins = if row.kind == FactorKind::AuthenticatorApp {
        rows.iter()
            .filter(|r| r.kind == FactorKind::Push && !r.twin_hidden && r.active == row.active)
            .collect()
    } else {
        Vec::new()
    };
    RemovalWarnings {
        password_alone,
        push_twins,
    }
}

/// `••••2046` for a masked (`XXXXXXXXX2046`) or plain number; other shapes are shown as given.
pub fn short_phone(name: &str) -> String {
    let last: Vec<char> = name.trim().chars().rev().take(4).collect();
    if last.len() == 4 && last.iter().all(char::is_ascii_digit) {
        format!("••••{}", last.iter().rev().collect::<String>())
    } else {
        name.trim().to_owned()
    }
}

/// The kind of a listing entry, from `authenticator_type` and `oob_channel`, falling back on
/// the `type` family and the id's prefix.
fn kind_of(authenticator: &Authenticator) -> Option<FactorKind> {
    let by_type = match (
        authenticator.authenticator_type.as_str(),
        authenticator.oob_channel.as_deref(),
    ) {
        ("recovery-code", _) => Some(FactorKind::RecoveryCode),
        ("otp", _) => Some(FactorKind::AuthenticatorApp),
        ("oob", Some("sms" | "voice")) => Some(FactorKind::Phone),
        ("oob", Some("email")) => Some(FactorKind::Email),
        ("oob", Some("auth0")) => Some(FactorKind::Push),
        ("passkey", _) => Some(FactorKind::Passkey),
        _ => None,
    };
    let by_family = || match authenticator.family.as_deref() {
        Some("recovery-code") => Some(FactorKind::RecoveryCode),
        Some("otp") => Some(FactorKind::AuthenticatorApp),
        Some("phone") => Some(FactorKind::Phone),
        Some("email") => Some(FactorKind::Email),
        Some("push-notification") => Some(FactorKind::Push),
        Some("passkey") => Some(FactorKind::Passkey),
        _ => None,
    };
    let by_prefix = || match authenticator.id.0.split_once('|').map(|(prefix, _)| prefix) {
        Some("recovery-code") => Some(FactorKind::RecoveryCode),
        Some("totp") => Some(FactorKind::AuthenticatorApp),
        Some("sms" | "voice") => Some(FactorKind::Phone),
        Some("email") => Some(FactorKind::Email),
        Some("push") => Some(FactorKind::Push),
        Some("passkey") => Some(FactorKind::Passkey),
        _ => None,
    };
    by_type.or_else(by_family).or_else(by_prefix)
}

/// SMS and voice twins share the part after `|` (`sms|dev_X`, `voice|dev_X`).
fn twin_key(id: &AuthenticatorId) -> &str {
    id.0.split_once('|')
        .map_or(id.0.as_str(), |(_, suffix)| suffix)
}

/// Whether an active method of this kind makes the tenant ask for a second step at sign-in:
/// every kind but email (an email-only user counts as having no authenticator), the recovery
/// code (only a way back in alongside another method) and a passkey (a way in of its own,
/// not a second step after the password).
fn asks_second_step(kind: FactorKind) -> bool {
    !matches!(
        kind,
        FactorKind::Email | FactorKind::RecoveryCode | FactorKind::Passkey
    )
}

/// Active methods that make the tenant ask for a second step, a push and its app twin counted
/// once; none means the next sign-in asks for the password alone.
fn independent_methods(rows: &[FactorRow]) -> usize {
    let active = |kind: FactorKind| rows.iter().filter(|r| r.active && r.kind == kind).count();
    let all = rows
        .iter()
        .filter(|r| r.active && asks_second_step(r.kind))
        .count();
    let paired_pushes = rows
        .iter()
        .filter(|r| r.active && r.kind == FactorKind::Push && !r.twin_hidden)
        .count();
    all - paired_pushes.min(active(FactorKind::AuthenticatorApp))
}

/// The ways the user can still pass the second step of signing in after removing `row`,
/// given all `rows` of the page — the same rule whichever backend lists them: every active
/// method but passkeys bound to one device (lost with it), leaving out `row` and whatever the
/// tenant removes with it. Where a push's app twin cannot be told apart, every app row that
/// may be one is left out, so the list errs on the side of fewer ways.
pub fn ways_left<'a>(row: &FactorRow, rows: &'a [FactorRow]) -> Vec<&'a FactorRow> {
    let active = |kind: FactorKind| {
        rows.iter()
            .filter(|r| r.active && r.kind == kind && !r.twin_hidden)
            .count()
    };
    let removes_apps = row.kind == FactorKind::Push
        && !row.twin_hidden
        && active(FactorKind::AuthenticatorApp) <= active(FactorKind::Push);
    let twins = removal_warnings(row, rows).push_twins;
    rows.iter()
        .filter(|r| r.active && r.ids != row.ids)
        .filter(|r| !twins.iter().any(|t| t.ids == r.ids))
        .filter(|r| !(removes_apps && r.kind == FactorKind::AuthenticatorApp))
        .filter(|r| r.passkey.as_ref().is_none_or(|p| p.synced))
        .collect()
}

#[cfg(test)]
mod tests;
