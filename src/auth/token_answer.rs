//! What `/oauth/token` answers on success, as the `oauth2` crate hands it to the page.
//!
//! The page's own type rather than the crate's `StandardTokenResponse`: that one lowercases
//! `token_type` through a JSON tree with the full Unicode case tables, which the page does not
//! need (the token is only ever sent as a bearer token) and which cost about 2.5 KB brotli.

use oauth2::{AccessToken, RefreshToken, Scope, TokenType};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;
use std::time::Duration;

/// The `token_type` of a token answer, kept as sent (`Bearer`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct TokenKind(pub String);

impl TokenType for TokenKind {}

/// A successful token answer: the access token, its lifetime and scopes, and the ID token
/// whose `nonce` the page checks. `Serialize` only because the `oauth2` trait asks for it;
/// the page never writes the answer anywhere.
#[derive(Deserialize, Serialize)]
pub struct TokenAnswer {
    access_token: AccessToken,
    token_type: TokenKind,
    #[serde(default)]
    expires_in: Option<u64>,
    #[serde(
        default,
        rename = "scope",
        deserialize_with = "space_delimited",
        skip_serializing
    )]
    scopes: Option<Vec<Scope>>,
    #[serde(default, skip_serializing)]
    id_token: Option<String>,
}

impl TokenAnswer {
    /// The raw ID token, if `openid` was granted.
    pub fn id_token(&self) -> Option<&str> {
        self.id_token.as_deref()
    }
}

/// `"openid enroll"` as the scopes `openid` and `enroll`.
fn space_delimited<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Scope>>, D::Error> {
    Ok(Option::<String>::deserialize(deserializer)?.map(|scope| {
        scope
            .split_whitespace()
            .map(|s| Scope::new(s.into()))
            .collect()
    }))
}

impl oauth2::TokenResponse for TokenAnswer {
    type TokenType = TokenKind;

    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    fn token_type(&self) -> &TokenKind {
        &self.token_type
    }

    fn expires_in(&self) -> Option<Duration> {
        self.expires_in.map(Duration::from_secs)
    }

    /// Auth0 issues no refresh token to this page (it does not ask for `offline_access`).
    fn refresh_token(&self) -> Option<&RefreshToken> {
        None
    }

    fn scopes(&self) -> Option<&Vec<Scope>> {
        self.scopes.as_ref()
    }
}

/// Neither token is printed.
impl fmt::Debug for TokenAnswer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenAnswer")
            .field("token_type", &self.token_type)
            .field("expires_in", &self.expires_in)
            .field("scopes", &self.scopes)
            .field("id_token", &self.id_token.as_ref().map(|_| "***"))
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oauth2::TokenResponse;

    #[test]
    fn reads_the_tenants_answer() {
        let answer: TokenAnswer = serde_json::from_str(
            r#"{"access_token":"at-1","id_token":"h.p.s","scope":"openid enroll read:authenticators","expires_in":600,"token_type":"Bearer"}"#,
        )
        .unwrap();
        assert_eq!(answer.access_token().secret(), "at-1");
        assert_eq!(answer.token_type(), &TokenKind("Bearer".into()));
        assert_eq!(answer.expires_in(), Some(Duration::from_secs(600)));
        let scopes: Vec<&str> = answer
            .scopes()
            .unwrap()
            .iter()
            .map(|s| s.as_str())
            .collect();
        assert_eq!(scopes, ["openid", "enroll", "read:authenticators"]);
        assert_eq!(answer.id_token(), Some("h.p.s"));
        assert!(answer.refresh_token().is_none());
    }

    #[test]
    fn optional_fields_may_be_missing_but_the_token_may_not() {
        let answer: TokenAnswer =
            serde_json::from_str(r#"{"access_token":"at-1","token_type":"bearer"}"#).unwrap();
        assert_eq!(answer.expires_in(), None);
        assert!(answer.scopes().is_none());
        assert_eq!(answer.id_token(), None);
        assert!(serde_json::from_str::<TokenAnswer>(r#"{"token_type":"Bearer"}"#).is_err());
        assert!(serde_json::from_str::<TokenAnswer>(r#"{"access_token":"at-1"}"#).is_err());
    }

    #[test]
    fn debug_prints_neither_token() {
        let answer: TokenAnswer = serde_json::from_str(
            r#"{"access_token":"secret-at","id_token":"secret-id","token_type":"Bearer"}"#,
        )
        .unwrap();
        let printed = format!("{answer:?}");
        assert!(!printed.contains("secret-at"), "{printed}");
        assert!(!printed.contains("secret-id"), "{printed}");
        assert!(printed.contains("Bearer"), "{printed}");
    }
}
