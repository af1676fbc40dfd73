//! Runtime configuration: what a site owner writes into `config.json` (or element attributes),
//! validated into a [`Config`] the rest of the app can trust.
//!
//! Validation collects every mistake at once and each [`ConfigError`] names its field, so the
//! person deploying the page can fix the file in one go.

mod error;
mod load;
mod origin;
pub mod parsed_url;
mod web_url;

pub use error::{ConfigError, ExtraPart, LoadFailure, Problem};
pub use load::{load, page_lang, page_url, CONFIG_FILE};
pub use origin::TenantOrigin;

use crate::i18n::{Lang, SUPPORTED};
use serde::Deserialize;
use std::borrow::Cow;

/// How the sign-in round trip is performed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Top-level redirect to `/authorize` and back (default for the stand-alone page).
    #[default]
    Redirect,
    /// `/authorize` in a popup answering with `response_mode=web_message` (widget default).
    Popup,
}

/// Which of the tenant's APIs manages the user's sign-in methods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ApiChoice {
    /// The MFA API (`/mfa/`), which every tenant has.
    #[default]
    Mfa,
    /// The My Account API (`/me/v1/`), which a tenant must activate.
    MyAccount,
    /// The My Account API where the tenant grants it, else the MFA API.
    Auto,
}

/// The configuration exactly as written in `config.json`; every field optional so that
/// validation, not the JSON parser, reports what is missing.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Auth0 domain the browser talks to (tenant domain or custom domain).
    pub domain: Option<String>,
    /// The tenant's own `*.auth0.com` domain when `domain` is a custom domain.
    pub canonical_domain: Option<String>,
    /// Client ID of the Single Page Application.
    pub client_id: Option<String>,
    /// Callback URL registered in Allowed Callback URLs; defaults to the page URL.
    pub redirect_uri: Option<String>,
    /// Identifier of the site's own API, requested again when the user is done.
    pub app_audience: Option<String>,
    /// Scopes for the app-audience token.
    pub app_scope: Option<String>,
    /// Where to go after "Done" on the stand-alone page.
    pub return_to: Option<String>,
    /// `redirect` or `popup`.
    pub mode: Option<String>,
    /// `mfa`, `my-account` or `auto`.
    pub api: Option<String>,
    /// Run against the in-browser demo tenant, no network.
    pub demo: Option<bool>,
    /// Language of the interface, a BCP 47 tag such as `de` or `de-CH` (see [`Lang::parse`]);
    /// left out, the browser's preferred language; well-formed tags of languages the page
    /// does not have fall back to English.
    pub lang: Option<String>,
}

/// A validated configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Origin all requests go to (`/authorize`, `/oauth/token`, `/mfa/*`).
    pub domain: TenantOrigin,
    /// Origin naming the MFA API audience; equals `domain` unless a custom domain is used.
    pub canonical_domain: TenantOrigin,
    /// Client ID of the Single Page Application.
    pub client_id: String,
    /// Callback URL for the authorization code round trip.
    pub redirect_uri: String,
    /// The app's own API audience, if the host wants an access token back.
    pub app_audience: Option<String>,
    /// Scopes for the app-audience token.
    pub app_scope: String,
    /// Where to go after "Done": an absolute URL (a same-origin path is resolved against the
    /// page URL, so this is the address the browser will go to).
    pub return_to: Option<String>,
    /// Redirect or popup sign-in.
    pub mode: Mode,
    /// The API that manages the sign-in methods.
    pub api: ApiChoice,
    /// Demo mode: in-browser tenant, no network.
    pub demo: bool,
    /// Language of the interface.
    pub lang: Lang,
}

/// Scopes requested for the app audience when `app_scope` is not given.
pub const DEFAULT_APP_SCOPE: &str = "openid profile email";

impl Config {
    /// The MFA API audience: always the canonical tenant domain with `/mfa/`.
    pub fn mfa_audience(&self) -> String {
        format!("{}/mfa/", self.canonical_domain.as_str())
    }

    /// The My Account API audience: the domain the page signs in at, with `/me/` (unlike the
    /// MFA API's, it follows a custom domain).
    pub fn my_account_audience(&self) -> String {
        format!("{}/me/", self.domain.as_str())
    }

    /// Parses `config.json` text and validates it. `page_url` is the page's own URL without
    /// query or fragment, the default `redirect_uri`.
    pub fn from_json(text: &str, page_url: &str) -> Result<Config, Vec<ConfigError>> {
        let raw: RawConfig =
            crate::json::from_text(text).map_err(|e| vec![ConfigError::NotJson(e.to_string())])?;
        raw.validate(page_url)
    }
}

impl RawConfig {
    /// Checks every field and returns either a [`Config`] or all the problems found.
    pub fn validate(self, page_url: &str) -> Result<Config, Vec<ConfigError>> {
        let mut errors = Vec::new();
        let demo = self.demo.unwrap_or(false);

        let domain = match non_empty(self.domain) {
            Some(d) => TenantOrigin::parse("domain", &d)
                .map_err(|e| errors.push(e))
                .ok(),
            None if demo => Some(TenantOrigin::demo()),
            None => {
                errors.push(ConfigError::Missing("domain"));
                None
            }
        };
        let canonical = match non_empty(self.canonical_domain) {
            Some(d) => TenantOrigin::parse("canonical_domain", &d)
                .map_err(|e| errors.push(e))
                .ok(),
            None => match &domain {
                Some(d) if d.is_custom_domain() => {
                    errors.push(ConfigError::CustomDomainNeedsCanonical(d.host().to_owned()));
                    None
                }
                other => other.clone(),
            },
        };

        let client_id = match non_empty(self.client_id) {
            Some(id) if id.chars().any(char::is_whitespace) => {
                errors.push(ConfigError::Invalid {
                    field: "client_id",
                    problem: Problem::HasSpaces,
                });
                None
            }
            Some(id) => Some(id),
            None if demo => Some("demo".to_owned()),
            None => {
                errors.push(ConfigError::Missing("client_id"));
                None
            }
        };

        let redirect_uri = match non_empty(self.redirect_uri) {
            Some(uri) => check_url("redirect_uri", &uri)
                .map(|_| uri)
                .map_err(|e| errors.push(e))
                .ok(),
            None => Some(page_url.to_owned()),
        };

        let app_audience = non_empty(self.app_audience);
        if let Some(aud) = &app_audience {
            match audience_path("app_audience", aud) {
                Err(e) => errors.push(e),
                Ok(path) if path.trim_end_matches('/').ends_with("/mfa") => {
                    if let Some(c) = &canonical {
                        errors.push(ConfigError::AppAudienceIsMfa(
                            aud.clone(),
                            c.as_str().to_owned(),
                        ));
                    }
                }
                Ok(_) => {}
            }
        }

        let return_to = match non_empty(self.return_to) {
            Some(path) if path.starts_with('/') => web_url::resolve_on_site(page_url, &path)
                .map(|url| url.href)
                .map_err(|problem| {
                    errors.push(ConfigError::Invalid {
                        field: "return_to",
                        problem,
                    })
                })
                .ok(),
            Some(r) => check_url("return_to", &r).map_err(|e| errors.push(e)).ok(),
            None => None,
        };

        let mode = match non_empty(self.mode).as_deref() {
            None | Some("redirect") => Mode::Redirect,
            Some("popup") => Mode::Popup,
            Some(other) => {
                errors.push(ConfigError::Invalid {
                    field: "mode",
                    problem: Problem::UnknownMode(other.to_owned()),
                });
                Mode::Redirect
            }
        };

        let api = match non_empty(self.api).as_deref() {
            None | Some("mfa") => ApiChoice::Mfa,
            Some("my-account") => ApiChoice::MyAccount,
            Some("auto") => ApiChoice::Auto,
            Some(other) => {
                errors.push(ConfigError::Invalid {
                    field: "api",
                    problem: Problem::UnknownApi(other.to_owned()),
                });
                ApiChoice::Mfa
            }
        };

        let lang = match non_empty(self.lang) {
            // No language configured: the visitor's own, as the browser tells it.
            None => crate::i18n::browser_lang().unwrap_or_default(),
            Some(tag) => match Lang::parse(&tag) {
                Some(lang) => lang,
                // A host page passing its own language (say `it`) still gets a working
                // widget, in English; only a value that is no language tag is a mistake.
                None if Lang::is_well_formed(&tag) => Lang::En,
                None => {
                    errors.push(ConfigError::Invalid {
                        field: "lang",
                        problem: Problem::NotLanguageTag {
                            value: tag.clone(),
                            supported: SUPPORTED
                                .iter()
                                .map(|t| format!("\"{t}\""))
                                .collect::<Vec<_>>()
                                .join(", "),
                        },
                    });
                    Lang::En
                }
            },
        };

        match (domain, canonical, client_id, redirect_uri) {
            (Some(domain), Some(canonical_domain), Some(client_id), Some(redirect_uri))
                if errors.is_empty() =>
            {
                Ok(Config {
                    domain,
                    canonical_domain,
                    client_id,
                    redirect_uri,
                    app_audience,
                    app_scope: non_empty(self.app_scope)
                        .unwrap_or_else(|| DEFAULT_APP_SCOPE.to_owned()),
                    return_to,
                    mode,
                    api,
                    demo,
                    lang,
                })
            }
            _ => Err(errors),
        }
    }
}

/// Trims a string field and treats blank as absent.
fn non_empty(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

/// Accepts absolute `https://` URLs, and `http://` only on loopback hosts (local development),
/// as a URL parser reads them.
fn check_url(field: &'static str, value: &str) -> Result<String, ConfigError> {
    let invalid = |problem: Problem| ConfigError::Invalid { field, problem };
    let url = web_url::parse_absolute(value).map_err(invalid)?;
    match url.scheme.as_str() {
        _ if web_url::is_secure(&url) => Ok(url.href),
        "http" => Err(invalid(Problem::HttpUrl)),
        _ => Err(invalid(Problem::NotAbsoluteUrl)),
    }
}

/// The path of an API identifier written as a URL (`https://api.example.com/`), read by the
/// same rules as every other URL except the scheme: an identifier is never fetched, so plain
/// `http` names an API as well. Other identifiers (`urn:acme:api`) are taken as written.
fn audience_path<'a>(field: &'static str, value: &'a str) -> Result<Cow<'a, str>, ConfigError> {
    if !value.contains("://") {
        return Ok(Cow::Borrowed(value));
    }
    let url = web_url::parse_absolute(value)
        .map_err(|problem| ConfigError::Invalid { field, problem })?;
    Ok(Cow::Owned(url.path))
}

#[cfg(test)]
mod tests;
