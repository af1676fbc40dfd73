//! APIs (resource servers) of the tenant, the built-in MFA API and scope granting.

use serde::{Deserialize, Serialize};

use crate::model::limits::{
    DEFAULT_ACCESS_TOKEN_SECONDS, MFA_ACCESS_TOKEN_SECONDS, MY_ACCOUNT_ACCESS_TOKEN_SECONDS,
};

/// Scopes of the built-in MFA API. [doc]
pub const MFA_SCOPES: [&str; 3] = ["enroll", "read:authenticators", "remove:authenticators"];
/// Scopes of the My Account API (`{scheme}://{host}/me/`). [doc]
pub const MY_ACCOUNT_SCOPES: [&str; 5] = [
    "read:me:authentication_methods",
    "create:me:authentication_methods",
    "update:me:authentication_methods",
    "delete:me:authentication_methods",
    "read:me:factors",
];
/// OIDC scopes, granted with any audience.
pub const OIDC_SCOPES: [&str; 6] = [
    "openid",
    "profile",
    "email",
    "address",
    "phone",
    "offline_access",
];

/// A custom API registered in the tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Api {
    /// The identifier, used as `audience`.
    pub identifier: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Scopes the API defines.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Access token lifetime in seconds (default 86400).
    #[serde(default = "default_lifetime")]
    pub token_lifetime: u64,
}

fn default_lifetime() -> u64 {
    DEFAULT_ACCESS_TOKEN_SECONDS
}

/// What an `audience` parameter resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    /// The built-in MFA API (`{scheme}://{canonical}/mfa/`).
    Mfa(String),
    /// The My Account API on the host the request was sent to (`{scheme}://{host}/me/`).
    MyAccount(String),
    /// A custom API: identifier, scopes and token lifetime.
    Api(Api),
    /// No audience: the token is only good for `/userinfo`.
    None,
}

impl Audience {
    /// The audience identifier, if any.
    pub fn identifier(&self) -> Option<&str> {
        match self {
            Audience::Mfa(id) | Audience::MyAccount(id) => Some(id),
            Audience::Api(api) => Some(&api.identifier),
            Audience::None => None,
        }
    }

    /// Access token lifetime (`expires_in`).
    pub fn token_lifetime(&self) -> u64 {
        match self {
            Audience::Mfa(_) => MFA_ACCESS_TOKEN_SECONDS,
            Audience::MyAccount(_) => MY_ACCOUNT_ACCESS_TOKEN_SECONDS,
            Audience::Api(api) => api.token_lifetime,
            Audience::None => DEFAULT_ACCESS_TOKEN_SECONDS,
        }
    }

    /// Whether `scope` is defined by this audience (OIDC scopes always are).
    fn defines(&self, scope: &str) -> bool {
        OIDC_SCOPES.contains(&scope)
            || match self {
                Audience::Mfa(_) => MFA_SCOPES.contains(&scope),
                Audience::MyAccount(_) => MY_ACCOUNT_SCOPES.contains(&scope),
                Audience::Api(api) => api.scopes.iter().any(|s| s == scope),
                Audience::None => false,
            }
    }

    /// The granted scope: the requested scopes this audience defines, in request order,
    /// without duplicates. Undefined scopes are dropped, not rejected. [inferred]
    pub fn grant_scope(&self, requested: &str) -> String {
        let mut granted: Vec<&str> = Vec::new();
        for scope in requested.split_whitespace() {
            if self.defines(scope) && !granted.contains(&scope) {
                granted.push(scope);
            }
        }
        granted.join(" ")
    }
}

/// Whether a space-separated scope string contains `scope`.
pub fn has_scope(scopes: &str, scope: &str) -> bool {
    scopes.split_whitespace().any(|s| s == scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undefined_scopes_are_dropped() {
        let mfa = Audience::Mfa("http://127.0.0.1:4000/mfa/".into());
        assert_eq!(
            mfa.grant_scope(
                "openid profile enroll read:authenticators delete:authenticators enroll"
            ),
            "openid profile enroll read:authenticators"
        );
        assert_eq!(mfa.token_lifetime(), 600);
        let api = Audience::Api(Api {
            identifier: "https://api.example.com/".into(),
            name: String::new(),
            scopes: vec!["read:messages".into()],
            token_lifetime: 86_400,
        });
        assert_eq!(
            api.grant_scope("openid read:messages enroll"),
            "openid read:messages"
        );
        assert!(has_scope("openid enroll", "enroll"));
        assert!(!has_scope("openid enrollx", "enroll"));
    }
}
