//! Applications registered in the tenant: grant types, callback URLs and web origins.

use serde::{Deserialize, Serialize};

use crate::model::url::{origin_matches, origin_of};

/// OAuth grant types an application can have enabled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum GrantType {
    /// `authorization_code` (with PKCE for public clients).
    #[serde(rename = "authorization_code")]
    AuthorizationCode,
    /// `refresh_token` (never issued by the emulator).
    #[serde(rename = "refresh_token")]
    RefreshToken,
    /// `implicit` (not implemented; listed so seeds can name it).
    #[serde(rename = "implicit")]
    Implicit,
    /// `password` (not implemented).
    #[serde(rename = "password")]
    Password,
    /// `http://auth0.com/oauth/grant-type/password-realm` (not implemented).
    #[serde(rename = "http://auth0.com/oauth/grant-type/password-realm")]
    PasswordRealm,
    /// `client_credentials` (not implemented).
    #[serde(rename = "client_credentials")]
    ClientCredentials,
    /// `http://auth0.com/oauth/grant-type/mfa-otp`.
    #[serde(rename = "http://auth0.com/oauth/grant-type/mfa-otp")]
    MfaOtp,
    /// `http://auth0.com/oauth/grant-type/mfa-oob`.
    #[serde(rename = "http://auth0.com/oauth/grant-type/mfa-oob")]
    MfaOob,
    /// `http://auth0.com/oauth/grant-type/mfa-recovery-code`.
    #[serde(rename = "http://auth0.com/oauth/grant-type/mfa-recovery-code")]
    MfaRecoveryCode,
}

impl GrantType {
    /// Every grant type with its wire name.
    pub const ALL: [(GrantType, &'static str); 9] = [
        (GrantType::AuthorizationCode, "authorization_code"),
        (GrantType::RefreshToken, "refresh_token"),
        (GrantType::Implicit, "implicit"),
        (GrantType::Password, "password"),
        (
            GrantType::PasswordRealm,
            "http://auth0.com/oauth/grant-type/password-realm",
        ),
        (GrantType::ClientCredentials, "client_credentials"),
        (
            GrantType::MfaOtp,
            "http://auth0.com/oauth/grant-type/mfa-otp",
        ),
        (
            GrantType::MfaOob,
            "http://auth0.com/oauth/grant-type/mfa-oob",
        ),
        (
            GrantType::MfaRecoveryCode,
            "http://auth0.com/oauth/grant-type/mfa-recovery-code",
        ),
    ];

    /// The grant type named `name` on the wire.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(g, _)| *g)
    }

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(g, _)| *g == self)
            .map_or("", |(_, n)| n)
    }
}

/// An application (the emulator only models public SPA clients).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    /// The `client_id`.
    pub client_id: String,
    /// Display name on the login page.
    #[serde(default = "default_client_name")]
    pub name: String,
    /// Enabled grant types.
    pub grant_types: Vec<GrantType>,
    /// Allowed Callback URLs (exact match). Absent: any URL whose origin is an allowed web
    /// origin (a dev-friendly deviation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callbacks: Option<Vec<String>>,
    /// Allowed Web Origins (also used as Allowed Origins (CORS)).
    #[serde(default)]
    pub web_origins: Vec<String>,
}

fn default_client_name() -> String {
    "Application".to_owned()
}

impl Client {
    /// Whether `redirect_uri` is an allowed callback.
    pub fn allows_callback(&self, redirect_uri: &str) -> bool {
        match &self.callbacks {
            Some(list) => list.iter().any(|c| c == redirect_uri),
            None => origin_of(redirect_uri).is_some_and(|o| self.allows_web_origin(&o)),
        }
    }

    /// Whether `origin` (scheme://host[:port]) is an Allowed Web Origin.
    pub fn allows_web_origin(&self, origin: &str) -> bool {
        self.web_origins
            .iter()
            .any(|entry| origin_matches(entry, origin))
    }

    /// Whether `grant` is enabled.
    pub fn allows_grant(&self, grant: GrantType) -> bool {
        self.grant_types.contains(&grant)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(callbacks: Option<Vec<String>>) -> Client {
        Client {
            client_id: "c".into(),
            name: "App".into(),
            grant_types: vec![GrantType::AuthorizationCode],
            callbacks,
            web_origins: vec!["http://127.0.0.1:8080".into()],
        }
    }

    #[test]
    fn callbacks_default_to_allowed_origins() {
        let c = client(None);
        assert!(c.allows_callback("http://127.0.0.1:8080/"));
        assert!(c.allows_callback("http://127.0.0.1:8080/any/path?x=1"));
        assert!(!c.allows_callback("http://127.0.0.1:9999/"));
        assert!(!c.allows_callback("not a url"));
    }

    #[test]
    fn exact_callbacks_when_listed() {
        let c = client(Some(vec!["http://127.0.0.1:8080/cb".into()]));
        assert!(c.allows_callback("http://127.0.0.1:8080/cb"));
        assert!(!c.allows_callback("http://127.0.0.1:8080/cb2"));
    }

    #[test]
    fn grant_names_round_trip() {
        for (grant, name) in GrantType::ALL {
            assert_eq!(GrantType::parse(name), Some(grant));
            assert_eq!(grant.as_str(), name);
            assert_eq!(serde_json::to_value(grant).unwrap(), name);
        }
        assert_eq!(GrantType::parse("magic"), None);
    }
}
