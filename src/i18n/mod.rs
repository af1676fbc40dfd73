//! Every user-facing text in one place per language: [`en`](en::EN) (the reference),
//! [`de`](de::DE), [`fr`](fr::FR), [`es`](es::ES), [`ja`](ja::JA), [`pt_br`](pt_br::PT_BR)
//! and [`ar`](ar::AR) (right to left), each complete: a table that lacks a key does not
//! compile.
//!
//! A [`Texts`] table holds plain strings; parameterised texts name their placeholders in
//! braces (`"We sent a code to {to}."`) and are filled with [`fill`]. Tenant-provided text
//! (error descriptions, device names) is only ever passed in as a placeholder value, never
//! looked up or translated.
//!
//! The release page compiles in English only: every other table is a file of the build
//! (feature `text-files`, see `files.rs`), fetched when its language is needed.

pub mod ar;
mod browser;
pub mod de;
pub mod en;
pub mod es;
#[cfg(all(feature = "text-files", target_arch = "wasm32"))]
pub mod files;
pub mod fr;
pub mod intl;
pub mod ja;
pub mod pt_br;
mod table;

pub use browser::browser_lang;
pub use table::Texts;

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the default and the fallback).
    #[default]
    En,
    /// German.
    De,
    /// French.
    Fr,
    /// Spanish.
    Es,
    /// Japanese.
    Ja,
    /// Brazilian Portuguese (also for `pt` and its other regions).
    PtBr,
    /// Arabic, written right to left.
    Ar,
}

/// The language tags accepted by [`Lang::parse`], as listed in errors and the README.
pub const SUPPORTED: &[&str] = &["en", "de", "fr", "es", "ja", "pt-BR", "ar"];

impl Lang {
    /// Every language, in [`SUPPORTED`] order.
    pub const ALL: [Lang; 7] = [
        Lang::En,
        Lang::De,
        Lang::Fr,
        Lang::Es,
        Lang::Ja,
        Lang::PtBr,
        Lang::Ar,
    ];

    /// The language of a BCP 47 tag by its primary subtag, case-insensitively: `de`,
    /// `de-CH` and `DE` are German, `pt` and `pt-PT` Brazilian Portuguese. `None` for
    /// languages this page does not have.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|lang| lang.file_stem().split('_').next() == Some(primary.as_str()))
    }

    /// The first of `tags` (the browser's preferences, best first) that is a language of
    /// this page.
    pub fn first_supported<'a>(tags: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
        tags.into_iter().find_map(Lang::parse)
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

    /// The tag set as the root element's `lang` attribute (and given to `Intl`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ja => "ja",
            Lang::PtBr => "pt-BR",
            Lang::Ar => "ar",
        }
    }

    /// The name of the table's source file in `src/i18n/` without `.rs`, and of its file in
    /// the build (`texts/STEM-HASH.json`): the tag in lower case, `-` written `_`.
    pub fn file_stem(self) -> &'static str {
        match self {
            Lang::PtBr => "pt_br",
            other => other.tag(),
        }
    }

    /// The writing direction, for the root element's `dir` attribute: `ltr` or `rtl`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The compiled table of this language. The release page leaves every table but
    /// English out of its wasm by never calling this for another language: it reads
    /// them through [`Lang::texts`].
    pub fn table(self) -> &'static Texts {
        match self {
            Lang::En => &en::EN,
            Lang::De => &de::DE,
            Lang::Fr => &fr::FR,
            Lang::Es => &es::ES,
            Lang::Ja => &ja::JA,
            Lang::PtBr => &pt_br::PT_BR,
            Lang::Ar => &ar::AR,
        }
    }

    /// The texts of this language: its compiled table, or in the release page the table
    /// loaded from its file (`files::load`); English until that has arrived or when it
    /// could not be loaded.
    pub fn texts(self) -> &'static Texts {
        #[cfg(all(feature = "text-files", target_arch = "wasm32"))]
        return match self {
            Lang::En => &en::EN,
            other => files::loaded(other.file_stem()).unwrap_or(&en::EN),
        };
        #[cfg(not(all(feature = "text-files", target_arch = "wasm32")))]
        return self.table();
    }
}

/// Makes the texts of `lang` available to [`Lang::texts`]: in the release page, fetches its
/// file (see `files.rs`); where every table is compiled in, there is nothing to wait for.
/// True when they are here (false when the file could not be loaded: English stands in).
pub async fn ready(lang: Lang) -> bool {
    #[cfg(all(feature = "text-files", target_arch = "wasm32"))]
    {
        if lang == Lang::En {
            return true;
        }
        files::load(lang.file_stem(), lang.tag()).await;
        files::loaded(lang.file_stem()).is_some()
    }
    #[cfg(not(all(feature = "text-files", target_arch = "wasm32")))]
    {
        let _ = lang;
        true
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
