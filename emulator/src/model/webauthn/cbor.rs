//! The little CBOR reading WebAuthn needs: one item at a time (to find where a COSE key ends
//! inside authenticator data) and lookups in maps with text or integer keys.

use ciborium::value::{Integer, Value};

use super::error::WebAuthnError;

/// Decodes the first CBOR item of `bytes` and says how many bytes it took.
pub(crate) fn read_item(
    bytes: &[u8],
    field: &'static str,
) -> Result<(Value, usize), WebAuthnError> {
    let mut rest = bytes;
    let value: Value =
        ciborium::de::from_reader(&mut rest).map_err(|_| WebAuthnError::MalformedCbor { field })?;
    Ok((value, bytes.len() - rest.len()))
}

/// Decodes `bytes` as exactly one CBOR item.
pub(crate) fn read_whole(bytes: &[u8], field: &'static str) -> Result<Value, WebAuthnError> {
    match read_item(bytes, field)? {
        (value, used) if used == bytes.len() => Ok(value),
        _ => Err(WebAuthnError::MalformedCbor { field }),
    }
}

/// A CBOR map's entries.
pub(crate) fn entries<'v>(
    value: &'v Value,
    field: &'static str,
) -> Result<&'v [(Value, Value)], WebAuthnError> {
    value
        .as_map()
        .map(Vec::as_slice)
        .ok_or(WebAuthnError::MalformedCbor { field })
}

/// The value under the text key `key`.
pub(crate) fn by_text<'v>(entries: &'v [(Value, Value)], key: &str) -> Option<&'v Value> {
    entries
        .iter()
        .find(|(k, _)| k.as_text() == Some(key))
        .map(|(_, v)| v)
}

/// The value under the integer key `key` (COSE labels).
pub(crate) fn by_label(entries: &[(Value, Value)], key: i64) -> Option<&Value> {
    entries
        .iter()
        .find(|(k, _)| k.as_integer() == Some(Integer::from(key)))
        .map(|(_, v)| v)
}

/// An integer value that fits `i64`.
pub(crate) fn integer(value: &Value) -> Option<i64> {
    value.as_integer().and_then(|i| i64::try_from(i).ok())
}

/// The CBOR encoding of `value`.
pub(crate) fn to_bytes(value: &Value) -> Vec<u8> {
    let mut out = Vec::new();
    // Writing a `Value` into a `Vec` has no failure case: no IO, and every `Value` is encodable.
    ciborium::ser::into_writer(value, &mut out).expect("a CBOR value always encodes into a Vec");
    out
}
