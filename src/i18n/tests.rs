use super::*;
use std::collections::BTreeSet;

/// The `{name}` placeholders of a template.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

/// True when a text is only placeholders and punctuation, so it may read the same in any
/// language (`"{title} ({detail})"`).
fn language_neutral(text: &str) -> bool {
    let mut rest = text.to_owned();
    for name in placeholders(text) {
        rest = rest.replace(&format!("{{{name}}}"), "");
    }
    !rest.chars().any(char::is_alphabetic)
}

/// Keys whose text may read as in English in `lang`: words that language borrows as they are.
fn same_as_english(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &["detail_sms", "demo_sms", "channel_sms", "title_passkey"],
        Lang::Fr => &["key_type", "status_active"],
        _ => &[],
    }
}

#[test]
fn every_language_has_every_text_with_the_english_placeholders() {
    let english = en::EN.entries();
    assert!(english.len() > 200, "{}", english.len());
    for lang in Lang::ALL {
        let table = lang.table().entries();
        assert_eq!(english.len(), table.len(), "{lang:?}");
        for ((key, en), (lang_key, text)) in english.iter().zip(&table) {
            assert_eq!(key, lang_key);
            assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
            assert_eq!(
                placeholders(en),
                placeholders(text),
                "{lang:?} {key}: placeholders differ between {en:?} and {text:?}"
            );
            if lang != Lang::En && !language_neutral(en) && !same_as_english(lang).contains(key) {
                assert_ne!(en, text, "{lang:?} {key} is not translated");
            }
        }
    }
}

#[test]
fn languages_in_other_scripts_leave_no_sentence_in_english() {
    let arabic = |c: char| ('\u{600}'..='\u{6ff}').contains(&c);
    let japanese =
        |c: char| ('\u{3040}'..='\u{30ff}').contains(&c) || ('\u{4e00}'..='\u{9fff}').contains(&c);
    for (lang, script) in [
        (Lang::Ar, &arabic as &dyn Fn(char) -> bool),
        (Lang::Ja, &japanese),
    ] {
        for ((key, text), (_, en)) in lang.table().entries().into_iter().zip(en::EN.entries()) {
            let borrowed = ["locale", "demo_sms", "detail_sms", "channel_sms"];
            if !language_neutral(en) && !borrowed.contains(&key) {
                assert!(
                    text.chars().any(script),
                    "{lang:?} {key} is not in its script: {text:?}"
                );
            }
        }
    }
    assert_eq!(Lang::Ar.dir(), "rtl");
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::Ar) {
        assert_eq!(lang.dir(), "ltr");
    }
}

#[test]
fn every_table_names_its_language_for_intl() {
    for lang in Lang::ALL {
        assert_eq!(lang.table().locale, lang.tag());
    }
}

#[test]
fn every_table_lives_in_the_file_its_stem_names() {
    // `cargo xtask dist` reads the tables from these files to write the build's texts/.
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    for lang in Lang::ALL {
        let source = std::fs::read_to_string(folder.join(format!("{}.rs", lang.file_stem())))
            .unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        let heading = format!("heading: {:?},", lang.table().heading);
        assert!(source.contains(": Texts = Texts {"), "{lang:?}");
        assert!(source.contains(&heading), "{lang:?}: {heading}");
    }
}

#[test]
fn a_table_is_read_back_from_its_list_of_texts() {
    let list: Vec<&'static str> = fr::FR.entries().into_iter().map(|(_, text)| text).collect();
    let table = Texts::from_list(list.clone()).expect("one text per key");
    assert_eq!(table.entries(), fr::FR.entries());
    assert!(Texts::from_list(list[1..].to_vec()).is_none());
    let mut longer = list;
    longer.push("one too many");
    assert!(Texts::from_list(longer).is_none());
}

#[test]
fn german_uses_the_formal_address() {
    for (key, text) in de::DE.entries() {
        for informal in [" du ", " Du ", " dein", " Dein", " dich ", " dir "] {
            assert!(!text.contains(informal), "{key}: {text}");
        }
    }
    assert_eq!(de::DE.heading, "Sicherheitseinstellungen");
    assert_eq!(de::DE.add_app, "Authentifizierungs-App hinzufügen");
    assert_eq!(de::DE.verify, "Bestätigen");
}

#[test]
fn tags_are_matched_by_primary_subtag() {
    assert_eq!(Lang::parse("de"), Some(Lang::De));
    assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
    assert_eq!(Lang::parse("DE_at"), Some(Lang::De));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse("ar-EG"), Some(Lang::Ar));
    assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
    assert_eq!(Lang::parse("es-419"), Some(Lang::Es));
    assert_eq!(Lang::parse("ja-JP"), Some(Lang::Ja));
    assert_eq!(Lang::parse("pt"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("pt-BR"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("pt-PT"), Some(Lang::PtBr));
    assert_eq!(Lang::parse("it"), None);
    assert_eq!(Lang::parse("english"), None);
    assert_eq!(Lang::parse(""), None);
    assert!(Lang::is_well_formed("fr"));
    assert!(Lang::is_well_formed("zh-Hant-TW"));
    assert!(!Lang::is_well_formed("german please"));
    assert!(!Lang::is_well_formed("d"));
    assert!(!Lang::is_well_formed("de-"));
    for lang in Lang::ALL {
        assert_eq!(Lang::parse(lang.tag()), Some(lang));
        assert!(SUPPORTED.contains(&lang.tag()));
    }
    assert_eq!(SUPPORTED.len(), Lang::ALL.len());
}

#[test]
fn the_first_of_the_browsers_languages_that_the_page_has_wins() {
    assert_eq!(
        Lang::first_supported(["it-IT", "it", "fr-CA", "de"]),
        Some(Lang::Fr)
    );
    assert_eq!(Lang::first_supported(["en-GB", "de"]), Some(Lang::En));
    assert_eq!(Lang::first_supported(["it", "nl"]), None);
    assert_eq!(Lang::first_supported([]), None);
}

#[test]
fn fill_replaces_named_placeholders_only() {
    assert_eq!(
        fill("We sent a code to {to}.", &[("to", "+1 {x}")]),
        "We sent a code to +1 {x}."
    );
    assert_eq!(fill("{a} and {b}", &[("b", "2"), ("a", "1")]), "1 and 2");
    assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    assert_eq!(
        around("You will sign in at {host}.", "host"),
        ("You will sign in at ", ".")
    );
}

#[test]
fn errors_render_in_german_and_english() {
    use crate::api::ApiError;
    use crate::app::describe::auth_hint;
    use crate::auth::AuthError;
    use crate::factors::describe::{api_hint, api_message, phone_problem};
    let error = ApiError::RateLimited {
        retry_after: Some(90),
        description: "Too many sms".into(),
    };
    assert_eq!(
        api_message(&error, &en::EN),
        "Too many requests were made: Too many sms"
    );
    assert_eq!(
        api_message(&error, &de::DE),
        "Es wurden zu viele Anfragen gestellt: Too many sms"
    );
    // The wait itself is the browser's words (`intl`), English outside a browser.
    assert_eq!(
        api_hint(&error, &de::DE).as_deref(),
        Some("Versuchen Sie es in 2 minutes erneut.")
    );
    assert_eq!(
        auth_hint(&AuthError::PopupBlocked, &de::DE),
        Some("Erlauben Sie Pop-ups für diese Website und versuchen Sie es dann erneut.")
    );
    assert_eq!(
        phone_problem(&crate::factors::phone::PhoneError::TooShort, &de::DE),
        "Die Nummer ist zu kurz: Mit Ländervorwahl braucht sie mindestens 8 Ziffern."
    );
}

#[test]
fn sign_in_flaws_are_worded_in_german() {
    use crate::app::describe::auth_message;
    use crate::auth::error::{AuthError, CallbackFlaw, StorageFlaw};
    let repeated = AuthError::MalformedCallback(CallbackFlaw::Repeated("code".into()));
    assert!(auth_message(&repeated, &de::DE).contains("der Parameter „code“ kommt mehrfach vor"));
    assert!(
        auth_message(&repeated, &en::EN).contains("the parameter \"code\" appears more than once")
    );
    assert!(
        auth_message(&AuthError::Storage(StorageFlaw::Blocked), &de::DE)
            .contains("sessionStorage ist gesperrt")
    );
}
