//! Configuration mistakes, each naming its field and saying how to fix it.

use crate::i18n::en::EN;
use crate::i18n::{fill, Texts};
use std::fmt;

/// One problem found in the runtime configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// `config.json` could not be fetched (network error or non-200 status).
    Unavailable(LoadFailure),
    /// `config.json` is not valid JSON or has an unknown field / wrong type.
    NotJson(String),
    /// A required field is absent or blank.
    Missing(&'static str),
    /// A field has an unusable value.
    Invalid {
        /// The field's name in `config.json`.
        field: &'static str,
        /// What is wrong with it.
        problem: Problem,
    },
    /// `domain` is a custom domain but `canonical_domain` is not given.
    CustomDomainNeedsCanonical(String),
    /// `app_audience` names the MFA API instead of the site's own API.
    AppAudienceIsMfa(String, String),
}

/// What is wrong with a field's value; worded per language by the text tables.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// The value contains whitespace.
    HasSpaces,
    /// `mode` is neither `redirect` nor `popup`.
    UnknownMode(String),
    /// `api` is neither `mfa`, `my-account` nor `auto`.
    UnknownApi(String),
    /// `lang` is not a language tag; `supported` lists the languages offered.
    NotLanguageTag {
        /// The value given.
        value: String,
        /// The supported tags, quoted and comma separated.
        supported: String,
    },
    /// A domain with a scheme other than http(s).
    Scheme(String),
    /// Nothing after `https://`.
    EmptyAfterScheme,
    /// A domain with more than a host name in it.
    Contains(ExtraPart),
    /// No host name at all.
    NoHost,
    /// A domain using plain http on a host that is not loopback.
    HttpHost(String),
    /// A URL using plain http on a host that is not loopback.
    HttpUrl,
    /// A URL that is not absolute.
    NotAbsoluteUrl,
    /// Something that is not a URL.
    NotUrl,
    /// A host with a character host names do not have (`\\`, `%`, `;`, non-ASCII…), which a
    /// URL parser would read as a separator, decode or map to another host.
    NotInHost(char),
    /// A URL with a backslash or a control character, which a URL parser reads as `/` or drops.
    NotInUrl(char),
    /// A host that URL parsers read as another host than written (`127.1` is `127.0.0.1`).
    HostChanged {
        /// The host as written.
        written: String,
        /// The host as parsed.
        read: String,
    },
    /// Something after the host's colon that is not a port number.
    BadPort,
    /// A URL with `user@` before the host.
    UrlUserInfo,
    /// A path that resolves to another origin than the page's (`//evil.example`).
    LeavesSite(String),
}

/// What a domain setting has besides the host name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtraPart {
    /// `/…`
    Path,
    /// `?…`
    Query,
    /// `#…`
    Fragment,
    /// `user@`
    UserInfo,
    /// Whitespace.
    Spaces,
}

impl Problem {
    /// The problem in the language of `t` (completes "\"field\" …").
    pub fn text_in(&self, t: &Texts) -> String {
        match self {
            Problem::HasSpaces => t.problem_spaces.to_owned(),
            Problem::UnknownMode(value) => fill(t.problem_mode, &[("value", value)]),
            Problem::UnknownApi(value) => fill(t.problem_api, &[("value", value)]),
            Problem::NotLanguageTag { value, supported } => fill(
                t.problem_lang,
                &[("value", value), ("supported", supported)],
            ),
            Problem::Scheme(scheme) => fill(t.problem_scheme, &[("scheme", scheme)]),
            Problem::EmptyAfterScheme => t.problem_empty_after_scheme.to_owned(),
            Problem::Contains(part) => {
                let what = match part {
                    ExtraPart::Path => t.part_path,
                    ExtraPart::Query => t.part_query,
                    ExtraPart::Fragment => t.part_fragment,
                    ExtraPart::UserInfo => t.part_userinfo,
                    ExtraPart::Spaces => t.part_spaces,
                };
                fill(t.problem_contains, &[("what", what)])
            }
            Problem::NoHost => t.problem_no_host.to_owned(),
            Problem::HttpHost(host) => fill(t.problem_http_host, &[("host", host)]),
            Problem::HttpUrl => t.problem_url_http.to_owned(),
            Problem::NotAbsoluteUrl => t.problem_not_absolute.to_owned(),
            Problem::NotUrl => t.problem_not_url.to_owned(),
            Problem::NotInHost(c) => fill(t.problem_not_in_host, &[("char", &shown(*c))]),
            Problem::NotInUrl(c) => fill(t.problem_not_in_url, &[("char", &shown(*c))]),
            Problem::HostChanged { written, read } => fill(
                t.problem_host_changed,
                &[("written", written), ("read", read)],
            ),
            Problem::BadPort => t.problem_bad_port.to_owned(),
            Problem::UrlUserInfo => t.problem_url_userinfo.to_owned(),
            Problem::LeavesSite(origin) => fill(t.problem_leaves_site, &[("origin", origin)]),
        }
    }
}

/// A character as it can be read in a message: itself, or `U+0009` when it is invisible.
fn shown(c: char) -> String {
    if c.is_control() || c.is_whitespace() {
        format!("U+{:04X}", u32::from(c))
    } else {
        c.to_string()
    }
}

/// Why `config.json` could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadFailure {
    /// The request itself failed (offline, blocked); the browser's words.
    RequestFailed(String),
    /// HTTP 404.
    NotFound,
    /// Another non-success status.
    Status(u16),
    /// The body could not be read; the browser's words.
    ReadFailed(String),
    /// Not running in a browser window.
    NoWindow,
}

impl LoadFailure {
    /// The reason in the language of `t`.
    pub fn text_in(&self, t: &Texts) -> String {
        match self {
            LoadFailure::RequestFailed(detail) => {
                fill(t.load_request_failed, &[("detail", detail)])
            }
            LoadFailure::NotFound => t.load_not_found.to_owned(),
            LoadFailure::Status(status) => fill(t.load_status, &[("status", &status.to_string())]),
            LoadFailure::ReadFailed(detail) => fill(t.load_read_failed, &[("detail", detail)]),
            LoadFailure::NoWindow => t.load_no_window.to_owned(),
        }
    }
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
    /// The error in the language of `t` (values from the file or the browser stay as given).
    pub fn message_in(&self, t: &Texts) -> String {
        match self {
            ConfigError::Unavailable(why) => {
                fill(t.config_unavailable, &[("why", &why.text_in(t))])
            }
            ConfigError::NotJson(why) => fill(t.config_not_json, &[("why", why)]),
            ConfigError::Missing("domain") => t.config_missing_domain.to_owned(),
            ConfigError::Missing("client_id") => t.config_missing_client_id.to_owned(),
            ConfigError::Missing(field) => fill(t.config_missing, &[("field", field)]),
            ConfigError::Invalid { field, problem } => fill(
                t.config_invalid,
                &[("field", field), ("reason", &problem.text_in(t))],
            ),
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
