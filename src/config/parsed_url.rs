//! A URL as the WHATWG URL parser reads it, in the few parts the configuration checks look at.
//!
//! In the browser the parser is the browser's own (`URL`), so the page carries no parser of
//! its own on its first screen; elsewhere (native tests) it is the `url` crate, which
//! implements the same standard. The configuration tests run on both (`tests/config_urls.rs`
//! in the browser), so the two cannot drift apart unnoticed.

use std::net::{Ipv4Addr, Ipv6Addr};

/// The parts of a parsed URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedUrl {
    /// The scheme, lower case, without `:`.
    pub scheme: String,
    /// The host as the parser serialises it (IPv6 in brackets); empty when there is none.
    pub host: String,
    /// `scheme://host[:port]`, the default port dropped.
    pub origin: String,
    /// The path.
    pub path: String,
    /// Whether a user name or password is present.
    pub has_user_info: bool,
    /// The whole URL, serialised.
    pub href: String,
}

/// What kind of host a URL names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostKind<'a> {
    /// A domain name.
    Domain(&'a str),
    /// An IPv4 address.
    Ipv4(Ipv4Addr),
    /// An IPv6 address.
    Ipv6(Ipv6Addr),
}

impl ParsedUrl {
    /// The kind of the host (a serialised IP address parses back; anything else is a name).
    pub fn host_kind(&self) -> HostKind<'_> {
        if let Some(inner) = self
            .host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
        {
            if let Ok(address) = inner.parse() {
                return HostKind::Ipv6(address);
            }
        }
        match self.host.parse() {
            Ok(address) => HostKind::Ipv4(address),
            Err(_) => HostKind::Domain(&self.host),
        }
    }
}

/// Parses an absolute URL; `None` when the parser refuses it.
#[cfg(target_arch = "wasm32")]
pub fn parse(input: &str) -> Option<ParsedUrl> {
    let url = web_sys::Url::new(input).ok()?;
    let scheme = url.protocol().trim_end_matches(':').to_owned();
    let host = url.hostname();
    // The browser's `origin` is "null" for schemes without one; build it as the crate does.
    let origin = if host.is_empty() {
        String::new()
    } else {
        format!("{scheme}://{}", url.host())
    };
    Some(ParsedUrl {
        scheme,
        host,
        origin,
        path: url.pathname(),
        has_user_info: !url.username().is_empty() || !url.password().is_empty(),
        href: url.href(),
    })
}

/// Parses an absolute URL; `None` when the parser refuses it.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(input: &str) -> Option<ParsedUrl> {
    let url = url::Url::parse(input).ok()?;
    let host = url.host_str().unwrap_or_default().to_owned();
    let origin = if host.is_empty() {
        String::new()
    } else {
        url[..url::Position::AfterPort].to_owned()
    };
    Some(ParsedUrl {
        scheme: url.scheme().to_owned(),
        host,
        origin,
        path: url.path().to_owned(),
        has_user_info: !url.username().is_empty() || url.password().is_some(),
        href: url.into(),
    })
}
