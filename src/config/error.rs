//! Configuration mistakes, each naming its field and saying how to fix it.

use crate::i18n::en::EN;
use crate::i18n::{fill, Texts};
use std::fmt;

/// One problem found in the runtime configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// `config.json` could not be fetched (network error or non-200 status).
    Unavailable(String),
    /// `config.json` is not valid JSON or has an unknown field / wrong type.
    NotJson(String),
    /// A required field is absent or blank.
    Missing(&'static str),
    /// A field has an unusable value.
    Invalid {
        /// The field's name in `config.json`.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// `domain` is a custom domain but `canonical_domain` is not given.
    CustomDomainNeedsCanonical(String),
    /// `app_audience` names the MFA API instead of the site's own API.
    AppAudienceIsMfa(String, String),
}

impl ConfigError {
    /// The `config.json` field this error is about, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            ConfigError::Unavailable(_) | ConfigError::NotJson(_) => None,
            ConfigError::Missing(field) | ConfigError::Invalid { field, .. } => Some(field),
            ConfigError::CustomDomainNeedsCanonical(_) => Some("canonical_domain"),
            ConfigError::AppAudienceIsMfa(..) => Some("app_audience"),
        }
    }
}

impl ConfigError {
    /// The error in the language of `t`. The reasons of [`ConfigError::Invalid`] and the
    /// loading failures are kept as written when the error was found.
    pub fn message_in(&self, t: &Texts) -> String {
        match self {
            ConfigError::Unavailable(why) => fill(t.config_unavailable, &[("why", why)]),
            ConfigError::NotJson(why) => fill(t.config_not_json, &[("why", why)]),
            ConfigError::Missing("domain") => t.config_missing_domain.to_owned(),
            ConfigError::Missing("client_id") => t.config_missing_client_id.to_owned(),
            ConfigError::Missing(field) => fill(t.config_missing, &[("field", field)]),
            ConfigError::Invalid { field, reason } => {
                fill(t.config_invalid, &[("field", field), ("reason", reason)])
            }
            ConfigError::CustomDomainNeedsCanonical(host) => {
                fill(t.config_needs_canonical, &[("host", host)])
            }
            ConfigError::AppAudienceIsMfa(audience, canonical) => fill(
                t.config_audience_is_mfa,
                &[("audience", audience), ("canonical", canonical)],
            ),
        }
    }
}

/// English, as [`ConfigError::message_in`] with the English table.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(&EN))
    }
}

impl std::error::Error for ConfigError {}
