//! Configured addresses read the way the browser reads them.
//!
//! The WHATWG URL parser (the browser's own, see [`parsed_url`](super::parsed_url)) decides the
//! scheme and the host, and every rule (https, loopback, tenant or custom domain, same site) is
//! checked on the parsed parts. A value the parser would read as another host than a person reads it
//! (a backslash or a tab the parser treats as a separator or drops, `user@`, `%2e`, `127.1`)
//! is refused with what is wrong, instead of being silently rewritten.

use super::error::Problem;
use super::parsed_url::{self, HostKind, ParsedUrl};

/// Parses an absolute URL with a host (`scheme://host[:port][/…]`) and checks that the host
/// the parser reads is the one written. The scheme is not restricted here: see [`is_secure`].
pub(super) fn parse_absolute(value: &str) -> Result<ParsedUrl, Problem> {
    if value.chars().any(char::is_whitespace) {
        return Err(Problem::HasSpaces);
    }
    let unsafe_char = |text: &str| text.chars().find(|c| c.is_control() || *c == '\\');
    let Some((_, rest)) = value
        .split_once("://")
        .filter(|(scheme, _)| is_scheme(scheme))
    else {
        return Err(unsafe_char(value).map_or(Problem::NotAbsoluteUrl, Problem::NotInUrl));
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if authority.contains('@') {
        return Err(Problem::UrlUserInfo);
    }
    let written = written_host(authority)?;
    if let Some(c) = unsafe_char(tail) {
        return Err(Problem::NotInUrl(c));
    }
    let url = parsed_url::parse(value).ok_or(Problem::NotUrl)?;
    if url.has_user_info {
        return Err(Problem::UrlUserInfo);
    }
    let read = Some(url.host.as_str())
        .filter(|h| !h.is_empty())
        .ok_or(Problem::NoHost)?;
    if !read.eq_ignore_ascii_case(written) {
        return Err(Problem::HostChanged {
            written: written.to_owned(),
            read: read.to_owned(),
        });
    }
    Ok(url)
}

/// Resolves a path such as `/home` against the page's own URL; refused unless it stays on
/// the page's origin (`//evil.example` and `///evil.example` name another host).
pub(super) fn resolve_on_site(page_url: &str, path: &str) -> Result<ParsedUrl, Problem> {
    if path.chars().any(char::is_whitespace) {
        return Err(Problem::HasSpaces);
    }
    if let Some(c) = path.chars().find(|c| c.is_control() || *c == '\\') {
        return Err(Problem::NotInUrl(c));
    }
    let page = parsed_url::parse(page_url).ok_or(Problem::NotAbsoluteUrl)?;
    let target = if path.starts_with("//") {
        // Scheme-relative: the page's scheme, then another host.
        parsed_url::parse(&format!("{}:{path}", page.scheme))
    } else {
        parsed_url::parse(&format!("{}{path}", page.origin))
    }
    .ok_or(Problem::NotUrl)?;
    if target.origin != page.origin {
        return Err(Problem::LeavesSite(target.origin));
    }
    Ok(target)
}

/// `https`, or `http` to a loopback host (local development only).
pub(super) fn is_secure(url: &ParsedUrl) -> bool {
    match url.scheme.as_str() {
        "https" => true,
        "http" => is_loopback(url.host_kind()),
        _ => false,
    }
}

/// A loopback address (`127.0.0.0/8`, `::1`) or the name `localhost`; names that merely start
/// like one (`127.0.0.1.nip.io`, `localhost.example`) are other hosts.
pub(super) fn is_loopback(host: HostKind<'_>) -> bool {
    match host {
        HostKind::Domain(name) => name == "localhost",
        HostKind::Ipv4(address) => address.is_loopback(),
        HostKind::Ipv6(address) => address.is_loopback(),
    }
}

/// A loopback IP address, which the tenant emulator answers on as the tenant's own domain.
pub(super) fn is_loopback_ip(host: HostKind<'_>) -> bool {
    !matches!(host, HostKind::Domain(_)) && is_loopback(host)
}

/// A scheme as RFC 3986 spells it: a letter, then letters, digits, `+`, `-`, `.`.
fn is_scheme(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

/// The host as written in `host[:port]`, when it has only characters a host name or an IPv6
/// literal may have (ASCII letters, digits, `-`, `.`, `_`; hex digits, `:` and `.` in brackets)
/// and the port, if any, is digits.
fn written_host(authority: &str) -> Result<&str, Problem> {
    let (host, allowed): (&str, fn(char) -> bool) = if authority.starts_with('[') {
        let end = authority.find(']').map_or(authority.len(), |i| i + 1);
        (&authority[..end], |c| {
            c.is_ascii_hexdigit() || ":.[]".contains(c)
        })
    } else {
        let end = authority.find(':').unwrap_or(authority.len());
        (&authority[..end], |c| {
            c.is_ascii_alphanumeric() || "-._".contains(c)
        })
    };
    if let Some(c) = host.chars().find(|c| !allowed(*c)) {
        return Err(Problem::NotInHost(c));
    }
    if host.is_empty() {
        return Err(Problem::NoHost);
    }
    match authority[host.len()..].strip_prefix(':') {
        Some(port) if !port.is_empty() && port.parse::<u16>().is_err() => Err(Problem::BadPort),
        None if host.len() < authority.len() => Err(Problem::BadPort),
        _ => Ok(host),
    }
}
