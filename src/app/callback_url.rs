//! The sign-in answer in the address bar (`?code=&state=`, or `?error=`): taken out of the URL
//! as the very first thing the page does — before its configuration loads, and whether or not
//! it loads — so a code never stays in the history, the address bar or a shared link.

use crate::auth::callback::{AuthorizeResponse, RESPONSE_PARAMS};
use leptos::prelude::window;

/// The page's query when it carries an authorization answer (well-formed or not), after
/// removing the answer's parameters from the address bar; `None` on an ordinary load.
pub fn take_response() -> Option<String> {
    let query = window().location().search().ok()?;
    if matches!(AuthorizeResponse::from_query(&query), Ok(None)) {
        return None;
    }
    remove_response(&query);
    Some(query)
}

/// Removes `code`, `state`, `error`, `error_description` from the address bar, keeping the rest.
fn remove_response(query: &str) {
    let kept: Vec<(String, String)> =
        url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .into_owned()
            .filter(|(k, _)| !RESPONSE_PARAMS.contains(&k.as_str()))
            .collect();
    let mut search = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in &kept {
        search.append_pair(k, v);
    }
    let search = search.finish();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let target = if search.is_empty() {
        path
    } else {
        format!("{path}?{search}")
    };
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&target));
    }
}
