//! Reading an error envelope (`{"error", "error_description"}`) without building a JSON tree:
//! only the members the page shows are kept, and a member of the wrong type counts as absent.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// The text members of an error body; any JSON value reads as one (non-objects as empty).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Envelope {
    /// `error`, when it is a string.
    pub error: Option<String>,
    /// `error_description`, when it is a string.
    pub error_description: Option<String>,
    /// `message` (where some services put the text), when it is a string.
    pub message: Option<String>,
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient(PhantomData))
    }
}

/// A member kept only when it is a string.
#[derive(Default)]
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Lenient(PhantomData))
    }
}

/// A value read from any JSON: what it takes from a string or an object, else its default.
trait FromAnyJson: Default {
    /// The value of a JSON string.
    fn from_str(_: &str) -> Self {
        Self::default()
    }

    /// The value of a JSON object.
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
        IgnoredAny.visit_map(map).map(|_| Self::default())
    }
}

impl FromAnyJson for Text {
    fn from_str(text: &str) -> Self {
        Text(Some(text.to_owned()))
    }
}

impl FromAnyJson for Envelope {
    fn from_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut envelope = Envelope::default();
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "error" => &mut envelope.error,
                "error_description" => &mut envelope.error_description,
                "message" => &mut envelope.message,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = map.next_value::<Text>()?.0;
        }
        Ok(envelope)
    }
}

/// Takes in any JSON value for a [`FromAnyJson`] type; arrays and scalars other than strings
/// give its default.
struct Lenient<T>(PhantomData<T>);

impl<'de, T: FromAnyJson> Visitor<'de> for Lenient<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, text: &str) -> Result<T, E> {
        Ok(T::from_str(text))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(map)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| T::default())
    }

    fn visit_bool<E>(self, _: bool) -> Result<T, E> {
        Ok(T::default())
    }

    fn visit_i64<E>(self, _: i64) -> Result<T, E> {
        Ok(T::default())
    }

    fn visit_u64<E>(self, _: u64) -> Result<T, E> {
        Ok(T::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<T, E> {
        Ok(T::default())
    }

    fn visit_unit<E>(self) -> Result<T, E> {
        Ok(T::default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Envelope {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn string_members_are_kept_and_everything_else_is_absent() {
        assert_eq!(
            read(r#"{"error":"not_found","error_description":"Gone","x":{"y":[1,2]}}"#),
            Envelope {
                error: Some("not_found".into()),
                error_description: Some("Gone".into()),
                message: None
            }
        );
        assert_eq!(
            read(r#"{"error":42,"message":"Text","error_description":null}"#),
            Envelope {
                message: Some("Text".into()),
                ..Envelope::default()
            }
        );
        for other in ["null", "[1,{\"error\":\"x\"}]", "\"text\"", "3.5", "true"] {
            assert_eq!(read(other), Envelope::default(), "{other}");
        }
        assert!(serde_json::from_str::<Envelope>("{\"error\":").is_err());
    }
}
