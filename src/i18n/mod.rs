//! Every user-facing text in one place per language: [`en`](en::EN) (the reference),
//! [`de`](de::DE) and a small Arabic table ([`ar`](ar::AR)) that exercises right-to-left
//! layout and falls back to English for the keys it does not translate.
//!
//! A [`Texts`] table holds plain strings; parameterised texts name their placeholders in
//! braces (`"We sent a code to {to}."`) and are filled with [`fill`]. Tenant-provided text
//! (error descriptions, device names) is only ever passed in as a placeholder value, never
//! looked up or translated.

pub mod ar;
pub mod de;
pub mod en;

/// Declares [`Texts`] with one `&'static str` field per key, and [`Texts::entries`].
macro_rules! texts {
    ($($key:ident),* $(,)?) => {
        /// The interface texts of one language, one field per key.
        #[derive(Debug)]
        pub struct Texts {
            $(
                #[doc = concat!("The `", stringify!($key), "` text.")]
                pub $key: &'static str,
            )*
        }

        impl Texts {
            /// Every key with its text, in declaration order (used by the table tests).
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

texts!(
    heading,
    loading,
    checking_sign_in,
    signed_out_title,
    signed_out_intro,
    sign_in_at,
    sign_in,
    sign_in_again,
    config_error_event,
    config_error_title,
    config_error_intro,
    config_error_hint,
    needs_click_title,
    continue_,
    finished_title,
    finished_text,
    signed_in_title,
    done,
    session_left,
    session_ends,
    stay_signed_in,
    session_ended_renewing,
    session_ended_after,
    asked_to_stay,
    session_expired_reason,
    finishing_sign_in,
    waiting_for_window,
    taking_you_to_sign_in,
    returning_to_app,
    address_refused,
    session_renewed,
    renewed_by_sign_in,
    renew_needs_sign_in,
    demo_done,
    fallback,
    fallback_timeout,
    fallback_interaction,
    demo_title,
    demo_intro,
    demo_empty,
    demo_sms,
    demo_voice,
    demo_email,
    demo_push,
    demo_to,
    demo_code,
    approve,
    reject,
    loading_methods,
    no_methods,
    methods_label,
    add_group_label,
    add_app,
    add_phone,
    add_email,
    add_push,
    status_active,
    status_pending,
    finish_setup,
    remove,
    try_again,
    cancel,
    copy,
    copied,
    added,
    changed_elsewhere,
    title_app,
    title_phone,
    title_phone_named,
    title_email,
    title_email_named,
    title_push,
    title_push_named,
    title_recovery,
    detail_app,
    detail_sms_and_voice,
    detail_sms,
    detail_voice,
    detail_phone,
    detail_email,
    detail_push,
    detail_recovery,
    recovery_kept,
    summary_phone,
    summary_push,
    summary_unfinished,
    warn_last,
    warn_push_twin,
    or,
    remove_title,
    removes,
    removing,
    removed,
    code_label,
    verify,
    verifying,
    code_empty,
    code_not_digits,
    code_count,
    add_app_title,
    preparing_key,
    scan_app,
    qr_app_label,
    open_in_app,
    or_type_key,
    cant_scan,
    key_account,
    key_issuer,
    key_type,
    key_time_based,
    key_algorithm,
    key_digits,
    key_interval,
    key_interval_seconds,
    otp_help,
    clock_hint,
    qr_failed,
    add_phone_title,
    phone_label,
    phone_help,
    add_email_title,
    email_label,
    email_help,
    email_invalid,
    how_to_send,
    channel_sms,
    channel_voice,
    send_code,
    sending,
    code_sent,
    oob_help,
    send_new_code,
    send_new_code_in,
    change_phone,
    change_email,
    phone_empty,
    phone_missing_country_code,
    phone_invalid_character,
    phone_too_short,
    phone_too_long,
    phone_country_code_zero,
    add_push_title,
    preparing_enrollment,
    scan_guardian,
    qr_guardian_label,
    waiting_for_approval,
    push_declined,
    recovery_title,
    recovery_intro,
    download,
    recovery_file,
    recovery_saved,
    auth_malformed,
    auth_state,
    auth_no_transaction,
    auth_nonce,
    auth_failed,
    auth_failed_described,
    auth_network,
    auth_unexpected,
    auth_popup_blocked,
    auth_popup_closed,
    auth_timeout,
    auth_no_randomness,
    auth_storage,
    auth_config,
    hint_auth_forged,
    hint_auth_login_required,
    hint_auth_consent,
    hint_auth_service_not_found,
    hint_grant_not_enabled,
    hint_origin_not_allowed,
    hint_auth_invalid_grant,
    hint_auth_network,
    hint_auth_popup_blocked,
    hint_auth_popup_closed,
    hint_auth_timeout,
    hint_auth_no_randomness,
    hint_auth_storage,
    api_session_expired,
    api_invalid_otp,
    api_invalid_binding_code,
    api_rejected,
    api_pending,
    api_slow_down,
    api_code_expired,
    api_too_many_attempts,
    api_rate_limited,
    api_rate_limited_described,
    api_already_enrolled,
    api_insufficient_scope,
    api_invalid_phone,
    api_invalid_request,
    api_factor_disabled,
    api_not_found,
    api_grant_not_enabled,
    api_origin_not_allowed,
    api_access_denied,
    api_wrong_audience,
    api_network,
    api_demo_unavailable,
    api_server,
    api_unexpected,
    api_other,
    api_other_described,
    hint_try_again_in,
    hint_session_expired,
    hint_invalid_otp,
    hint_invalid_binding_code,
    hint_rejected,
    hint_pending,
    hint_code_expired,
    hint_wait_seconds,
    hint_codes_blocked,
    hint_wait_minutes,
    hint_too_many_enrollments,
    hint_already_enrolled,
    hint_insufficient_scope,
    hint_invalid_phone,
    hint_factor_disabled,
    hint_not_found,
    hint_access_denied,
    hint_wrong_audience,
    hint_api_network,
    hint_demo_unavailable,
    hint_server,
    hint_unexpected,
    second,
    seconds,
    minute,
    minutes,
    hour,
    hours,
    config_unavailable,
    config_not_json,
    config_missing_domain,
    config_missing_client_id,
    config_missing,
    config_invalid,
    flaw_repeated,
    flaw_code_without_state,
    flaw_state_only,
    flaw_empty_message,
    storage_no_window,
    storage_blocked,
    storage_unavailable,
    storage_full,
    problem_spaces,
    problem_mode,
    problem_lang,
    problem_scheme,
    problem_empty_after_scheme,
    problem_contains,
    part_path,
    part_query,
    part_fragment,
    part_userinfo,
    part_spaces,
    problem_no_host,
    problem_http_host,
    problem_url_http,
    problem_not_absolute,
    problem_not_url,
    load_request_failed,
    load_not_found,
    load_status,
    load_read_failed,
    load_no_window,
    config_needs_canonical,
    config_audience_is_mfa,
);

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default and the fallback).
    #[default]
    En,
    /// German.
    De,
    /// Arabic: a few keys only, to check right-to-left layout; the rest is English.
    Ar,
}

/// The language tags accepted by [`Lang::parse`], as listed in errors and the README.
pub const SUPPORTED: &[&str] = &["en", "de", "ar"];

impl Lang {
    /// Every language, in [`SUPPORTED`] order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Ar];

    /// The language of a BCP 47 tag by its primary subtag, case-insensitively: `de`,
    /// `de-CH` and `DE` are German. `None` for languages this page does not have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// True when `tag` has the shape of a language tag (letters, digits and `-`, starting
    /// with 2 to 8 letters), whether or not this page has that language.
    pub fn is_well_formed(tag: &str) -> bool {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        (2..=8).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    }

    /// The tag set as the root element's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction, for the root element's `dir` attribute: `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En | Lang::De => "ltr",
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::EN,
            Lang::De => &de::DE,
            Lang::Ar => &ar::AR,
        }
    }
}

/// The texts of the language provided as context by the app (English outside it).
pub fn texts() -> &'static Texts {
    leptos::prelude::use_context::<Lang>()
        .unwrap_or_default()
        .texts()
}

/// Replaces each `{name}` of `template` by its value. Values are inserted as they are, so
/// tenant text stays data.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text before and after the one placeholder `{name}` of `template`, for texts that wrap
/// markup (`"You will sign in at {host}."` around `<strong>`).
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    template
        .split_once(placeholder.as_str())
        .unwrap_or((template, ""))
}

#[cfg(test)]
mod tests;
