//! Token claims the tenant issues. Signing is the caller's business: the server signs RS256,
//! demo mode may keep the claims as they are.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `aud`: a string when there is one audience, an array otherwise (as Auth0 sends it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audiences(pub Vec<String>);

impl Audiences {
    /// Whether `audience` is one of them.
    pub fn contains(&self, audience: &str) -> bool {
        self.0.iter().any(|a| a == audience)
    }
}

impl Serialize for Audiences {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => serializer.serialize_str(one),
            many => many.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Audiences {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        Ok(match OneOrMany::deserialize(deserializer)? {
            OneOrMany::One(one) => Audiences(vec![one]),
            OneOrMany::Many(many) => Audiences(many),
        })
    }
}

/// Claims of an access token (also what an `mfa_token` JWT carries).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    /// Issuer: `{scheme}://{host used}/`.
    pub iss: String,
    /// The user id.
    pub sub: String,
    /// Audiences: the API, plus `/userinfo` when `openid` was granted.
    pub aud: Audiences,
    /// Issued at.
    pub iat: u64,
    /// Expiry.
    pub exp: u64,
    /// The client it was issued to.
    pub azp: String,
    /// Granted scope.
    pub scope: String,
}

/// Claims of an ID token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdClaims {
    /// Issuer: `{scheme}://{host used}/`.
    pub iss: String,
    /// The user id.
    pub sub: String,
    /// The client id.
    pub aud: String,
    /// The client id (authorized party).
    pub azp: String,
    /// Issued at.
    pub iat: u64,
    /// Expiry.
    pub exp: u64,
    /// The `nonce` of the authorize request.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub nonce: Option<String>,
    /// When the user authenticated.
    pub auth_time: u64,
    /// `profile` scope: display name.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub name: Option<String>,
    /// `profile` scope: nickname (local part of the email).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub nickname: Option<String>,
    /// `email` scope: address.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub email: Option<String>,
    /// `email` scope: whether verified.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub email_verified: Option<bool>,
}

/// What a successful `/oauth/token` call returns, before signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSet {
    /// Access token claims.
    pub access: AccessClaims,
    /// ID token claims, whenever `openid` was granted.
    pub id: Option<IdClaims>,
    /// `expires_in` (600 for the MFA audience).
    pub expires_in: u64,
    /// Granted scope.
    pub scope: String,
    /// A new recovery code (recovery-code grant only).
    pub recovery_code: Option<String>,
}

impl TokenSet {
    /// The `/oauth/token` success body for these tokens, carrying `access_token` and
    /// `id_token` as given (signed by the server; placeholders in demo mode).
    pub fn response_body(
        &self,
        access_token: String,
        id_token: Option<String>,
    ) -> serde_json::Value {
        let mut body = serde_json::json!({ "access_token": access_token });
        if let Some(id) = id_token.filter(|_| self.id.is_some()) {
            body["id_token"] = serde_json::Value::from(id);
        }
        body["scope"] = serde_json::Value::from(self.scope.clone());
        body["expires_in"] = serde_json::Value::from(self.expires_in);
        if let Some(code) = &self.recovery_code {
            body["recovery_code"] = serde_json::Value::from(code.clone());
        }
        body["token_type"] = serde_json::Value::from("Bearer");
        body
    }
}

/// `/userinfo` response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserInfo {
    /// The user id.
    pub sub: String,
    /// Display name.
    pub name: String,
    /// Local part of the email.
    pub nickname: String,
    /// Email address.
    pub email: String,
    /// Whether it is verified.
    pub email_verified: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_serialize_like_auth0() {
        let one = Audiences(vec!["a".into()]);
        let two = Audiences(vec!["a".into(), "b".into()]);
        assert_eq!(serde_json::to_string(&one).unwrap(), "\"a\"");
        assert_eq!(serde_json::to_string(&two).unwrap(), "[\"a\",\"b\"]");
        assert_eq!(serde_json::from_str::<Audiences>("\"a\"").unwrap(), one);
        assert_eq!(
            serde_json::from_str::<Audiences>("[\"a\",\"b\"]").unwrap(),
            two
        );
    }
}
