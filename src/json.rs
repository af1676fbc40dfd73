//! Reading JSON text. Every JSON the page reads goes through `serde_json`'s byte reader (as
//! the `oauth2` crate's does), so the bundle carries one reader instead of two.

use serde::de::DeserializeOwned;

/// Parses `text` as a `T`.
pub fn from_text<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_slice(text.as_bytes())
}
