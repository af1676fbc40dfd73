//! The access tokens mfa-manager holds. They live in memory only: no `Clone`, no `Serialize`,
//! and `Debug` never prints the secret.

use std::fmt;

/// An access token (the MFA-audience token, or the app-audience token being handed back).
pub struct AccessToken(String);

impl AccessToken {
    /// Wraps a token string received from `/oauth/token`.
    pub fn new(secret: String) -> Self {
        AccessToken(secret)
    }

    /// The token itself, for an `Authorization` header or the host hand-off. Never log it.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken(***)")
    }
}

/// A token with what the tenant said about it.
#[derive(Debug)]
pub struct IssuedToken {
    /// The token.
    pub access_token: AccessToken,
    /// Lifetime in seconds from issue (600 for the MFA audience).
    pub expires_in: u64,
    /// Granted scopes, space separated.
    pub scope: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let token = IssuedToken {
            access_token: AccessToken::new("eyJhbGciOiJSUzI1NiJ9.secret.sig".into()),
            expires_in: 600,
            scope: "enroll".into(),
        };
        let printed = format!("{token:?} {:?}", token.access_token);
        assert!(!printed.contains("secret"), "{printed}");
        assert!(printed.contains("AccessToken(***)"));
    }
}
