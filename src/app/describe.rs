//! The sign-in screens' words: what an [`AuthError`] means for the user and, where it helps,
//! the likely cause and fix — made here, next to the views, from the language they show.

use crate::auth::error::{CallbackFlaw, IdTokenFlaw, StorageFlaw};
use crate::auth::AuthError;
use crate::i18n::{fill, Texts};

/// One sentence saying what went wrong while signing in, in the language of `t`. Tenant
/// texts are inserted as they are.
pub fn auth_message(error: &AuthError, t: &Texts) -> String {
    match error {
        AuthError::MalformedCallback(flaw) => {
            fill(t.auth_malformed, &[("why", &flaw_text(flaw, t))])
        }
        AuthError::StateMismatch => t.auth_state.into(),
        AuthError::NoTransaction => t.auth_no_transaction.into(),
        AuthError::NonceMismatch => t.auth_nonce.into(),
        AuthError::IdToken(flaw) => fill(t.auth_id_token, &[("why", id_token_text(*flaw, t))]),
        AuthError::WrongIssuer { found } => fill(t.auth_wrong_issuer, &[("found", found)]),
        AuthError::Authorize { error, description } | AuthError::Token { error, description } => {
            if description.is_empty() {
                fill(t.auth_failed, &[("error", error)])
            } else {
                fill(
                    t.auth_failed_described,
                    &[("description", description), ("error", error)],
                )
            }
        }
        AuthError::Network(why) => fill(t.auth_network, &[("why", why)]),
        AuthError::UnexpectedResponse(why) => fill(t.auth_unexpected, &[("why", why)]),
        AuthError::PopupBlocked => t.auth_popup_blocked.into(),
        AuthError::PopupClosed => t.auth_popup_closed.into(),
        AuthError::Timeout => t.auth_timeout.into(),
        AuthError::Storage(flaw) => fill(t.auth_storage, &[("why", storage_text(*flaw, t))]),
        AuthError::Config(why) => fill(t.auth_config, &[("why", why)]),
        AuthError::NoRandomness => t.auth_no_randomness.into(),
        AuthError::Unavailable => t.part_unavailable.into(),
    }
}

/// The likely cause and what to do, in the language of `t`, when there is something useful
/// to say.
pub fn auth_hint(error: &AuthError, t: &'static Texts) -> Option<&'static str> {
    Some(match error {
        AuthError::StateMismatch
        | AuthError::NoTransaction
        | AuthError::MalformedCallback(_)
        | AuthError::WrongIssuer { .. } => t.hint_auth_forged,
        AuthError::IdToken(IdTokenFlaw::Expired) => t.hint_auth_clock,
        AuthError::Authorize { error, .. } => match error.as_str() {
            "login_required" | "interaction_required" => t.hint_auth_login_required,
            "consent_required" => t.hint_auth_consent,
            "access_denied" => t.hint_auth_service_not_found,
            _ => return None,
        },
        AuthError::Token { error, .. } => match error.as_str() {
            "unauthorized_client" => t.hint_grant_not_enabled,
            "access_denied" => t.hint_origin_not_allowed,
            "invalid_grant" => t.hint_auth_invalid_grant,
            _ => return None,
        },
        AuthError::Network(_) => t.hint_auth_network,
        AuthError::PopupBlocked => t.hint_auth_popup_blocked,
        AuthError::PopupClosed => t.hint_auth_popup_closed,
        AuthError::Timeout => t.hint_auth_timeout,
        AuthError::Storage(_) => t.hint_auth_storage,
        AuthError::NoRandomness => t.hint_auth_no_randomness,
        AuthError::Unavailable => t.hint_part_unavailable,
        AuthError::NonceMismatch
        | AuthError::IdToken(_)
        | AuthError::UnexpectedResponse(_)
        | AuthError::Config(_) => return None,
    })
}

/// What is wrong with an authorization answer, in the language of `t`.
pub fn flaw_text(flaw: &CallbackFlaw, t: &Texts) -> String {
    match flaw {
        CallbackFlaw::Repeated(name) => fill(t.flaw_repeated, &[("name", name)]),
        CallbackFlaw::CodeWithoutState => t.flaw_code_without_state.to_owned(),
        CallbackFlaw::StateOnly => t.flaw_state_only.to_owned(),
        CallbackFlaw::EmptyMessage => t.flaw_empty_message.to_owned(),
    }
}

/// Why sessionStorage cannot be used, in the language of `t`.
pub fn storage_text(flaw: StorageFlaw, t: &Texts) -> &'static str {
    match flaw {
        StorageFlaw::NoWindow => t.storage_no_window,
        StorageFlaw::Blocked => t.storage_blocked,
        StorageFlaw::Unavailable => t.storage_unavailable,
        StorageFlaw::Full => t.storage_full,
    }
}

/// What is wrong with the ID token, in the language of `t`.
pub fn id_token_text(flaw: IdTokenFlaw, t: &Texts) -> &'static str {
    match flaw {
        IdTokenFlaw::Malformed => t.id_token_malformed,
        IdTokenFlaw::Audience => t.id_token_audience,
        IdTokenFlaw::AuthorizedParty => t.id_token_azp,
        IdTokenFlaw::Expired => t.id_token_expired,
    }
}
