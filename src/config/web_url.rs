//! Configured addresses read the way the browser reads them.
//!
//! The `url` crate implements the same (WHATWG) parser as the browser, so it decides the scheme
//! and the host, and every rule (https, loopback, tenant or custom domain, same site) is checked
//! on the parsed parts. A value the parser would read as another host than a person reads it
//! (a backslash or a tab the parser treats as a separator or drops, `user@`, `%2e`, `127.1`)
//! is refused with what is wrong, instead of being silently rewritten.

use super::error::Problem;
use url::{Host, ParseError, Position, Url};

/// Parses an absolute URL with a host (`scheme://host[:port][/…]`) and checks that the host
/// the parser reads is the one written. The scheme is not restricted here: see [`is_secure`].
pub(super) fn parse_absolute(value: &str) -> Result<Url, Problem> {
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
    let url = Url::parse(value).map_err(|e| match e {
        ParseError::EmptyHost => Problem::NoHost,
        ParseError::InvalidPort => Problem::BadPort,
        _ => Problem::NotUrl,
    })?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(Problem::UrlUserInfo);
    }
    let read = url.host_str().ok_or(Problem::NoHost)?;
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
pub(super) fn resolve_on_site(page_url: &str, path: &str) -> Result<Url, Problem> {
    if path.chars().any(char::is_whitespace) {
        return Err(Problem::HasSpaces);
    }
    if let Some(c) = path.chars().find(|c| c.is_control() || *c == '\\') {
        return Err(Problem::NotInUrl(c));
    }
    let page = Url::parse(page_url).map_err(|_| Problem::NotAbsoluteUrl)?;
    let origin = origin_of(&page);
    let target = if path.starts_with("//") {
        // Scheme-relative: the page's scheme, then another host.
        Url::parse(&format!("{}:{path}", page.scheme()))
    } else {
        Url::parse(&format!("{origin}{path}"))
    }
    .map_err(|_| Problem::NotUrl)?;
    if origin_of(&target) != origin {
        return Err(Problem::LeavesSite(origin_of(&target).to_owned()));
    }
    Ok(target)
}

/// `scheme://host[:port]` of a parsed URL (the parser has dropped a default port).
pub(super) fn origin_of(url: &Url) -> &str {
    &url[..Position::AfterPort]
}

/// `https`, or `http` to a loopback host (local development only).
pub(super) fn is_secure(url: &Url) -> bool {
    match url.scheme() {
        "https" => true,
        "http" => url.host().is_some_and(|host| is_loopback(&host)),
        _ => false,
    }
}

/// A loopback address (`127.0.0.0/8`, `::1`) or the name `localhost`; names that merely start
/// like one (`127.0.0.1.nip.io`, `localhost.example`) are other hosts.
pub(super) fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Domain(name) => *name == "localhost",
        Host::Ipv4(address) => address.is_loopback(),
        Host::Ipv6(address) => address.is_loopback(),
    }
}

/// A loopback IP address, which the tenant emulator answers on as the tenant's own domain.
pub(super) fn is_loopback_ip(host: &Host<&str>) -> bool {
    !matches!(host, Host::Domain(_)) && is_loopback(host)
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
        Some(port) if !port.bytes().all(|b| b.is_ascii_digit()) => Err(Problem::BadPort),
        None if host.len() < authority.len() => Err(Problem::BadPort),
        _ => Ok(host),
    }
}
