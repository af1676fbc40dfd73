//! Configuration mistakes, each naming its field and saying how to fix it.

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

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Unavailable(why) => write!(f, "config.json could not be loaded: {why}."),
            ConfigError::NotJson(why) => write!(f, "config.json is not valid: {why}."),
            ConfigError::Missing("domain") => f.write_str(
                "\"domain\" is missing: set it to your Auth0 domain, e.g. \"acme.us.auth0.com\".",
            ),
            ConfigError::Missing("client_id") => f.write_str(
                "\"client_id\" is missing: copy the Client ID of your Single Page Application \
                 from the Auth0 dashboard (Applications → your app → Settings).",
            ),
            ConfigError::Missing(field) => write!(f, "\"{field}\" is missing."),
            ConfigError::Invalid { field, reason } => write!(f, "\"{field}\" {reason}."),
            ConfigError::CustomDomainNeedsCanonical(host) => write!(
                f,
                "\"canonical_domain\" is missing: \"domain\" ({host}) looks like a custom domain, \
                 but the MFA API audience always uses the tenant's own domain \
                 (e.g. \"acme.us.auth0.com\"). Set \"canonical_domain\" to it."
            ),
            ConfigError::AppAudienceIsMfa(aud, canonical) => write!(
                f,
                "\"app_audience\" ({aud}) is the MFA API; set it to your own API's identifier. \
                 mfa-manager requests {canonical}/mfa/ by itself."
            ),
        }
    }
}

impl std::error::Error for ConfigError {}
