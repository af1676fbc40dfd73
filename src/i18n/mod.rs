//! Every user-facing text in one place per language: [`en`](en::EN) (the reference),
//! [`de`](de::DE) and a small Arabic table ([`ar`](ar::AR)) that exercises right-to-left
//! layout and falls back to English for the keys it does not translate.
//!
//! A [`Texts`] table holds plain strings; parameterised texts name their placeholders in
//! braces (`"We sent a code to {to}."`) and are filled with [`fill`]. Tenant-provided text
//! (error descriptions, device names) is only ever passed in as a placeholder value, never
//! looked up or translated.

pub mod ar;
pub mod de;
pub mod en;
mod table;

pub use table::Texts;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default and the fallback).
    #[default]
    En,
    /// German.
    De,
    /// Arabic: a few keys only, to check right-to-left layout; the rest is English.
    Ar,
}

/// The language tags accepted by [`Lang::parse`], as listed in errors and the README.
pub const SUPPORTED: &[&str] = &["en", "de", "ar"];

impl Lang {
    /// Every language, in [`SUPPORTED`] order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Ar];

    /// The language of a BCP 47 tag by its primary subtag, case-insensitively: `de`,
    /// `de-CH` and `DE` are German. `None` for languages this page does not have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// True when `tag` has the shape of a language tag (letters, digits and `-`, starting
    /// with 2 to 8 letters), whether or not this page has that language.
    pub fn is_well_formed(tag: &str) -> bool {
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        (2..=8).contains(&primary.len())
            && primary.chars().all(|c| c.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
    }

    /// The tag set as the root element's `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction, for the root element's `dir` attribute: `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En | Lang::De => "ltr",
        }
    }

    /// The texts of this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &en::EN,
            Lang::De => &de::DE,
            Lang::Ar => &ar::AR,
        }
    }
}

/// The texts of the language provided as context by the app (English outside it).
pub fn texts() -> &'static Texts {
    leptos::prelude::use_context::<Lang>()
        .unwrap_or_default()
        .texts()
}

/// Replaces each `{name}` of `template` by its value. Values are inserted as they are, so
/// tenant text stays data.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after.find('}').and_then(|end| {
            let name = &after[..end];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, end))
        });
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text before and after the one placeholder `{name}` of `template`, for texts that wrap
/// markup (`"You will sign in at {host}."` around `<strong>`).
pub fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let placeholder = format!("{{{name}}}");
    template
        .split_once(placeholder.as_str())
        .unwrap_or((template, ""))
}

#[cfg(test)]
mod tests;
