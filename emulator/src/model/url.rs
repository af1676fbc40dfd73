//! The few URL operations the tenant needs: origins, percent-encoding, query building.

/// The origin (`scheme://host[:port]`) of an absolute `http`/`https` URL, lower-cased.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let default_port = if scheme == "http" { ":80" } else { ":443" };
    let authority = authority.strip_suffix(default_port).unwrap_or(&authority);
    Some(format!("{scheme}://{authority}"))
}

/// Whether `origin` matches an Allowed Web Origins entry: exact scheme+host+port, or a
/// `*.` subdomain wildcard. Entries with a path or a trailing slash never match.
pub fn origin_matches(entry: &str, origin: &str) -> bool {
    let Some((entry_scheme, entry_host)) = entry.split_once("://") else {
        return false;
    };
    if entry_host.contains(['/', '?', '#']) {
        return false;
    }
    if entry.eq_ignore_ascii_case(origin) {
        return true;
    }
    let Some(suffix) = entry_host.strip_prefix("*.") else {
        return false;
    };
    let Some((scheme, host)) = origin.split_once("://") else {
        return false;
    };
    scheme.eq_ignore_ascii_case(entry_scheme)
        && host.len() > suffix.len() + 1
        && host
            .to_ascii_lowercase()
            .ends_with(&format!(".{}", suffix.to_ascii_lowercase()))
        && !host[..host.len() - suffix.len() - 1].contains('.')
}

/// Percent-encodes everything but RFC 3986 unreserved characters (spaces become `%20`).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (a path segment: `+` stays as it is); `None` for a broken escape or
/// bytes that are not UTF-8.
pub fn decode_component(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = value.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `a=1&b=2` from pairs, each value percent-encoded.
pub fn encode_pairs(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins() {
        assert_eq!(
            origin_of("http://127.0.0.1:8080/cb?x=1").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            origin_of("https://App.Example.com").as_deref(),
            Some("https://app.example.com")
        );
        assert_eq!(
            origin_of("https://app.example.com:443/x").as_deref(),
            Some("https://app.example.com")
        );
        assert_eq!(origin_of("javascript:alert(1)"), None);
        assert_eq!(origin_of("http://user@evil.example/"), None);
        assert_eq!(origin_of("http:///path"), None);
    }

    #[test]
    fn allowed_origin_entries() {
        assert!(origin_matches(
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8080"
        ));
        assert!(!origin_matches(
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080"
        ));
        assert!(!origin_matches(
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8081"
        ));
        assert!(origin_matches(
            "https://*.example.com",
            "https://app.example.com"
        ));
        assert!(!origin_matches(
            "https://*.example.com",
            "https://a.b.example.com"
        ));
        assert!(!origin_matches(
            "https://*.example.com",
            "http://app.example.com"
        ));
        assert!(!origin_matches(
            "https://*.example.com",
            "https://evilexample.com"
        ));
    }

    #[test]
    fn encodes_spaces_as_percent_20() {
        assert_eq!(encode_component("Login required"), "Login%20required");
        assert_eq!(encode_component("a|b@c/d"), "a%7Cb%40c%2Fd");
        assert_eq!(
            encode_pairs(&[("error", "x y"), ("state", "s=")]),
            "error=x%20y&state=s%3D"
        );
    }
}
