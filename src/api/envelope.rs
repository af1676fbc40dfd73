//! Reading an error envelope (`{"error", "error_description"}`) without building a JSON tree:
//! only the members the page shows are kept, and a member of the wrong type counts as absent.

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

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
        deserializer.deserialize_any(EnvelopeVisitor)
    }
}

/// A member kept only when it is a string.
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

/// Takes in any JSON value; `Some` for a string.
struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_str<E>(self, text: &str) -> Result<Text, E> {
        Ok(Text(Some(text.to_owned())))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_unit<E>(self) -> Result<Text, E> {
        Ok(Text(None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Text, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| Text(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Text, A::Error> {
        IgnoredAny.visit_map(map).map(|_| Text(None))
    }
}

/// Takes in any JSON value; members are read from an object only.
struct EnvelopeVisitor;

impl<'de> Visitor<'de> for EnvelopeVisitor {
    type Value = Envelope;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
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

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Envelope, A::Error> {
        IgnoredAny.visit_seq(seq).map(|_| Envelope::default())
    }

    fn visit_str<E>(self, _: &str) -> Result<Envelope, E> {
        Ok(Envelope::default())
    }

    fn visit_bool<E>(self, _: bool) -> Result<Envelope, E> {
        Ok(Envelope::default())
    }

    fn visit_i64<E>(self, _: i64) -> Result<Envelope, E> {
        Ok(Envelope::default())
    }

    fn visit_u64<E>(self, _: u64) -> Result<Envelope, E> {
        Ok(Envelope::default())
    }

    fn visit_f64<E>(self, _: f64) -> Result<Envelope, E> {
        Ok(Envelope::default())
    }

    fn visit_unit<E>(self) -> Result<Envelope, E> {
        Ok(Envelope::default())
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
