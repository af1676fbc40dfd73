//! The authenticator list (protocol §7) as the rows the user sees: twins merged, names masked
//! for display, what may be removed and what removing it takes with it.
//!
//! Two things the wire data cannot tell, and how the page copes:
//! - A push enrollment's TOTP twin gets an id suffix of its own (§7.2) and the listing carries
//!   nothing else linking them, so that TOTP stays a row of its own. Removing either deletes
//!   both on the tenant, which [`removal_summary`] and [`remove_warning`] say.
//! - Implicitly listed verified emails look exactly like enrolled email authenticators (§7.4),
//!   so every email row offers removal; the tenant's 403 for a verified email is then explained
//!   by [`crate::api::ApiError::AccessDenied`]'s hint.

use crate::api::{Authenticator, AuthenticatorId};
use crate::i18n::en::EN;
use crate::i18n::{fill, Texts};

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
    /// The single-use recovery code.
    RecoveryCode,
}

/// Whether the user may remove a row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Removal {
    /// Removal is offered.
    Allowed,
    /// Removal is not offered; the reason is shown to the user.
    NotAllowed(String),
}

/// One sign-in method as listed on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FactorRow {
    /// What kind of method this is.
    pub kind: FactorKind,
    /// Names the method, e.g. `Phone ••••2046`.
    pub title: String,
    /// How it is used, e.g. `text message and voice call`.
    pub detail: String,
    /// The authenticators behind the row; `ids[0]` is the one to delete (the tenant deletes
    /// its twin with it).
    pub ids: Vec<AuthenticatorId>,
    /// `false` while the setup is not finished.
    pub active: bool,
    /// Whether the user may remove it.
    pub removal: Removal,
}

/// The rows for a listing: active ones first in [`FactorKind`] order, then unfinished ones,
/// each group keeping the listing's order. Entries of kinds this page does not know are left
/// out. Titles and details are English; see [`rows_in`].
pub fn rows(list: &[Authenticator]) -> Vec<FactorRow> {
    rows_in(list, &EN)
}

/// [`rows`] with titles, details and reasons in the language of `t`. Tenant names (numbers,
/// addresses, device names) are inserted as they are.
pub fn rows_in(list: &[Authenticator], t: &Texts) -> Vec<FactorRow> {
    let mut drafts: Vec<Draft> = Vec::new();
    for authenticator in list {
        let Some(kind) = kind_of(authenticator) else {
            continue;
        };
        let channel = authenticator.oob_channel.as_deref();
        if kind == FactorKind::Phone {
            let key = twin_key(&authenticator.id);
            if let Some(twin) = drafts
                .iter_mut()
                .find(|d| d.kind == FactorKind::Phone && twin_key(&d.ids[0]) == key)
            {
                twin.ids.push(authenticator.id.clone());
                twin.active |= authenticator.active;
                twin.sms |= channel == Some("sms");
                twin.voice |= channel == Some("voice");
                continue;
            }
        }
        drafts.push(Draft {
            kind,
            ids: vec![authenticator.id.clone()],
            name: authenticator.name.clone().filter(|n| !n.trim().is_empty()),
            active: authenticator.active,
            sms: channel == Some("sms"),
            voice: channel == Some("voice"),
        });
    }
    let mut rows: Vec<FactorRow> = drafts.into_iter().map(|d| d.into_row(t)).collect();
    // Stable: rows of one kind keep the listing's order.
    rows.sort_by_key(|row| (!row.active, row.kind));
    rows
}

/// A warning to show before removing `row`, given all `rows` of the page: when it is the last
/// active method other than the recovery code, and when it may take a push enrollment with it.
///
/// Every method counts, email included. Each active push has an authenticator-app twin among
/// the rows, so pushes and app rows are paired up and a pair counts once; removing any row then
/// takes exactly one method away.
pub fn remove_warning(row: &FactorRow, rows: &[FactorRow]) -> Option<String> {
    remove_warning_in(row, rows, &EN)
}

/// [`remove_warning`] in the language of `t`.
pub fn remove_warning_in(row: &FactorRow, rows: &[FactorRow], t: &Texts) -> Option<String> {
    let mut warnings = Vec::new();
    if row.active && row.kind != FactorKind::RecoveryCode && independent_methods(rows) <= 1 {
        warnings.push(t.warn_last.to_owned());
    }
    if row.kind == FactorKind::AuthenticatorApp {
        let devices: Vec<&str> = rows
            .iter()
            .filter(|r| r.kind == FactorKind::Push && r.active == row.active)
            .map(|r| r.title.as_str())
            .collect();
        if !devices.is_empty() {
            warnings.push(fill(t.warn_push_twin, &[("devices", &devices.join(t.or))]));
        }
    }
    (!warnings.is_empty()).then(|| warnings.join(" "))
}

/// Names exactly what removing `row` deletes, twin included: `Phone ••••2046 (text message
/// and voice call)`, `Push notifications on John's Device and its authenticator-app codes`.
pub fn removal_summary(row: &FactorRow) -> String {
    removal_summary_in(row, &EN)
}

/// [`removal_summary`] in the language of `t` (for rows made with the same table).
pub fn removal_summary_in(row: &FactorRow, t: &Texts) -> String {
    let what = match row.kind {
        FactorKind::Phone => fill(
            t.summary_phone,
            &[("title", &row.title), ("detail", &row.detail)],
        ),
        FactorKind::Push => fill(t.summary_push, &[("title", &row.title)]),
        FactorKind::AuthenticatorApp | FactorKind::Email | FactorKind::RecoveryCode => {
            row.title.clone()
        }
    };
    if row.active {
        what
    } else {
        fill(t.summary_unfinished, &[("what", &what)])
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

/// An entry of the listing on its way to a row.
struct Draft {
    kind: FactorKind,
    ids: Vec<AuthenticatorId>,
    name: Option<String>,
    active: bool,
    sms: bool,
    voice: bool,
}

impl Draft {
    fn into_row(self, t: &Texts) -> FactorRow {
        let name = self.name.as_deref();
        let (title, detail) = match self.kind {
            FactorKind::AuthenticatorApp => (t.title_app.to_owned(), t.detail_app),
            FactorKind::Phone => (
                name.map_or(t.title_phone.to_owned(), |n| {
                    fill(t.title_phone_named, &[("number", &short_phone(n))])
                }),
                match (self.sms, self.voice) {
                    (true, true) => t.detail_sms_and_voice,
                    (true, false) => t.detail_sms,
                    (false, true) => t.detail_voice,
                    (false, false) => t.detail_phone,
                },
            ),
            FactorKind::Email => (
                name.map_or(t.title_email.to_owned(), |n| {
                    fill(t.title_email_named, &[("name", n)])
                }),
                t.detail_email,
            ),
            FactorKind::Push => (
                name.map_or(t.title_push.to_owned(), |n| {
                    fill(t.title_push_named, &[("name", n)])
                }),
                t.detail_push,
            ),
            FactorKind::RecoveryCode => (t.title_recovery.to_owned(), t.detail_recovery),
        };
        let detail = detail.to_owned();
        let removal = match self.kind {
            FactorKind::RecoveryCode => Removal::NotAllowed(t.recovery_kept.to_owned()),
            _ => Removal::Allowed,
        };
        FactorRow {
            kind: self.kind,
            title,
            detail,
            ids: self.ids,
            active: self.active,
            removal,
        }
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
        _ => None,
    };
    let by_family = || match authenticator.family.as_deref() {
        Some("recovery-code") => Some(FactorKind::RecoveryCode),
        Some("otp") => Some(FactorKind::AuthenticatorApp),
        Some("phone") => Some(FactorKind::Phone),
        Some("email") => Some(FactorKind::Email),
        Some("push-notification") => Some(FactorKind::Push),
        _ => None,
    };
    let by_prefix = || match authenticator.id.0.split_once('|').map(|(prefix, _)| prefix) {
        Some("recovery-code") => Some(FactorKind::RecoveryCode),
        Some("totp") => Some(FactorKind::AuthenticatorApp),
        Some("sms" | "voice") => Some(FactorKind::Phone),
        Some("email") => Some(FactorKind::Email),
        Some("push") => Some(FactorKind::Push),
        _ => None,
    };
    by_type.or_else(by_family).or_else(by_prefix)
}

/// SMS and voice twins share the part after `|` (`sms|dev_X`, `voice|dev_X`).
fn twin_key(id: &AuthenticatorId) -> &str {
    id.0.split_once('|')
        .map_or(id.0.as_str(), |(_, suffix)| suffix)
}

/// Active methods other than the recovery code, a push and its app twin counted once.
fn independent_methods(rows: &[FactorRow]) -> usize {
    let active = |kind: FactorKind| rows.iter().filter(|r| r.active && r.kind == kind).count();
    let all = rows
        .iter()
        .filter(|r| r.active && r.kind != FactorKind::RecoveryCode)
        .count();
    all - active(FactorKind::Push).min(active(FactorKind::AuthenticatorApp))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The composite listing of protocol §7.1.
    const LISTING: &str = r#"[
      {"id":"recovery-code|dev_ZdXKDYctdGHWWAN5","authenticator_type":"recovery-code","active":true,"type":"recovery-code"},
      {"id":"totp|dev_nELLU4PFUiTW6iWs","authenticator_type":"otp","active":true,"type":"otp"},
      {"id":"sms|dev_WNScJzYAmuV1enCR","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXXX2046","type":"phone"},
      {"id":"voice|dev_WNScJzYAmuV1enCR","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXXX2046","type":"phone"},
      {"id":"email|dev_6fOgD5yp5UMV52Ns","authenticator_type":"oob","active":true,"oob_channel":"email","name":"example******@gmai*****","type":"email"},
      {"id":"push|dev_ZUla9SQ6tAIHSz6y","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"John's Device"},
      {"id":"totp|dev_etzXFoNfYTODuJdb","authenticator_type":"otp","active":false}
    ]"#;

    fn listing(json: &str) -> Vec<Authenticator> {
        serde_json::from_str(json).unwrap()
    }

    fn id(text: &str) -> AuthenticatorId {
        AuthenticatorId(text.to_owned())
    }

    fn titles(rows: &[FactorRow]) -> Vec<(&str, bool)> {
        rows.iter().map(|r| (r.title.as_str(), r.active)).collect()
    }

    #[test]
    fn protocol_listing_becomes_ordered_rows() {
        let rows = rows(&listing(LISTING));
        assert_eq!(
            titles(&rows),
            vec![
                ("Authenticator app", true),
                ("Phone ••••2046", true),
                ("Email example******@gmai*****", true),
                ("Push notifications on John's Device", true),
                ("Recovery code", true),
                ("Authenticator app", false),
            ]
        );
        assert_eq!(rows[0].ids, vec![id("totp|dev_nELLU4PFUiTW6iWs")]);
        assert_eq!(rows[3].ids, vec![id("push|dev_ZUla9SQ6tAIHSz6y")]);
        assert_eq!(rows[5].ids, vec![id("totp|dev_etzXFoNfYTODuJdb")]);
    }

    #[test]
    fn sms_and_voice_twins_are_one_row() {
        let rows = rows(&listing(LISTING));
        let phone = &rows[1];
        assert_eq!(phone.kind, FactorKind::Phone);
        assert_eq!(phone.detail, "text message and voice call");
        assert_eq!(
            phone.ids,
            vec![
                id("sms|dev_WNScJzYAmuV1enCR"),
                id("voice|dev_WNScJzYAmuV1enCR")
            ]
        );
        assert_eq!(phone.removal, Removal::Allowed);
    }

    #[test]
    fn one_channel_and_distinct_numbers_stay_apart() {
        let rows = rows(&listing(
            r#"[
              {"id":"voice|dev_AAAAAAAAAAAAAAAA","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXX8730"},
              {"id":"sms|dev_BBBBBBBBBBBBBBBB","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXXX0368"}
            ]"#,
        ));
        assert_eq!(
            rows.iter()
                .map(|r| (r.title.as_str(), r.detail.as_str()))
                .collect::<Vec<_>>(),
            vec![
                ("Phone ••••8730", "voice call"),
                ("Phone ••••0368", "text message")
            ]
        );
    }

    #[test]
    fn phone_names_are_shortened() {
        assert_eq!(short_phone("XXXXXXXXX2046"), "••••2046");
        assert_eq!(short_phone("XXXXXXXX8730"), "••••8730");
        assert_eq!(short_phone("+14155552046"), "••••2046");
        assert_eq!(short_phone("+X XXXX1234"), "••••1234");
        // Shapes without four trailing digits are shown as the tenant sent them.
        assert_eq!(short_phone("+1123XXXXX"), "+1123XXXXX");
        assert_eq!(short_phone("46"), "46");
    }

    #[test]
    fn pending_rows_follow_active_ones_in_kind_order() {
        let rows = rows(&listing(
            r#"[
              {"id":"push|dev_PPPPPPPPPPPPPPPP","authenticator_type":"oob","active":false,"oob_channel":"auth0","name":"Emulated device"},
              {"id":"totp|dev_TTTTTTTTTTTTTTTT","authenticator_type":"otp","active":false},
              {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"ja**@exampl*****"},
              {"id":"sms|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":false,"oob_channel":"sms","name":"XXXXXXXX2046"},
              {"id":"webauthn-roaming|dev_WWWWWWWWWWWWWWWW","authenticator_type":"webauthn-roaming","active":true}
            ]"#,
        ));
        assert_eq!(
            titles(&rows),
            vec![
                ("Email ja**@exampl*****", true),
                ("Authenticator app", false),
                ("Phone ••••2046", false),
                ("Push notifications on Emulated device", false),
            ]
        );
    }

    #[test]
    fn kind_falls_back_on_family_and_prefix() {
        let rows = rows(&listing(
            r#"[
              {"id":"sms|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":true,"type":"phone"},
              {"id":"push|dev_PPPPPPPPPPPPPPPP","authenticator_type":"oob","active":true}
            ]"#,
        ));
        assert_eq!(
            rows.iter()
                .map(|r| (r.kind, r.title.as_str(), r.detail.as_str()))
                .collect::<Vec<_>>(),
            vec![
                (FactorKind::Phone, "Phone", "codes to your phone"),
                (
                    FactorKind::Push,
                    "Push notifications",
                    "approve sign-ins in the Guardian app, which also shows codes"
                ),
            ]
        );
    }

    #[test]
    fn recovery_code_cannot_be_removed() {
        let rows = rows(&listing(LISTING));
        let Removal::NotAllowed(reason) = &rows[4].removal else {
            panic!("{:?}", rows[4]);
        };
        assert!(reason.contains("replaced automatically each time you use it"));
        assert!(rows
            .iter()
            .filter(|r| r.kind != FactorKind::RecoveryCode)
            .all(|r| r.removal == Removal::Allowed));
    }

    #[test]
    fn summaries_name_the_twins() {
        let rows = rows(&listing(LISTING));
        let summaries: Vec<String> = rows.iter().map(removal_summary).collect();
        assert_eq!(
            summaries,
            vec![
                "Authenticator app",
                "Phone ••••2046 (text message and voice call)",
                "Email example******@gmai*****",
                "Push notifications on John's Device and its authenticator-app codes",
                "Recovery code",
                "Authenticator app (setup not finished)",
            ]
        );
    }

    #[test]
    fn last_method_is_warned_about() {
        let only_phone = rows(&listing(
            r#"[
              {"id":"recovery-code|dev_RRRRRRRRRRRRRRRR","authenticator_type":"recovery-code","active":true},
              {"id":"sms|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXX2046"},
              {"id":"voice|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXX2046"},
              {"id":"totp|dev_TTTTTTTTTTTTTTTT","authenticator_type":"otp","active":false}
            ]"#,
        ));
        let warning = remove_warning(&only_phone[0], &only_phone).unwrap_or_default();
        assert!(
            warning.starts_with("This is your last sign-in method"),
            "{warning}"
        );
        // Neither the recovery code nor an unfinished setup is a last method.
        assert_eq!(remove_warning(&only_phone[1], &only_phone), None);
        assert_eq!(remove_warning(&only_phone[2], &only_phone), None);

        let two = rows(&listing(LISTING));
        assert_eq!(remove_warning(&two[1], &two), None);
    }

    #[test]
    fn push_and_its_app_twin_count_once() {
        let push_only = rows(&listing(
            r#"[
              {"id":"push|dev_PPPPPPPPPPPPPPPP","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"John's Device"},
              {"id":"totp|dev_TTTTTTTTTTTTTTTT","authenticator_type":"otp","active":true}
            ]"#,
        ));
        let app = &push_only[0];
        let push = &push_only[1];
        let warning = remove_warning(push, &push_only).unwrap_or_default();
        assert!(
            warning.starts_with("This is your last sign-in method"),
            "{warning}"
        );
        let warning = remove_warning(app, &push_only).unwrap_or_default();
        assert!(
            warning.starts_with("This is your last sign-in method"),
            "{warning}"
        );
        assert!(
            warning.ends_with(
                "If this authenticator app entry was created together with Push notifications on John's Device, removing it removes that too."
            ),
            "{warning}"
        );

        let with_own_app = rows(&listing(
            r#"[
              {"id":"totp|dev_AAAAAAAAAAAAAAAA","authenticator_type":"otp","active":true},
              {"id":"push|dev_PPPPPPPPPPPPPPPP","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"John's Device"},
              {"id":"totp|dev_TTTTTTTTTTTTTTTT","authenticator_type":"otp","active":true}
            ]"#,
        ));
        assert_eq!(remove_warning(&with_own_app[2], &with_own_app), None);
        let warning = remove_warning(&with_own_app[0], &with_own_app).unwrap_or_default();
        assert!(
            warning.starts_with("If this authenticator app entry"),
            "{warning}"
        );
    }

    #[test]
    fn german_rows_keep_tenant_names_as_given() {
        let german = crate::i18n::de::DE;
        let rows = rows_in(&listing(LISTING), &german);
        assert_eq!(
            titles(&rows),
            vec![
                ("Authentifizierungs-App", true),
                ("Telefon ••••2046", true),
                ("E-Mail example******@gmai*****", true),
                ("Push-Benachrichtigungen auf John's Device", true),
                ("Wiederherstellungscode", true),
                ("Authentifizierungs-App", false),
            ]
        );
        assert_eq!(rows[1].detail, "SMS und Anruf");
        assert_eq!(
            removal_summary_in(&rows[5], &german),
            "Authentifizierungs-App (Einrichtung nicht abgeschlossen)"
        );
        let Removal::NotAllowed(reason) = &rows[4].removal else {
            panic!("{:?}", rows[4]);
        };
        assert!(reason.starts_with("Ihr Wiederherstellungscode"), "{reason}");
    }
}
