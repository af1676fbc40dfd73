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

#[test]
fn every_key_is_translated_to_german() {
    let english = en::EN.entries();
    let german = de::DE.entries();
    assert_eq!(english.len(), german.len());
    assert!(english.len() > 200, "{}", english.len());
    for ((key, en), (de_key, de)) in english.iter().zip(&german) {
        assert_eq!(key, de_key);
        assert!(!en.trim().is_empty(), "English {key} is empty");
        assert!(!de.trim().is_empty(), "German {key} is empty");
        assert_eq!(
            placeholders(en),
            placeholders(de),
            "{key}: placeholders differ between {en:?} and {de:?}"
        );
        if !language_neutral(en) && !["detail_sms", "demo_sms", "channel_sms", "title_passkey"].contains(key) {
            assert_ne!(en, de, "{key} is not translated");
        }
    }
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
fn arabic_translates_a_few_keys_and_falls_back_to_english() {
    let arabic = ar::AR.entries();
    let translated: Vec<&str> = arabic
        .iter()
        .zip(en::EN.entries())
        .filter(|((_, ar), (_, en))| ar != en)
        .map(|((key, _), _)| *key)
        .collect();
    assert!(translated.contains(&"heading"));
    assert!(translated.len() < 20, "{translated:?}");
    for ((key, ar), (_, en)) in arabic.iter().zip(en::EN.entries()) {
        assert_eq!(placeholders(ar), placeholders(en), "{key}");
    }
    assert_eq!(ar::AR.verify, en::EN.verify);
    assert_eq!(Lang::Ar.dir(), "rtl");
    assert_eq!(Lang::De.dir(), "ltr");
}

#[test]
fn tags_are_matched_by_primary_subtag() {
    assert_eq!(Lang::parse("de"), Some(Lang::De));
    assert_eq!(Lang::parse("de-CH"), Some(Lang::De));
    assert_eq!(Lang::parse("DE_at"), Some(Lang::De));
    assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    assert_eq!(Lang::parse("ar-EG"), Some(Lang::Ar));
    assert_eq!(Lang::parse("fr"), None);
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
    use crate::factors::describe::{api_hint, api_message, phone_problem, wait_text};
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
    assert_eq!(
        api_hint(&error, &de::DE).as_deref(),
        Some("Versuchen Sie es in 2 Minuten erneut.")
    );
    assert_eq!(wait_text(1, &de::DE), "1 Sekunde");
    assert_eq!(wait_text(5400, &de::DE), "1 Stunde 30 Minuten");
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
