//! Rows from listings: order, twins, names, removal and its warnings (worded with the
//! English and German tables).

use super::*;
use crate::factors::describe::{
    confirm_word, removal_summary, remove_warning, row_detail, row_facts, row_title,
    ways_left_text, why_kept,
};
use crate::i18n::de::DE;
use crate::i18n::en::EN;
use crate::i18n::Texts;

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

/// The row's title in the language of `t`, kept for the rest of the test so that it compares
/// with string literals.
fn title(row: &FactorRow, t: &Texts) -> &'static str {
    Box::leak(row_title(row, t).into_boxed_str())
}

/// Each row's title in the language of `t`, and whether it is active.
fn titles_in(rows: &[FactorRow], t: &Texts) -> Vec<(&'static str, bool)> {
    rows.iter().map(|r| (title(r, t), r.active)).collect()
}

fn titles(rows: &[FactorRow]) -> Vec<(&'static str, bool)> {
    titles_in(rows, &EN)
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
    assert_eq!(row_detail(phone, &EN), "text message and voice call");
    assert_eq!(
        phone.channels,
        Channels {
            sms: true,
            voice: true
        }
    );
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
            .map(|r| (title(r, &EN), row_detail(r, &EN)))
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
            .map(|r| (r.kind, title(r, &EN), row_detail(r, &EN)))
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
    let Removal::NotAllowed(why) = rows[4].removal else {
        panic!("{:?}", rows[4]);
    };
    assert!(why_kept(why, &EN).contains("replaced automatically each time you use it"));
    assert!(rows
        .iter()
        .filter(|r| r.kind != FactorKind::RecoveryCode)
        .all(|r| r.removal == Removal::Allowed));
}

#[test]
fn summaries_name_the_twins() {
    let rows = rows(&listing(LISTING));
    let summaries: Vec<String> = rows.iter().map(|r| removal_summary(r, &EN)).collect();
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
    let warning = remove_warning(&only_phone[0], &only_phone, &EN).unwrap_or_default();
    assert!(
        warning.starts_with("After this, your account will be protected by your password alone"),
        "{warning}"
    );
    // Neither the recovery code nor an unfinished setup is a last method.
    assert_eq!(remove_warning(&only_phone[1], &only_phone, &EN), None);
    assert_eq!(remove_warning(&only_phone[2], &only_phone, &EN), None);

    let two = rows(&listing(LISTING));
    assert_eq!(remove_warning(&two[1], &two, &EN), None);
}

/// The seeded enrolled user's listing: an app, a phone (SMS and voice), a verified email, the
/// recovery code and an unfinished app.
const APP_PHONE_EMAIL: &str = r#"[
  {"id":"recovery-code|dev_RRRRRRRRRRRRRRRR","authenticator_type":"recovery-code","active":true},
  {"id":"totp|dev_AAAAAAAAAAAAAAAA","authenticator_type":"otp","active":true},
  {"id":"sms|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXX2046"},
  {"id":"voice|dev_SSSSSSSSSSSSSSSS","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXX2046"},
  {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"enro****@exampl*****"},
  {"id":"totp|dev_PPPPPPPPPPPPPPPP","authenticator_type":"otp","active":false}
]"#;

#[test]
fn a_verified_email_does_not_keep_the_second_step() {
    let all = rows(&listing(APP_PHONE_EMAIL));
    let (app, phone, email) = (&all[0], &all[1], &all[2]);
    assert_eq!(
        (app.kind, phone.kind, email.kind),
        (
            FactorKind::AuthenticatorApp,
            FactorKind::Phone,
            FactorKind::Email
        )
    );
    // With the app and the phone, removing either leaves a second step.
    assert!(removal_warnings(app, &all).is_empty());
    assert!(removal_warnings(phone, &all).is_empty());
    assert_eq!(remove_warning(phone, &all, &EN), None);

    // With the app gone, the phone is the last method the tenant asks for: the email is listed
    // but does not make the tenant ask for a second step.
    let without_app: Vec<FactorRow> = all.iter().filter(|r| r != &app).cloned().collect();
    let warnings = removal_warnings(&without_app[0], &without_app);
    assert!(warnings.password_alone, "{without_app:?}");
    let warning = remove_warning(&without_app[0], &without_app, &EN).unwrap_or_default();
    assert_eq!(
        warning,
        "After this, your account will be protected by your password alone: the next sign-in will not ask for a second step. An email address or the recovery code on its own does not count as one. To stay protected, add another method first."
    );
    let warning = remove_warning(&without_app[0], &without_app, &DE).unwrap_or_default();
    assert!(
        warning.starts_with("Danach ist Ihr Konto nur noch durch Ihr Passwort geschützt"),
        "{warning}"
    );
    // Removing the email changes nothing the tenant asks for.
    let email = without_app
        .iter()
        .find(|r| r.kind == FactorKind::Email)
        .unwrap();
    assert_eq!(remove_warning(email, &without_app, &EN), None);
}

#[test]
fn email_and_recovery_code_alone_count_as_no_method() {
    let email_only = rows(&listing(
        r#"[
          {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"ja**@exampl*****"}
        ]"#,
    ));
    assert_eq!(independent_methods(&email_only), 0);
    // The sign-in already asks for the password alone; removing the email changes nothing.
    assert_eq!(remove_warning(&email_only[0], &email_only, &EN), None);

    let recovery_only = rows(&listing(
        r#"[
          {"id":"recovery-code|dev_RRRRRRRRRRRRRRRR","authenticator_type":"recovery-code","active":true},
          {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"ja**@exampl*****"}
        ]"#,
    ));
    assert_eq!(independent_methods(&recovery_only), 0);

    let app_and_email = rows(&listing(
        r#"[
          {"id":"totp|dev_AAAAAAAAAAAAAAAA","authenticator_type":"otp","active":true},
          {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"ja**@exampl*****"},
          {"id":"recovery-code|dev_RRRRRRRRRRRRRRRR","authenticator_type":"recovery-code","active":true}
        ]"#,
    ));
    assert_eq!(independent_methods(&app_and_email), 1);
    assert!(removal_warnings(&app_and_email[0], &app_and_email).password_alone);
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
    let warning = remove_warning(push, &push_only, &EN).unwrap_or_default();
    assert!(
        warning.starts_with("After this, your account will be protected by your password alone"),
        "{warning}"
    );
    let warning = remove_warning(app, &push_only, &EN).unwrap_or_default();
    assert!(
        warning.starts_with("After this, your account will be protected by your password alone"),
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
    assert_eq!(remove_warning(&with_own_app[2], &with_own_app, &EN), None);

    // A verified email beside the pair does not make it any less the last way to a second step.
    let with_email = rows(&listing(
        r#"[
          {"id":"push|dev_PPPPPPPPPPPPPPPP","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"John's Device"},
          {"id":"totp|dev_TTTTTTTTTTTTTTTT","authenticator_type":"otp","active":true},
          {"id":"email|dev_EEEEEEEEEEEEEEEE","authenticator_type":"oob","active":true,"oob_channel":"email","name":"ja**@exampl*****"}
        ]"#,
    ));
    assert_eq!(independent_methods(&with_email), 1);
    for row in with_email.iter().filter(|r| r.kind != FactorKind::Email) {
        assert!(removal_warnings(row, &with_email).password_alone, "{row:?}");
    }
    let warning = remove_warning(&with_own_app[0], &with_own_app, &EN).unwrap_or_default();
    assert!(
        warning.starts_with("If this authenticator app entry"),
        "{warning}"
    );
}

#[test]
fn german_rows_keep_tenant_names_as_given() {
    let rows = rows(&listing(LISTING));
    assert_eq!(
        titles_in(&rows, &DE),
        vec![
            ("Authentifizierungs-App", true),
            ("Telefon ••••2046", true),
            ("E-Mail example******@gmai*****", true),
            ("Push-Benachrichtigungen auf John's Device", true),
            ("Wiederherstellungscode", true),
            ("Authentifizierungs-App", false),
        ]
    );
    assert_eq!(row_detail(&rows[1], &DE), "SMS und Anruf");
    assert_eq!(
        removal_summary(&rows[5], &DE),
        "Authentifizierungs-App (Einrichtung nicht abgeschlossen)"
    );
    let Removal::NotAllowed(why) = rows[4].removal else {
        panic!("{:?}", rows[4]);
    };
    let reason = why_kept(why, &DE);
    assert!(reason.starts_with("Ihr Wiederherstellungscode"), "{reason}");
}

/// Rows as the My Account API lists them: dates, names, passkeys, a push without its twin.
fn my_account_rows() -> Vec<FactorRow> {
    let mut list = listing(
        r#"[
          {"id":"totp|dev_A","authenticator_type":"otp","active":true,"created_at":"2026-11-01T08:00:00.000Z","last_auth_at":"2026-11-20T08:00:00.000Z"},
          {"id":"push|dev_B","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"Pixel","created_at":"2026-11-02T08:00:00.000Z","last_auth_at":"2026-12-01T08:00:00.000Z"},
          {"id":"passkey|dev_C","authenticator_type":"passkey","active":true,"created_at":"2026-11-03T08:00:00.000Z"},
          {"id":"passkey|dev_D","authenticator_type":"passkey","active":true,"created_at":"2026-11-04T08:00:00.000Z","last_auth_at":"2026-11-25T08:00:00.000Z"},
          {"id":"recovery-code|dev_E","authenticator_type":"recovery-code","active":true,"created_at":"2026-11-01T08:00:00.000Z"}
        ]"#,
    );
    list[1].twin_hidden = true;
    list[2].passkey = Some(PasskeyInfo {
        aaguid: Some("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4".into()),
        synced: true,
        user_agent: Some("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36".into()),
    });
    list[3].passkey = Some(PasskeyInfo::default());
    list[3].nickname = Some("Security key".into());
    rows(&list)
}

#[test]
fn the_most_recently_used_come_first_where_dates_are_given() {
    let rows = my_account_rows();
    assert_eq!(
        titles(&rows),
        vec![
            ("Push notifications on Pixel", true),
            ("Security key", true),
            ("Authenticator app", true),
            ("Google Password Manager", true),
            ("Recovery code", true),
        ]
    );
}

#[test]
fn passkey_facts_name_provider_sync_device_and_dates() {
    let rows = my_account_rows();
    let date = |iso: &str| iso[..10].to_owned();
    let google = &rows[3];
    assert_eq!(
        row_facts(google, &EN, &date),
        vec![
            "Synced to your devices",
            "created with Chrome, Linux",
            "Added 2026-11-03",
            "Not used yet"
        ]
    );
    let key = &rows[1];
    assert_eq!(
        row_facts(key, &EN, &date),
        vec![
            "This device only",
            "Added 2026-11-04",
            "Last used 2026-11-25"
        ]
    );
    assert_eq!(
        row_facts(&rows[0], &DE, &date),
        vec![
            "Hinzugefügt am 2026-11-02",
            "Zuletzt verwendet am 2026-12-01"
        ]
    );
}

#[test]
fn ways_left_leave_out_the_removed_its_twins_and_device_bound_passkeys() {
    let rows = my_account_rows();
    let app = &rows[2];
    // A push listed without its twin is no app's twin: removing the app leaves it.
    let left: Vec<&str> = ways_left(app, &rows)
        .iter()
        .map(|r| title(r, &EN))
        .collect();
    assert_eq!(
        left,
        vec![
            "Push notifications on Pixel",
            "Google Password Manager",
            "Recovery code"
        ]
    );
    assert_eq!(
        ways_left_text(app, &rows, &EN).as_deref(),
        Some("You will still be able to sign in with: Push notifications on Pixel, Google Password Manager, Recovery code.")
    );
    // The only row left after removing a lone device-bound passkey: none.
    let lone = [rows[1].clone()];
    assert!(ways_left(&lone[0], &lone).is_empty());
    assert_eq!(ways_left_text(&lone[0], &lone, &EN), None);
    assert_eq!(confirm_word(&lone[0], &EN), "Security key");
    // On the MFA API a push's twin cannot be told apart: its app rows are not counted.
    let mfa = rows_from_mfa_push_and_app();
    let push = mfa.iter().find(|r| r.kind == FactorKind::Push).unwrap();
    assert!(ways_left(push, &mfa).is_empty(), "{mfa:?}");
    assert_eq!(confirm_word(push, &EN), "Push notifications");
    let phone = super::rows(&listing(LISTING)).remove(1);
    assert_eq!(confirm_word(&phone, &EN), "Phone");
}

fn rows_from_mfa_push_and_app() -> Vec<FactorRow> {
    rows(&listing(
        r#"[
          {"id":"push|dev_P","authenticator_type":"oob","active":true,"oob_channel":"auth0","name":"Pixel"},
          {"id":"totp|dev_T","authenticator_type":"otp","active":true}
        ]"#,
    ))
}
