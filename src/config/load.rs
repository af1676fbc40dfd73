//! Fetches `config.json` from beside the page and validates it.

use super::{Config, ConfigError, LoadFailure, RawConfig};
use crate::i18n::Lang;
use gloo_net::http::Request;

/// File name of the runtime configuration, resolved against the page URL so the page works
/// under any sub-path.
pub const CONFIG_FILE: &str = "config.json";

/// Loads and validates the runtime configuration of the page.
pub async fn load() -> Result<Config, Vec<ConfigError>> {
    let page_url = page_url().map_err(|e| vec![e])?;
    if demo_requested() {
        // `?demo` needs no config.json and no network at all.
        return RawConfig {
            demo: Some(true),
            lang: page_lang().map(|l| l.tag().to_owned()),
            // `?demo&api=my-account` tries the second backend without a tenant.
            api: query_param("api"),
            ..RawConfig::default()
        }
        .validate(&page_url);
    }
    let text = read()
        .await
        .map_err(|why| vec![ConfigError::Unavailable(why)])?;
    let mut config = Config::from_json(&text, &page_url)?;
    if let Some(lang) = page_lang() {
        config.lang = lang;
    }
    Ok(config)
}

/// The text of `config.json`: the answer the page's first screen already has (it asked
/// while the app was fetched), else from the network.
async fn read() -> Result<String, LoadFailure> {
    let failed = |status| match status {
        404 => LoadFailure::NotFound,
        status => LoadFailure::Status(status),
    };
    let first_screen = crate::first_screen::FirstScreen::page();
    let answer = match first_screen {
        Some(first_screen) => first_screen.config_answer().await,
        None => None,
    };
    if let Some(answer) = answer {
        return match answer.map_err(LoadFailure::RequestFailed)? {
            (_, Some(text)) => Ok(text),
            (status, None) => Err(failed(status)),
        };
    }
    let response = Request::get(CONFIG_FILE)
        .send()
        .await
        .map_err(|e| LoadFailure::RequestFailed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| LoadFailure::ReadFailed(e.to_string()))
}

/// The language asked for by the page URL (`?lang=de`), when it is one the page has; it
/// takes precedence over `lang` in `config.json`.
pub fn page_lang() -> Option<Lang> {
    query_param("lang").and_then(|tag| Lang::parse(&tag))
}

/// The first value of the page URL's query parameter `name` (`""` for a bare `?name`).
fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    url::form_urlencoded::parse(search.trim_start_matches('?').as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// The page URL without query or fragment: the default callback URL.
pub fn page_url() -> Result<String, ConfigError> {
    let location = web_sys::window()
        .map(|w| w.location())
        .ok_or(ConfigError::Unavailable(LoadFailure::NoWindow))?;
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    Ok(format!("{origin}{path}"))
}

/// True when the page URL asks for demo mode (`?demo`, `?demo=1`, `?demo=true`).
fn demo_requested() -> bool {
    query_param("demo").is_some_and(|v| !matches!(v.as_str(), "0" | "false"))
}
