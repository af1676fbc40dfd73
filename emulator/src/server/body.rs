//! Request bodies: size cap, form or JSON parameters, the associate body, and small header
//! helpers (bearer, host, origin, cookie).

use std::collections::BTreeMap;

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap};
use serde_json::Value;

use crate::model::enrollment::AssociateRequest;
use crate::model::Error;

/// Bodies over 64 KiB are refused.
pub const BODY_LIMIT: usize = 64 * 1024;

/// Reads a whole body, refusing it past [`BODY_LIMIT`].
pub async fn read(body: Body) -> Result<Bytes, Error> {
    axum::body::to_bytes(body, BODY_LIMIT)
        .await
        .map_err(|_| Error::BodyTooLarge)
}

enum Kind {
    Json,
    Form,
    Other,
}

fn kind(headers: &HeaderMap) -> Option<Kind> {
    let value = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match essence.as_str() {
        "application/json" => Kind::Json,
        "application/x-www-form-urlencoded" => Kind::Form,
        _ => Kind::Other,
    })
}

/// Flat string parameters from a form or a JSON object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(BTreeMap<String, String>);

impl Params {
    /// The value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

/// Parses `/oauth/token` and `/mfa/challenge` bodies (form or JSON; numbers and booleans are
/// taken as text, nested values refused). An empty body has no parameters.
pub fn params(headers: &HeaderMap, body: &[u8]) -> Result<Params, Error> {
    match kind(headers) {
        Some(Kind::Json) => json_params(body),
        Some(Kind::Form) => serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
            .map(|pairs| Params(pairs.into_iter().collect()))
            .map_err(|_| Error::InvalidParameter("body".to_owned())),
        _ if body.is_empty() => Ok(Params::default()),
        _ => Err(Error::UnsupportedContentType),
    }
}

fn json_object(body: &[u8]) -> Result<serde_json::Map<String, Value>, Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(serde_json::Map::new());
    }
    match serde_json::from_slice::<Value>(body).map_err(|_| Error::MalformedJson)? {
        Value::Object(map) => Ok(map),
        _ => Err(Error::JsonNotObject),
    }
}

fn json_params(body: &[u8]) -> Result<Params, Error> {
    let mut params = BTreeMap::new();
    for (name, value) in json_object(body)? {
        let text = match value {
            Value::Null => continue,
            Value::String(s) => s,
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Array(_) | Value::Object(_) => return Err(Error::InvalidParameter(name)),
        };
        params.insert(name, text);
    }
    Ok(Params(params))
}

/// Parses the `/mfa/associate` JSON body. A single string is accepted where an array is
/// expected.
pub fn associate(headers: &HeaderMap, body: &[u8]) -> Result<AssociateRequest, Error> {
    let object = match kind(headers) {
        Some(Kind::Json) => json_object(body)?,
        _ if body.is_empty() => serde_json::Map::new(),
        _ => return Err(Error::UnsupportedContentType),
    };
    AssociateRequest::from_json(&object)
}

/// The token of an `Authorization: Bearer …` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// The `Host` header.
pub fn host(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::HOST)?.to_str().ok()
}

/// The `Origin` header.
pub fn origin(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::ORIGIN)?.to_str().ok()
}

/// The value of cookie `name`.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// Decoded pairs of an HTML form body.
pub fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}
