//! The tenant's login session cookies, set as a real Auth0 tenant sets them: `auth0` with
//! `SameSite=None; Secure`, so the browser may send it in a cross-site frame (the silent
//! `prompt=none` sign-in of a page on another site) where it allows third-party cookies; and
//! the fallback `auth0_compat` for browsers that refuse `SameSite=None`.
//!
//! The emulator speaks plain HTTP on loopback. Chromium and Firefox keep `Secure` cookies from
//! `http://127.0.0.1` (a potentially trustworthy origin); WebKitGTK (2.50) does not, and keeps
//! only the fallback, which is `SameSite=Lax` here (a real tenant's is `Secure` without
//! `SameSite`). So WebKit signs in first-party and always fails cross-site, as it does against
//! a real tenant with its default third-party cookie blocking; its "third-party cookies
//! allowed" case cannot be reproduced on loopback.

use axum::http::{header, HeaderMap, HeaderValue};

use super::body::cookie;

/// The session cookie, sent cross-site where the browser allows third-party cookies.
pub const SESSION_COOKIE: &str = "auth0";
/// The same session for browsers that refuse `SameSite=None`.
pub const COMPAT_COOKIE: &str = "auth0_compat";

/// The `Set-Cookie` values that start the login session `session`.
pub fn set_cookie_values(session: &str) -> [String; 2] {
    [
        format!("{SESSION_COOKIE}={session}; Path=/; HttpOnly; Secure; SameSite=None"),
        format!("{COMPAT_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax"),
    ]
}

/// Adds the cookies of the login session `session` to `headers`.
pub fn append(headers: &mut HeaderMap, session: &str) {
    for value in set_cookie_values(session) {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.append(header::SET_COOKIE, value);
        }
    }
}

/// The login session the request carries: `auth0`, else the fallback.
pub fn read(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, SESSION_COOKIE).or_else(|| cookie(headers, COMPAT_COOKIE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_cookie_may_cross_sites_and_the_fallback_may_not() {
        let [session, compat] = set_cookie_values("s1");
        assert_eq!(session, "auth0=s1; Path=/; HttpOnly; Secure; SameSite=None");
        assert_eq!(compat, "auth0_compat=s1; Path=/; HttpOnly; SameSite=Lax");
    }

    #[test]
    fn the_fallback_is_read_when_the_browser_kept_only_it() {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("x=1; auth0_compat=s2"),
        );
        assert_eq!(read(&headers), Some("s2"));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("auth0_compat=s2; auth0=s3"),
        );
        assert_eq!(read(&headers), Some("s3"));
    }
}
