//! Keeps `types/mfa-manager.d.ts` (the TypeScript declarations shipped beside the entry module)
//! in step with the crate: the configuration interface names exactly the keys [`RawConfig`]
//! accepts, the element's attributes are [`ATTRIBUTES`], the event map names the events the
//! widget dispatches, and each literal type lists exactly the values the code knows.

use crate::app::events::{CHANGE_EVENT, DONE_EVENT, ERROR_EVENT};
use crate::config::RawConfig;
use crate::element::ATTRIBUTES;
use crate::factors::change::kind_name;
use crate::factors::row::FactorKind;
use crate::i18n::SUPPORTED;
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// The declarations, as shipped.
const DECLARATIONS: &str = include_str!("../types/mfa-manager.d.ts");

/// The fields serde's derived `Deserialize` of `T` reads: the derive hands the complete list
/// to `deserialize_struct`, which this deserializer records and then refuses.
fn struct_fields<'de, T: Deserialize<'de>>() -> Vec<&'static str> {
    struct FieldList(Option<&'static [&'static str]>);

    impl<'de> Deserializer<'de> for &mut FieldList {
        type Error = de::value::Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _name: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = Some(fields);
            Err(de::Error::custom("fields recorded"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }

    let mut list = FieldList(None);
    let _ = T::deserialize(&mut list);
    list.0.unwrap_or_default().to_vec()
}

/// The text of `source` from `open` to its matching closing bracket `close`, exclusive.
fn bracketed(source: &str, start: usize, open: char, close: char) -> &str {
    let rest = &source[start..];
    let Some(first) = rest.find(open) else {
        return "";
    };
    let mut depth = 0;
    for (i, c) in rest[first..].char_indices() {
        if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return &rest[first + 1..first + i];
            }
        }
    }
    ""
}

/// `source` without `/* … */` and `// …` comments.
fn without_comments(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The member names of `export interface {name}` in the declarations, quotes removed.
fn interface_keys(name: &str) -> Vec<String> {
    let header = format!("export interface {name} ");
    let start = DECLARATIONS
        .find(&header)
        .unwrap_or_else(|| panic!("the declarations have no `{header}`"));
    let body = without_comments(bracketed(DECLARATIONS, start, '{', '}'));
    body.split(';')
        .filter_map(|member| {
            let member = member.trim();
            if let Some(quoted) = member.strip_prefix('"') {
                return quoted.split('"').next().map(str::to_owned);
            }
            let end = member.find(['?', ':', '('])?;
            Some(member[..end].trim().to_owned())
        })
        .filter(|key| !key.is_empty())
        .collect()
}

/// The string literals of `export type {name} = "a" | "b" …;` in the declarations.
fn literal_type(name: &str) -> Vec<String> {
    let header = format!("export type {name} =");
    let start = DECLARATIONS
        .find(&header)
        .unwrap_or_else(|| panic!("the declarations have no `{header}`"));
    let rest = &DECLARATIONS[start + header.len()..];
    let text = &rest[..rest.find(';').unwrap_or(rest.len())];
    text.split('|')
        .filter_map(|part| {
            let part = part.trim();
            part.strip_prefix('"')?.strip_suffix('"').map(str::to_owned)
        })
        .collect()
}

fn sorted(mut keys: Vec<String>) -> Vec<String> {
    keys.sort();
    keys
}

fn owned(keys: &[&str]) -> Vec<String> {
    sorted(keys.iter().map(|k| (*k).to_owned()).collect())
}

#[test]
fn the_config_interface_names_exactly_the_keys_config_json_accepts() {
    let accepted = struct_fields::<RawConfig>();
    assert_eq!(accepted.len(), 11, "serde lists RawConfig's fields");
    let declared = interface_keys("MfaManagerConfig");
    assert_eq!(sorted(declared.clone()), owned(&accepted));
    // Each declared key is one the parser takes, and the parser takes no other.
    for key in &declared {
        let one = format!("{{\"{key}\": null}}");
        assert!(crate::json::from_text::<RawConfig>(&one).is_ok(), "{key}");
    }
    assert!(crate::json::from_text::<RawConfig>("{\"audience\": null}").is_err());
}

#[test]
fn the_element_attributes_are_the_ones_it_observes() {
    assert_eq!(
        sorted(interface_keys("MfaManagerAttributes")),
        owned(&ATTRIBUTES)
    );
}

#[test]
fn the_event_map_names_the_events_the_widget_dispatches() {
    assert_eq!(
        sorted(interface_keys("MfaManagerEventMap")),
        owned(&[DONE_EVENT, CHANGE_EVENT, ERROR_EVENT])
    );
    assert_eq!(
        sorted(interface_keys("MfaManagerToken")),
        owned(&["access_token", "expires_in", "scope", "token_type"])
    );
}

#[test]
fn literal_types_list_the_values_the_code_knows() {
    assert_eq!(sorted(literal_type("MfaManagerLanguage")), owned(SUPPORTED));
    let kinds = [
        FactorKind::AuthenticatorApp,
        FactorKind::Phone,
        FactorKind::Email,
        FactorKind::Push,
        FactorKind::Passkey,
        FactorKind::RecoveryCode,
    ];
    assert_eq!(
        sorted(literal_type("MfaManagerFactorKind")),
        owned(&kinds.map(kind_name))
    );
    let modes = literal_type("MfaManagerMode");
    assert_eq!(sorted(modes.clone()), owned(&["popup", "redirect"]));
    for mode in modes.iter().chain([&"sideways".to_owned()]) {
        let raw = RawConfig {
            demo: Some(true),
            mode: Some(mode.clone()),
            ..RawConfig::default()
        };
        let valid = raw.validate("https://www.acme.com/account/").is_ok();
        assert_eq!(valid, mode != "sideways", "mode {mode}");
    }
    let apis = literal_type("MfaManagerApi");
    assert_eq!(sorted(apis.clone()), owned(&["auto", "mfa", "my-account"]));
    for api in apis.iter().chain([&"graphql".to_owned()]) {
        let raw = RawConfig {
            demo: Some(true),
            api: Some(api.clone()),
            ..RawConfig::default()
        };
        let valid = raw.validate("https://www.acme.com/account/").is_ok();
        assert_eq!(valid, api != "graphql", "api {api}");
    }
}
