//! Building `/authorize` requests (authorization code + PKCE S256) with the `oauth2` crate.

use super::error::AuthError;
use super::random::random_value;
use super::token_answer::TokenAnswer;
use crate::config::Config;
use oauth2::basic::{
    BasicErrorResponse, BasicRevocationErrorResponse, BasicTokenIntrospectionResponse,
};
use oauth2::{
    AuthUrl, Client, ClientId, CsrfToken, EndpointNotSet, EndpointSet, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, StandardRevocableToken, TokenUrl,
};
use serde::{Deserialize, Serialize};

/// Scopes of the MFA API token: enroll, list and remove authenticators.
pub const MFA_SCOPE: &str = "openid profile enroll read:authenticators remove:authenticators";

/// Scopes of the My Account API token: read, enroll, rename and remove the user's methods.
pub const MY_ACCOUNT_SCOPE: &str = "openid profile read:me:authentication_methods \
     create:me:authentication_methods update:me:authentication_methods \
     delete:me:authentication_methods read:me:factors";

/// Which token a sign-in is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Purpose {
    /// The MFA API (`https://CANONICAL/mfa/`) to manage factors.
    Mfa,
    /// The My Account API (`https://DOMAIN/me/`) to manage the sign-in methods.
    MyAccount,
    /// The site's own API, handed back to the host when the user is done.
    App,
}

/// How `/authorize` delivers its answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    /// Top-level redirect back to `redirect_uri?code=…&state=…`.
    Redirect,
    /// `response_mode=web_message` to a popup's opener.
    Popup,
    /// `response_mode=web_message` with `prompt=none` to a hidden iframe's parent.
    Silent,
}

/// The configured OAuth client (authorize and token endpoints set).
pub type OAuthClient = Client<
    BasicErrorResponse,
    TokenAnswer,
    BasicTokenIntrospectionResponse,
    StandardRevocableToken,
    BasicRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointSet,
>;

/// The tenant's issuer as its tokens and answers name it: `https://DOMAIN/` for the domain the
/// page signs in at.
pub fn issuer(config: &Config) -> String {
    format!("{}/", config.domain.as_str())
}

/// Builds the OAuth client for the configured tenant and application.
pub fn client(config: &Config) -> Result<OAuthClient, AuthError> {
    let base = config.domain.as_str();
    let bad = |e: oauth2::url::ParseError| AuthError::Config(e.to_string());
    Ok(Client::new(ClientId::new(config.client_id.clone()))
        .set_auth_uri(AuthUrl::new(format!("{base}/authorize")).map_err(bad)?)
        .set_token_uri(TokenUrl::new(format!("{base}/oauth/token")).map_err(bad)?)
        .set_redirect_uri(RedirectUrl::new(config.redirect_uri.clone()).map_err(bad)?))
}

/// One prepared round trip: the URL to open and the secrets to check the answer with.
pub struct AuthorizeRequest {
    /// The `/authorize` URL.
    pub url: String,
    /// The random `state` echoed back.
    pub state: String,
    /// The random `nonce` expected in the ID token.
    pub nonce: String,
    /// The PKCE verifier for the code exchange.
    pub verifier: String,
}

/// Prepares an `/authorize` request with fresh state, nonce and PKCE verifier.
pub fn authorize(
    config: &Config,
    purpose: Purpose,
    delivery: Delivery,
) -> Result<AuthorizeRequest, AuthError> {
    let verifier = PkceCodeVerifier::new(random_value()?);
    let challenge = PkceCodeChallenge::from_code_verifier_sha256(&verifier);
    let nonce = random_value()?;
    let state = CsrfToken::new(random_value()?);
    let client = client(config)?;
    let mfa_audience = config.mfa_audience();
    let my_account_audience = config.my_account_audience();
    let (audience, scope) = match purpose {
        Purpose::Mfa => (Some(mfa_audience.as_str()), MFA_SCOPE),
        Purpose::MyAccount => (Some(my_account_audience.as_str()), MY_ACCOUNT_SCOPE),
        Purpose::App => (config.app_audience.as_deref(), config.app_scope.as_str()),
    };
    let mut request = client
        .authorize_url(move || state)
        .add_scopes(scope.split_whitespace().map(|s| Scope::new(s.to_owned())))
        .set_pkce_challenge(challenge)
        .add_extra_param("nonce", nonce.clone());
    if let Some(audience) = audience {
        request = request.add_extra_param("audience", audience);
    }
    request = match delivery {
        Delivery::Redirect => request.add_extra_param("response_mode", "query"),
        Delivery::Popup => request.add_extra_param("response_mode", "web_message"),
        Delivery::Silent => request
            .add_extra_param("response_mode", "web_message")
            .add_extra_param("prompt", "none"),
    };
    let (url, state) = request.url();
    Ok(AuthorizeRequest {
        url: url.to_string(),
        state: state.into_secret(),
        nonce,
        verifier: verifier.into_secret(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        Config::from_json(
            r#"{"domain":"login.acme.com","canonical_domain":"acme.us.auth0.com","client_id":"cid","app_audience":"https://api.acme.com/","app_scope":"openid read:things"}"#,
            "https://app.acme.com/security/",
        )
        .unwrap()
    }

    fn params(url: &str) -> Vec<(String, String)> {
        let parsed = oauth2::url::Url::parse(url).unwrap();
        parsed.query_pairs().into_owned().collect()
    }

    fn param<'a>(all: &'a [(String, String)], name: &str) -> Option<&'a str> {
        all.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    #[test]
    fn pkce_matches_rfc7636_appendix_b() {
        let verifier = PkceCodeVerifier::new("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into());
        let challenge = PkceCodeChallenge::from_code_verifier_sha256(&verifier);
        assert_eq!(
            challenge.as_str(),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
        assert_eq!(challenge.method().as_str(), "S256");
    }

    #[test]
    fn mfa_request_uses_the_canonical_audience_on_the_custom_domain() {
        let req = authorize(&config(), Purpose::Mfa, Delivery::Redirect).unwrap();
        assert!(
            req.url.starts_with("https://login.acme.com/authorize?"),
            "{}",
            req.url
        );
        let p = params(&req.url);
        assert_eq!(
            param(&p, "audience"),
            Some("https://acme.us.auth0.com/mfa/")
        );
        assert_eq!(param(&p, "scope"), Some(MFA_SCOPE));
        assert_eq!(param(&p, "response_type"), Some("code"));
        assert_eq!(param(&p, "response_mode"), Some("query"));
        assert_eq!(param(&p, "client_id"), Some("cid"));
        assert_eq!(
            param(&p, "redirect_uri"),
            Some("https://app.acme.com/security/")
        );
        assert_eq!(param(&p, "code_challenge_method"), Some("S256"));
        assert_eq!(param(&p, "state"), Some(req.state.as_str()));
        assert_eq!(param(&p, "nonce"), Some(req.nonce.as_str()));
        assert_eq!(param(&p, "prompt"), None);
        let expected = PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(
            req.verifier.clone(),
        ));
        assert_eq!(param(&p, "code_challenge"), Some(expected.as_str()));
        assert!(req.verifier.len() >= 43);
    }

    #[test]
    fn silent_app_request_asks_for_the_app_audience_without_interaction() {
        let req = authorize(&config(), Purpose::App, Delivery::Silent).unwrap();
        let p = params(&req.url);
        assert_eq!(param(&p, "audience"), Some("https://api.acme.com/"));
        assert_eq!(param(&p, "scope"), Some("openid read:things"));
        assert_eq!(param(&p, "prompt"), Some("none"));
        assert_eq!(param(&p, "response_mode"), Some("web_message"));
    }

    #[test]
    fn every_request_has_fresh_secrets() {
        let a = authorize(&config(), Purpose::Mfa, Delivery::Popup).unwrap();
        let b = authorize(&config(), Purpose::Mfa, Delivery::Popup).unwrap();
        assert_ne!(a.state, b.state);
        assert_ne!(a.nonce, b.nonce);
        assert_ne!(a.verifier, b.verifier);
    }
}
