//! The tenant origin (`scheme://host[:port]`) parsed from the `domain` settings.

use super::error::{ExtraPart, Problem};
use super::parsed_url::HostKind;
use super::web_url;
use super::ConfigError;

/// An origin of the Auth0 tenant, e.g. `https://acme.us.auth0.com` or, for the local
/// emulator, `http://127.0.0.1:4000`. Never ends with a slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantOrigin {
    origin: String,
    host: String,
    custom: bool,
}

/// Origin used by demo mode, which never touches the network.
const DEMO_ORIGIN: &str = "https://demo.mfa-manager.invalid";

impl TenantOrigin {
    /// Parses `acme.us.auth0.com`, `https://login.acme.com` or `http://127.0.0.1:4000`
    /// (a trailing slash is tolerated) as a URL parser reads it. `http` is accepted only for
    /// loopback hosts; a host the parser would read differently from how it is written is
    /// refused (see [`web_url`]).
    pub fn parse(field: &'static str, value: &str) -> Result<Self, ConfigError> {
        let invalid = |problem: Problem| ConfigError::Invalid { field, problem };
        let value = value.trim();
        let (scheme, rest) = match value.split_once("://") {
            Some((s, rest)) if s.eq_ignore_ascii_case("https") => ("https", rest),
            Some((s, rest)) if s.eq_ignore_ascii_case("http") => ("http", rest),
            Some((other, _)) => return Err(invalid(Problem::Scheme(other.to_owned()))),
            None => ("https", value),
        };
        let rest = rest.trim_end_matches('/');
        if rest.is_empty() {
            return Err(invalid(Problem::EmptyAfterScheme));
        }
        if let Some(bad) = rest
            .chars()
            .find(|c| "/?#@".contains(*c) || c.is_whitespace())
        {
            let part = match bad {
                '/' => ExtraPart::Path,
                '?' => ExtraPart::Query,
                '#' => ExtraPart::Fragment,
                '@' => ExtraPart::UserInfo,
                _ => ExtraPart::Spaces,
            };
            return Err(invalid(Problem::Contains(part)));
        }
        let url = web_url::parse_absolute(&format!("{scheme}://{rest}")).map_err(invalid)?;
        if !web_url::is_secure(&url) {
            return Err(invalid(Problem::HttpHost(url.host.clone())));
        }
        let is_tenant = match url.host_kind() {
            HostKind::Domain(name) => name.ends_with(".auth0.com"),
            ip => web_url::is_loopback_ip(ip),
        };
        Ok(TenantOrigin {
            custom: !is_tenant,
            origin: url.origin,
            host: url.host,
        })
    }

    /// The origin used by demo mode.
    pub fn demo() -> Self {
        TenantOrigin {
            origin: DEMO_ORIGIN.to_owned(),
            host: DEMO_ORIGIN["https://".len()..].to_owned(),
            custom: false,
        }
    }

    /// `scheme://host[:port]`, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.origin
    }

    /// The host without scheme or port (an IPv6 address in brackets).
    pub fn host(&self) -> &str {
        &self.host
    }

    /// True when the host is not the tenant's own domain: not `*.auth0.com` and not a loopback
    /// IP. `localhost` counts as custom because the emulator treats it as the custom domain.
    pub fn is_custom_domain(&self) -> bool {
        self.custom
    }
}
