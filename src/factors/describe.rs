//! The factor screens' words: what an [`ApiError`] means for the user and what fixes it, what
//! is wrong with a typed phone number or code, a wait in words, and each sign-in method's
//! title, details and removal warnings — made here, next to the views, from the language they show.

use super::device::device_name;
use super::passkey_provider::provider_name;
use super::phone::{PhoneError, MAX_DIGITS, MIN_DIGITS};
use super::row::{removal_warnings, short_phone, ways_left, FactorKind, FactorRow, WhyKept};
use super::secret::{CodeError, CODE_DIGITS};
use crate::api::ApiError;
use crate::i18n::{fill, Texts};

/// One sentence for the user saying what happened, in the language of `t`. Tenant texts
/// are inserted as they are.
pub fn api_message(error: &ApiError, t: &Texts) -> String {
    let described =
        |template: &str, description: &str| fill(template, &[("description", description)]);
    match error {
        ApiError::SessionExpired => t.api_session_expired.into(),
        ApiError::InvalidOtp => t.api_invalid_otp.into(),
        ApiError::InvalidBindingCode => t.api_invalid_binding_code.into(),
        ApiError::Rejected => t.api_rejected.into(),
        ApiError::AuthorizationPending => t.api_pending.into(),
        ApiError::SlowDown { .. } => t.api_slow_down.into(),
        ApiError::CodeExpired => t.api_code_expired.into(),
        ApiError::TooManyAttempts { .. } => t.api_too_many_attempts.into(),
        ApiError::RateLimited { description, .. } => {
            if description.is_empty() {
                t.api_rate_limited.into()
            } else {
                described(t.api_rate_limited_described, description)
            }
        }
        ApiError::AlreadyEnrolled => t.api_already_enrolled.into(),
        ApiError::InsufficientScope(scope) => fill(t.api_insufficient_scope, &[("scope", scope)]),
        ApiError::InvalidPhoneNumber => t.api_invalid_phone.into(),
        ApiError::InvalidRequest(description) => described(t.api_invalid_request, description),
        ApiError::FactorDisabled(description) => described(t.api_factor_disabled, description),
        ApiError::NotFound => t.api_not_found.into(),
        ApiError::GrantNotEnabled(description) => described(t.api_grant_not_enabled, description),
        ApiError::OriginNotAllowed => t.api_origin_not_allowed.into(),
        ApiError::AccessDenied(description) => described(t.api_access_denied, description),
        ApiError::WrongAudience(description) => described(t.api_wrong_audience, description),
        ApiError::Network(why) => fill(t.api_network, &[("why", why)]),
        ApiError::DemoUnavailable(why) => fill(t.api_demo_unavailable, &[("why", why)]),
        ApiError::Unsupported => t.api_unsupported.into(),
        ApiError::Server { status } => fill(t.api_server, &[("status", &status.to_string())]),
        ApiError::Unexpected { status, detail } => fill(
            t.api_unexpected,
            &[("status", &status.to_string()), ("detail", detail)],
        ),
        ApiError::Other {
            status,
            error,
            description,
        } => {
            let status = status.to_string();
            if description.is_empty() {
                fill(t.api_other, &[("error", error), ("status", &status)])
            } else {
                fill(
                    t.api_other_described,
                    &[
                        ("description", description),
                        ("error", error),
                        ("status", &status),
                    ],
                )
            }
        }
    }
}

/// The likely cause and what to do, in the language of `t`.
pub fn api_hint(error: &ApiError, t: &Texts) -> Option<String> {
    let wait = |retry_after: &Option<u64>, otherwise: &str| match retry_after {
        Some(seconds) => fill(t.hint_try_again_in, &[("wait", &wait_text(*seconds, t))]),
        None => otherwise.to_owned(),
    };
    Some(match error {
        ApiError::SessionExpired => t.hint_session_expired.into(),
        ApiError::InvalidOtp => t.hint_invalid_otp.into(),
        ApiError::InvalidBindingCode => t.hint_invalid_binding_code.into(),
        ApiError::Rejected => t.hint_rejected.into(),
        ApiError::AuthorizationPending => t.hint_pending.into(),
        ApiError::SlowDown { retry_after } => wait(retry_after, t.hint_wait_seconds),
        ApiError::CodeExpired => t.hint_code_expired.into(),
        ApiError::TooManyAttempts { retry_after } => fill(
            t.hint_codes_blocked,
            &[("wait", &wait(retry_after, t.hint_wait_minutes))],
        ),
        ApiError::RateLimited { retry_after, .. } => {
            if error.is_enrollment_cap() {
                t.hint_too_many_enrollments.into()
            } else {
                wait(retry_after, t.hint_wait_minutes)
            }
        }
        ApiError::AlreadyEnrolled => t.hint_already_enrolled.into(),
        ApiError::InsufficientScope(_) => t.hint_insufficient_scope.into(),
        ApiError::InvalidPhoneNumber => t.hint_invalid_phone.into(),
        ApiError::FactorDisabled(_) => t.hint_factor_disabled.into(),
        ApiError::NotFound => t.hint_not_found.into(),
        ApiError::GrantNotEnabled(_) => t.hint_grant_not_enabled.into(),
        ApiError::OriginNotAllowed => t.hint_origin_not_allowed.into(),
        ApiError::AccessDenied(_) => t.hint_access_denied.into(),
        ApiError::WrongAudience(_) => t.hint_wrong_audience.into(),
        ApiError::Network(_) => t.hint_api_network.into(),
        ApiError::DemoUnavailable(_) => t.hint_demo_unavailable.into(),
        ApiError::Unsupported => t.hint_unsupported.into(),
        ApiError::Server { .. } => t.hint_server.into(),
        ApiError::Unexpected { .. } => t.hint_unexpected.into(),
        ApiError::InvalidRequest(_) | ApiError::Other { .. } => return None,
    })
}

/// A wait in words, rounded up so the user never retries too early: "40 seconds", "1 minute",
/// "6 minutes", "1 hour and 30 minutes", in the language of `t` (by the browser's `Intl`,
/// see [`crate::i18n::intl`]).
pub fn wait_text(seconds: u64, t: &Texts) -> String {
    crate::i18n::intl::wait(seconds, t.locale)
}

/// What is wrong with a typed phone number, in the language of `t`.
pub fn phone_problem(problem: &PhoneError, t: &Texts) -> String {
    match problem {
        PhoneError::Empty => t.phone_empty.into(),
        PhoneError::MissingCountryCode => t.phone_missing_country_code.into(),
        PhoneError::InvalidCharacter(c) => {
            fill(t.phone_invalid_character, &[("character", &c.to_string())])
        }
        PhoneError::TooShort => fill(t.phone_too_short, &[("digits", &MIN_DIGITS.to_string())]),
        PhoneError::TooLong => fill(t.phone_too_long, &[("digits", &MAX_DIGITS.to_string())]),
        PhoneError::CountryCodeStartsWithZero => t.phone_country_code_zero.into(),
    }
}

/// What is wrong with a typed code, in the language of `t`.
pub fn code_problem(problem: &CodeError, t: &Texts) -> String {
    let digits = CODE_DIGITS.to_string();
    match problem {
        CodeError::Empty => fill(t.code_empty, &[("digits", &digits)]),
        CodeError::NotDigits => t.code_not_digits.into(),
        CodeError::WrongLength(count) => fill(
            t.code_count,
            &[("digits", &digits), ("count", &count.to_string())],
        ),
    }
}

/// The row's title in the language of `t`: the name the user gave it, else `Phone ••••2046`,
/// `Push notifications on John's Device`, a passkey's provider. Tenant names are inserted as
/// they are.
pub fn row_title(row: &FactorRow, t: &Texts) -> String {
    if let Some(nickname) = &row.nickname {
        return nickname.clone();
    }
    let name = row.name.as_deref();
    let named = |plain: &str, template: &str, key: &str, value: &str| match name {
        Some(_) => fill(template, &[(key, value)]),
        None => plain.to_owned(),
    };
    match row.kind {
        FactorKind::AuthenticatorApp => t.title_app.to_owned(),
        FactorKind::Phone => named(
            t.title_phone,
            t.title_phone_named,
            "number",
            &name.map(short_phone).unwrap_or_default(),
        ),
        FactorKind::Email => named(
            t.title_email,
            t.title_email_named,
            "name",
            name.unwrap_or(""),
        ),
        FactorKind::Push => named(t.title_push, t.title_push_named, "name", name.unwrap_or("")),
        FactorKind::Passkey => passkey_provider(row).unwrap_or(t.title_passkey).to_owned(),
        FactorKind::RecoveryCode => t.title_recovery.to_owned(),
    }
}

/// The provider of a passkey row, when its AAGUID names a well-known one.
pub fn passkey_provider(row: &FactorRow) -> Option<&'static str> {
    row.passkey
        .as_ref()?
        .aaguid
        .as_deref()
        .and_then(provider_name)
}

/// The name to give a new passkey: its provider's, else "Passkey" and the device it was
/// made on.
pub fn new_passkey_name(aaguid: Option<&str>, user_agent: &str, t: &Texts) -> String {
    match (aaguid.and_then(provider_name), device_name(user_agent)) {
        (Some(provider), _) => provider.to_owned(),
        (None, Some(device)) => format!("{} ({device})", t.title_passkey),
        (None, None) => t.title_passkey.to_owned(),
    }
}

/// What the row's record says beyond its title, in the language of `t`, dates put into words
/// by `date`: a passkey's provider (when a name hides it), whether it is synced and the
/// device it was made on; when it was added and last used.
pub fn row_facts(row: &FactorRow, t: &Texts, date: &dyn Fn(&str) -> String) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(passkey) = &row.passkey {
        if let Some(provider) = passkey_provider(row).filter(|p| row_title(row, t) != *p) {
            facts.push(provider.to_owned());
        }
        facts.push(
            if passkey.synced {
                t.passkey_synced
            } else {
                t.passkey_device_only
            }
            .to_owned(),
        );
        if let Some(device) = passkey.user_agent.as_deref().and_then(device_name) {
            facts.push(fill(t.created_on_device, &[("device", &device)]));
        }
    }
    if let Some(created) = &row.created_at {
        facts.push(fill(t.added_on, &[("date", &date(created))]));
    }
    match &row.last_used_at {
        Some(used) => facts.push(fill(t.last_used, &[("date", &date(used))])),
        None if row.active && row.created_at.is_some() => facts.push(t.not_used_yet.to_owned()),
        None => {}
    }
    facts
}

/// The ways left after removing `row` (see [`ways_left`]) in the language of `t`: the
/// sentence "You will still be able to sign in with: …", or `None` when none is left.
pub fn ways_left_text(row: &FactorRow, rows: &[FactorRow], t: &Texts) -> Option<String> {
    let left: Vec<String> = ways_left(row, rows)
        .into_iter()
        .map(|r| row_title(r, t))
        .collect();
    (!left.is_empty()).then(|| {
        fill(
            t.still_sign_in_with,
            &[("methods", &left.join(t.list_separator))],
        )
    })
}

/// What the user types to confirm removing their last way in: the method's own name, or
/// the plain name of its kind (never a masked number or address).
pub fn confirm_word(row: &FactorRow, t: &Texts) -> String {
    if let Some(nickname) = &row.nickname {
        return nickname.clone();
    }
    match row.kind {
        FactorKind::AuthenticatorApp => t.title_app,
        FactorKind::Phone => t.title_phone,
        FactorKind::Email => t.title_email,
        FactorKind::Push => t.title_push,
        FactorKind::Passkey => passkey_provider(row).unwrap_or(t.title_passkey),
        FactorKind::RecoveryCode => t.title_recovery,
    }
    .to_owned()
}

/// How the row's method is used, in the language of `t`: `text message and voice call`.
pub fn row_detail(row: &FactorRow, t: &Texts) -> &'static str {
    match row.kind {
        FactorKind::AuthenticatorApp => t.detail_app,
        FactorKind::Phone => match (row.channels.sms, row.channels.voice) {
            (true, true) => t.detail_sms_and_voice,
            (true, false) => t.detail_sms,
            (false, true) => t.detail_voice,
            (false, false) => t.detail_phone,
        },
        FactorKind::Email => t.detail_email,
        FactorKind::Push => t.detail_push,
        FactorKind::Passkey => t.passkey_intro_short,
        FactorKind::RecoveryCode => t.detail_recovery,
    }
}

/// Why a row cannot be removed, in the language of `t`.
pub fn why_kept(why: WhyKept, t: &Texts) -> &'static str {
    match why {
        WhyKept::RecoveryCode => t.recovery_kept,
    }
}

/// Names exactly what removing `row` deletes, twin included: `Phone ••••2046 (text message
/// and voice call)`, `Push notifications on John's Device and its authenticator-app codes`.
pub fn removal_summary(row: &FactorRow, t: &Texts) -> String {
    let title = row_title(row, t);
    let what = match row.kind {
        FactorKind::Phone => fill(
            t.summary_phone,
            &[("title", &title), ("detail", row_detail(row, t))],
        ),
        FactorKind::Push => fill(t.summary_push, &[("title", &title)]),
        FactorKind::AuthenticatorApp
        | FactorKind::Email
        | FactorKind::Passkey
        | FactorKind::RecoveryCode => title,
    };
    if row.active {
        what
    } else {
        fill(t.summary_unfinished, &[("what", &what)])
    }
}

/// The warning to show before removing `row`, given all `rows` of the page (see
/// [`removal_warnings`]), in the language of `t`; `None` when there is nothing to warn about.
pub fn remove_warning(row: &FactorRow, rows: &[FactorRow], t: &Texts) -> Option<String> {
    let warnings = removal_warnings(row, rows);
    let mut sentences = Vec::new();
    if warnings.password_alone {
        sentences.push(t.warn_last.to_owned());
    }
    if !warnings.push_twins.is_empty() {
        let devices: Vec<String> = warnings
            .push_twins
            .iter()
            .map(|r| row_title(r, t))
            .collect();
        sentences.push(fill(t.warn_push_twin, &[("devices", &devices.join(t.or))]));
    }
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::en::EN;

    #[test]
    fn wait_text_reads_naturally() {
        assert_eq!(wait_text(0, &EN), "0 seconds");
        assert_eq!(wait_text(1, &EN), "1 second");
        assert_eq!(wait_text(40, &EN), "40 seconds");
        assert_eq!(wait_text(60, &EN), "1 minute");
        assert_eq!(wait_text(61, &EN), "2 minutes");
        assert_eq!(wait_text(360, &EN), "6 minutes");
        assert_eq!(wait_text(3600, &EN), "1 hour");
        assert_eq!(wait_text(5400, &EN), "1 hour 30 minutes");
        assert_eq!(wait_text(7260, &EN), "2 hours 1 minute");
        assert!(wait_text(u64::MAX, &EN).contains("hours"));
    }

    #[test]
    fn hints_name_the_fix() {
        let hint = |e: ApiError| api_hint(&e, &EN).unwrap_or_default();
        assert!(hint(ApiError::TooManyAttempts {
            retry_after: Some(360)
        })
        .contains("Try again in 6 minutes."));
        assert!(hint(ApiError::RateLimited {
            retry_after: Some(40),
            description: String::new()
        })
        .contains("in 40 seconds"));
        assert!(hint(ApiError::RateLimited {
            retry_after: None,
            description: "User has created the maximum amount of authenticators".into()
        })
        .contains("did not finish"));
        assert!(hint(ApiError::OriginNotAllowed).contains("Allowed Web Origins"));
        assert!(hint(ApiError::Network("Failed to fetch".into())).contains("Allowed Web Origins"));
        assert!(
            hint(ApiError::WrongAudience("invalid audience".into())).contains("canonical_domain")
        );
        assert!(hint(ApiError::GrantNotEnabled(String::new())).contains("Grant Types"));
        assert!(hint(ApiError::CodeExpired).contains("new code"));
        assert!(hint(ApiError::AccessDenied("x".into())).contains("verified email"));
        assert_eq!(api_hint(&ApiError::InvalidRequest("x".into()), &EN), None);
    }

    #[test]
    fn phone_problems_suggest_the_form() {
        let text = |problem: PhoneError| phone_problem(&problem, &EN);
        assert!(text(PhoneError::MissingCountryCode).contains("+1 415 555 2046"));
        assert!(text(PhoneError::InvalidCharacter('x')).contains("\u{201c}x\u{201d}"));
        assert!(text(PhoneError::TooShort).contains('8'));
        assert!(text(PhoneError::TooLong).contains("15"));
        assert!(text(PhoneError::CountryCodeStartsWithZero).contains("leading 0"));
    }

    #[test]
    fn code_problems_say_what_was_typed() {
        assert!(code_problem(&CodeError::WrongLength(5), &EN).contains("has 5"));
        assert!(code_problem(&CodeError::Empty, &EN).contains("6-digit"));
    }

    #[test]
    fn tenant_text_is_inserted_as_it_is() {
        let hostile = "<script>alert(1)</script>";
        assert!(api_message(&ApiError::InvalidRequest(hostile.into()), &EN).contains(hostile));
        assert!(api_message(&ApiError::AccessDenied(hostile.into()), &EN).contains(hostile));
    }
}
