//! The tenant origin (`scheme://host[:port]`) parsed from the `domain` settings.

use super::error::{ExtraPart, Problem};
use super::ConfigError;

/// An origin of the Auth0 tenant, e.g. `https://acme.us.auth0.com` or, for the local
/// emulator, `http://127.0.0.1:4000`. Never ends with a slash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TenantOrigin {
    origin: String,
    host_start: usize,
}

/// Origin used by demo mode, which never touches the network.
const DEMO_ORIGIN: &str = "https://demo.mfa-manager.invalid";

impl TenantOrigin {
    /// Parses `acme.us.auth0.com`, `https://login.acme.com` or `http://127.0.0.1:4000`
    /// (a trailing slash is tolerated). `http` is accepted only for loopback hosts.
    pub fn parse(field: &'static str, value: &str) -> Result<Self, ConfigError> {
        let invalid = |problem: Problem| ConfigError::Invalid { field, problem };
        let value = value.trim().trim_end_matches('/');
        let (scheme, rest) = match value.split_once("://") {
            Some((s @ ("https" | "http"), rest)) => (s, rest),
            Some((other, _)) => return Err(invalid(Problem::Scheme(other.to_owned()))),
            None => ("https", value),
        };
        if rest.is_empty() {
            return Err(invalid(Problem::EmptyAfterScheme));
        }
        if let Some(bad) = rest.chars().find(|c| "/?#@ \t".contains(*c)) {
            let part = match bad {
                '/' => ExtraPart::Path,
                '?' => ExtraPart::Query,
                '#' => ExtraPart::Fragment,
                '@' => ExtraPart::UserInfo,
                _ => ExtraPart::Spaces,
            };
            return Err(invalid(Problem::Contains(part)));
        }
        let host = host_of(rest);
        if host.is_empty() {
            return Err(invalid(Problem::NoHost));
        }
        if scheme == "http" && !is_loopback(host) {
            return Err(invalid(Problem::HttpHost(host.to_owned())));
        }
        Ok(TenantOrigin {
            origin: format!("{scheme}://{}", rest.to_ascii_lowercase()),
            host_start: scheme.len() + 3,
        })
    }

    /// The origin used by demo mode.
    pub fn demo() -> Self {
        TenantOrigin {
            origin: DEMO_ORIGIN.to_owned(),
            host_start: "https://".len(),
        }
    }

    /// `scheme://host[:port]`, without a trailing slash.
    pub fn as_str(&self) -> &str {
        &self.origin
    }

    /// The host without scheme or port.
    pub fn host(&self) -> &str {
        host_of(&self.origin[self.host_start..])
    }

    /// True when the host is not the tenant's own domain: not `*.auth0.com` and not a loopback
    /// IP. `localhost` counts as custom because the emulator treats it as the custom domain.
    pub fn is_custom_domain(&self) -> bool {
        let host = self.host();
        let is_tenant = host.ends_with(".auth0.com") || host == "127.0.0.1" || host == "[::1]";
        !is_tenant && self.origin != DEMO_ORIGIN
    }
}

/// The host part of `host[:port][/path…]` (IPv6 literals keep their brackets).
pub(super) fn host_of(rest: &str) -> &str {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.starts_with('[') {
        return authority.split_inclusive(']').next().unwrap_or("");
    }
    authority.split(':').next().unwrap_or("")
}

/// Hosts for which plain http is acceptable (local development only).
pub(super) fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "[::1]") || host.starts_with("127.")
}
