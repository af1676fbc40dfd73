//! Run natively (the `url` crate reads the URLs) and in the browser (the browser's own URL
//! parser does, `tests/config_in_browser.rs`): the two must agree.

use super::*;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const PAGE: &str = "https://app.example.com/account/security/";

fn validate(json: &str) -> Result<Config, Vec<ConfigError>> {
    Config::from_json(json, PAGE)
}

fn messages(json: &str) -> Vec<String> {
    validate(json)
        .expect_err("config should be rejected")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn minimal_config_gets_defaults() {
    let c = validate(r#"{"domain":"acme.us.auth0.com","client_id":"abc"}"#).unwrap();
    assert_eq!(c.domain.as_str(), "https://acme.us.auth0.com");
    assert_eq!(c.mfa_audience(), "https://acme.us.auth0.com/mfa/");
    assert_eq!(c.redirect_uri, PAGE);
    assert_eq!(c.app_scope, DEFAULT_APP_SCOPE);
    assert_eq!(c.mode, Mode::Redirect);
    assert!(!c.demo);
}

#[test]
fn emulator_origin_keeps_http_and_port() {
    let c =
        validate(r#"{"domain":"http://127.0.0.1:4000/","client_id":"x","mode":"popup"}"#).unwrap();
    assert_eq!(c.domain.as_str(), "http://127.0.0.1:4000");
    assert_eq!(c.mfa_audience(), "http://127.0.0.1:4000/mfa/");
    assert_eq!(c.mode, Mode::Popup);
}

#[test]
fn custom_domain_uses_canonical_for_the_audience() {
    let c = validate(
        r#"{"domain":"login.acme.com","canonical_domain":"acme.eu.auth0.com","client_id":"x"}"#,
    )
    .unwrap();
    assert_eq!(c.domain.as_str(), "https://login.acme.com");
    assert_eq!(c.mfa_audience(), "https://acme.eu.auth0.com/mfa/");
}

#[test]
fn custom_domain_without_canonical_is_explained() {
    let errs = validate(r#"{"domain":"login.acme.com","client_id":"x"}"#).unwrap_err();
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].field(), Some("canonical_domain"));
    assert!(errs[0].to_string().contains("custom domain"));
}

#[test]
fn every_problem_is_reported_at_once() {
    let errs = validate(r#"{"mode":"iframe"}"#).unwrap_err();
    let fields: Vec<_> = errs.iter().map(ConfigError::field).collect();
    assert_eq!(fields, [Some("domain"), Some("client_id"), Some("mode")]);
}

#[test]
fn validation_table() {
    let cases: &[(&str, &str)] = &[
        (r#"{"client_id":"x"}"#, "\"domain\" is missing"),
        (r#"{"domain":"acme.auth0.com"}"#, "\"client_id\" is missing"),
        (
            r#"{"domain":"  ","client_id":"x"}"#,
            "\"domain\" is missing",
        ),
        (
            r#"{"domain":"acme.auth0.com/mfa","client_id":"x"}"#,
            "\"domain\" contains a path",
        ),
        (
            r#"{"domain":"acme.auth0.com?x=1","client_id":"x"}"#,
            "\"domain\" contains a query string",
        ),
        (
            r#"{"domain":"ftp://acme.auth0.com","client_id":"x"}"#,
            "uses the scheme \"ftp\"",
        ),
        (
            r#"{"domain":"http://acme.auth0.com","client_id":"x"}"#,
            "Auth0 requires https",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"a b"}"#,
            "\"client_id\" must not contain spaces",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"x","redirect_uri":"/cb"}"#,
            "\"redirect_uri\" must be an absolute URL",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"x","redirect_uri":"http://evil.example/"}"#,
            "\"redirect_uri\" uses http://",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"x","return_to":"//evil.example"}"#,
            "\"return_to\" is a path that leads to another site (https://evil.example)",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"x","app_audience":"https://acme.auth0.com/mfa/"}"#,
            "\"app_audience\" (https://acme.auth0.com/mfa/) is the MFA API",
        ),
        (
            r#"{"domain":"acme.auth0.com","client_id":"x","mode":"iframe"}"#,
            "\"mode\" is \"iframe\" but must be \"redirect\" or \"popup\"",
        ),
        (
            r#"{"domain":"acme.auth0.com","clientId":"x"}"#,
            "unknown field `clientId`",
        ),
        (r#"{"domain":"acme.auth0.com","#, "config.json is not valid"),
        (
            r#"{"domain":"acme.auth0.com","demo":"yes"}"#,
            "invalid type",
        ),
    ];
    for (json, expected) in cases {
        let all = messages(json).join(" | ");
        assert!(
            all.contains(expected),
            "{json}: expected {expected:?} in {all:?}"
        );
    }
}

#[test]
fn demo_mode_needs_no_tenant() {
    let c = validate(r#"{"demo":true}"#).unwrap();
    assert!(c.demo);
    assert!(!c.domain.is_custom_domain());
}

#[test]
fn same_origin_return_path_is_accepted() {
    let c = validate(r#"{"domain":"acme.auth0.com","client_id":"x","return_to":"/home"}"#).unwrap();
    assert_eq!(
        c.return_to.as_deref(),
        Some("https://app.example.com/home"),
        "kept as the address the browser goes to"
    );
}

#[test]
fn lang_selects_the_language_and_defaults_to_english() {
    let base = r#""domain":"acme.us.auth0.com","client_id":"abc""#;
    let lang = |value: &str| validate(&format!("{{{base},\"lang\":{value}}}")).map(|c| c.lang);
    assert_eq!(validate(&format!("{{{base}}}")).unwrap().lang, Lang::En);
    assert_eq!(lang("\"de\""), Ok(Lang::De));
    assert_eq!(lang("\"de-CH\""), Ok(Lang::De));
    assert_eq!(lang("\"ar\""), Ok(Lang::Ar));
    assert_eq!(lang("\"pt\""), Ok(Lang::PtBr));
    assert_eq!(lang("\"ja-JP\""), Ok(Lang::Ja));
    assert_eq!(lang("\" \""), Ok(Lang::En));
    // A language the page does not have falls back to English instead of failing.
    assert_eq!(lang("\"it\""), Ok(Lang::En));
}

#[test]
fn malformed_lang_names_the_field_and_the_supported_values() {
    let errors =
        messages(r#"{"domain":"acme.us.auth0.com","client_id":"abc","lang":"German please"}"#);
    assert_eq!(
        errors,
        vec![
            "\"lang\" is \"German please\", which is not a language tag; use one of \"en\", \"de\", \"fr\", \"es\", \"ja\", \"pt-BR\", \"ar\"."
        ]
    );
}

#[test]
fn problems_and_load_failures_are_worded_in_the_page_language() {
    use crate::i18n::{de::DE, en::EN};
    let errors =
        validate(r#"{"domain":"acme.auth0.com/mfa","client_id":"a b","mode":"tab"}"#).unwrap_err();
    let german: Vec<String> = errors.iter().map(|e| e.message_in(&DE)).collect();
    assert_eq!(
        german,
        [
            "„domain“ enthält einen Pfad; geben Sie nur den Hostnamen an, z. B. „acme.us.auth0.com“.",
            "„client_id“ darf keine Leerzeichen enthalten.",
            "„mode“ ist „tab“, muss aber „redirect“ oder „popup“ sein.",
        ]
    );
    let missing = ConfigError::Unavailable(LoadFailure::NotFound);
    assert!(missing
        .message_in(&DE)
        .contains("nicht gefunden (HTTP 404)"));
    assert!(missing
        .message_in(&EN)
        .contains("not found next to index.html (HTTP 404)"));
    let status = ConfigError::Unavailable(LoadFailure::Status(503));
    assert!(status
        .message_in(&DE)
        .ends_with("der Server antwortete mit HTTP 503."));
}

/// Validates a configuration whose other keys are valid, with `key` set to `value`: the
/// configuration, or the messages about `key` joined by " | ".
fn set(key: &str, value: &str) -> Result<Config, String> {
    let mut json = serde_json::json!({
        "domain": "acme.auth0.com", "canonical_domain": "acme.auth0.com", "client_id": "x"
    });
    json[key] = value.into();
    let errors = match validate(&json.to_string()) {
        Ok(config) => return Ok(config),
        Err(errors) => errors,
    };
    let messages: Vec<String> = errors
        .iter()
        .inspect(|e| assert_eq!(e.field(), Some(key), "{key} = {value:?}: {e}"))
        .map(ToString::to_string)
        .collect();
    Err(messages.join(" | "))
}

/// Each `(value, part of the message)` is refused for `key`; every case that is not is listed.
fn refuses(key: &str, cases: &[(&str, &str)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(value, expected)| match set(key, value) {
            Ok(config) => Some(format!("{value:?} was accepted as {config:?}")),
            Err(all) if !all.contains(expected) => {
                Some(format!("{value:?}: expected {expected:?} in {all:?}"))
            }
            Err(_) => None,
        })
        .collect();
    assert!(wrong.is_empty(), "{key}:\n{}", wrong.join("\n"));
}

/// Hosts that are not what they look like, for `domain` and `canonical_domain`.
const HOSTILE_DOMAINS: &[(&str, &str)] = &[
    // Plain http only for loopback addresses, not for names that start like one.
    (
        "http://127.attacker.example",
        "uses http:// for 127.attacker.example",
    ),
    (
        "http://127.0.0.1.nip.io",
        "uses http:// for 127.0.0.1.nip.io",
    ),
    (
        "http://localhost.attacker.example",
        "uses http:// for localhost.attacker.example",
    ),
    ("http://[::2]:4000", "uses http:// for [::2]"),
    // Characters a URL parser reads as separators, or decodes, in the host.
    ("evil.example\\.auth0.com", "not allowed in a host name: \\"),
    (
        "https://evil.example\\.auth0.com",
        "not allowed in a host name: \\",
    ),
    ("acme.auth0.com%2f", "not allowed in a host name: %"),
    ("acme%2eauth0.com", "not allowed in a host name: %"),
    ("evil.example;.auth0.com", "not allowed in a host name: ;"),
    (
        "evil.example\u{ff0f}.auth0.com",
        "not allowed in a host name: \u{ff0f}",
    ),
    (
        "evil.example\u{ff0e}auth0.com",
        "not allowed in a host name: \u{ff0e}",
    ),
    ("b\u{fc}cher.example", "not allowed in a host name: \u{fc}"),
    ("evil.example/.auth0.com", "contains a path"),
    ("evil.example?.auth0.com", "contains a query string"),
    ("evil.example#.auth0.com", "contains a fragment"),
    ("evil.example@acme.auth0.com", "contains user information"),
    ("acme.auth0.com%2f@evil", "contains user information"),
    ("acme\t.auth0.com", "contains spaces"),
    ("acme\n.auth0.com", "contains spaces"),
    // Hosts the parser rewrites: write them as they are read.
    ("http://127.1:4000", "browsers read as 127.0.0.1"),
    ("http://0x7f.0.0.1", "browsers read as 127.0.0.1"),
    ("http://2130706433", "browsers read as 127.0.0.1"),
    ("http://[0:0:0:0:0:0:0:1]", "browsers read as [::1]"),
    // Not a host at all.
    ("javascript:alert(1)", "port"),
    ("acme.auth0.com:99999", "port"),
    (
        "data:text/html,<script>alert(1)</script>",
        "contains a path",
    ),
    (
        "otpauth-migration://offline?data=x",
        "uses the scheme \"otpauth-migration\"",
    ),
    ("ftp://acme.auth0.com", "uses the scheme \"ftp\""),
    ("https://", "is empty after the scheme"),
    ("https://:4000", "has no host name"),
];

#[test]
fn domains_are_refused_when_their_host_is_not_what_it_looks_like() {
    for key in ["domain", "canonical_domain"] {
        refuses(key, HOSTILE_DOMAINS);
    }
}

#[test]
fn domains_are_read_as_a_url_parser_reads_them() {
    let cases = [
        ("acme.us.auth0.com", "https://acme.us.auth0.com"),
        ("ACME.us.auth0.com/", "https://acme.us.auth0.com"),
        ("HTTPS://acme.us.auth0.com", "https://acme.us.auth0.com"),
        ("https://acme.us.auth0.com:443", "https://acme.us.auth0.com"),
        // Surrounding blanks are trimmed; they never reach the host.
        ("acme.auth0.com\t", "https://acme.auth0.com"),
        ("http://127.0.0.1:4000", "http://127.0.0.1:4000"),
        ("http://127.0.0.5:4000", "http://127.0.0.5:4000"),
        ("http://[::1]:4000", "http://[::1]:4000"),
        ("http://localhost:4000", "http://localhost:4000"),
        ("http://LOCALHOST:4000", "http://localhost:4000"),
    ];
    for (value, origin) in cases {
        for key in ["domain", "canonical_domain"] {
            let config = set(key, value).unwrap_or_else(|e| panic!("{value:?}: {e}"));
            let parsed = if key == "domain" {
                &config.domain
            } else {
                &config.canonical_domain
            };
            assert_eq!(parsed.as_str(), origin, "{key} = {value:?}");
        }
    }
}

#[test]
fn a_loopback_address_is_the_tenant_itself_and_a_backslash_host_is_not() {
    let alone = |domain: &str| {
        validate(&serde_json::json!({"domain": domain, "client_id": "x"}).to_string())
    };
    for origin in ["http://127.0.0.5:4000", "http://[::1]:4000"] {
        let config = alone(origin).unwrap_or_else(|e| panic!("{origin}: {e:?}"));
        assert!(!config.domain.is_custom_domain(), "{origin}");
        assert_eq!(config.mfa_audience(), format!("{origin}/mfa/"));
    }
    // Read by a URL parser this is `evil.example`, whatever its end says.
    let errors = alone("evil.example\\.auth0.com").expect_err("a backslash in the host");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field(), Some("domain"));
    assert!(
        errors[0]
            .to_string()
            .contains("not allowed in a host name: \\"),
        "{}",
        errors[0]
    );
}

/// URLs that lead elsewhere than they seem, for `redirect_uri` and an absolute `return_to`.
const HOSTILE_URLS: &[(&str, &str)] = &[
    ("http://127.attacker.example/cb", "uses http://"),
    ("http://127.0.0.1.nip.io/cb", "uses http://"),
    ("http://localhost.attacker.example/cb", "uses http://"),
    (
        "https://evil.example\\.app.example.com/cb",
        "not allowed in a host name: \\",
    ),
    ("https:\\\\evil.example/cb", "not allowed in a URL: \\"),
    (
        "https://app.example.com/\\evil.example",
        "not allowed in a URL: \\",
    ),
    (
        "https://app.example.com@evil.example/cb",
        "must not contain user information",
    ),
    (
        "https://app.example.com%2f@evil.example/cb",
        "must not contain user information",
    ),
    ("https://evil%2eexample/cb", "not allowed in a host name: %"),
    (
        "https://app.example.com\t.evil.example/cb",
        "must not contain spaces",
    ),
    (
        "https://app.example.com/c\u{0}b",
        "not allowed in a URL: U+0000",
    ),
    (
        "https://b\u{fc}cher.example/cb",
        "not allowed in a host name: \u{fc}",
    ),
    ("http://127.1:4000/cb", "browsers read as 127.0.0.1"),
    ("javascript:alert(1)", "must be an absolute URL"),
    (
        "data:text/html,<script>alert(1)</script>",
        "must be an absolute URL",
    ),
    ("https:/evil.example/cb", "must be an absolute URL"),
    ("https:evil.example/cb", "must be an absolute URL"),
    ("https://", "has no host name"),
];

/// URLs every URL key accepts as written.
const GOOD_URLS: &[&str] = &[
    "https://app.example.com/account/cb",
    "http://127.0.0.1:4000/cb",
    "http://127.0.0.5:4000/",
    "http://[::1]:4000/cb",
    "http://localhost:4000/cb",
];

#[test]
fn redirect_uri_is_an_https_url_as_a_parser_reads_it() {
    refuses("redirect_uri", HOSTILE_URLS);
    for url in GOOD_URLS {
        let config = set("redirect_uri", url).unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(config.redirect_uri, *url);
    }
}

#[test]
fn return_to_is_an_https_url_or_a_path_on_this_site() {
    refuses("return_to", HOSTILE_URLS);
    refuses(
        "return_to",
        &[
            ("/\\evil.example", "not allowed in a URL: \\"),
            ("/\t/evil.example", "must not contain spaces"),
            ("/\n/evil.example", "must not contain spaces"),
            (
                "//evil.example",
                "leads to another site (https://evil.example)",
            ),
            (
                "///evil.example",
                "leads to another site (https://evil.example)",
            ),
            ("home", "must be an absolute URL"),
        ],
    );
    for url in GOOD_URLS {
        let config = set("return_to", url).unwrap_or_else(|e| panic!("{url}: {e}"));
        assert_eq!(config.return_to.as_deref(), Some(*url));
    }
    // A path is kept as the address it leads to on the page's own site.
    for (path, target) in [
        ("/home", "https://app.example.com/home"),
        (
            "/account/done?x=1#top",
            "https://app.example.com/account/done?x=1#top",
        ),
        (
            "/%5Cevil.example",
            "https://app.example.com/%5Cevil.example",
        ),
    ] {
        let config = set("return_to", path).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(config.return_to.as_deref(), Some(target), "{path}");
    }
}

#[test]
fn app_audience_urls_follow_the_url_rules_and_other_identifiers_stay_as_written() {
    refuses(
        "app_audience",
        &[
            (
                "https://api.example.com\\.acme.auth0.com/",
                "not allowed in a host name: \\",
            ),
            ("https://api.example.com/\\mfa", "not allowed in a URL: \\"),
            (
                "https://user@api.example.com/",
                "must not contain user information",
            ),
            ("https://api.example.com\t/", "must not contain spaces"),
            (
                "https://api%2eexample.com/",
                "not allowed in a host name: %",
            ),
            ("https://ACME.auth0.com/mfa", "is the MFA API"),
            ("https://acme.auth0.com/mfa/", "is the MFA API"),
        ],
    );
    for audience in [
        "https://api.example.com/",
        // An identifier is never fetched: plain http names an API as well.
        "http://api.example.com",
        "urn:acme:api",
        "my-api",
    ] {
        let config = set("app_audience", audience).unwrap_or_else(|e| panic!("{audience}: {e}"));
        assert_eq!(config.app_audience.as_deref(), Some(audience));
    }
}

#[test]
fn new_problems_are_worded_in_german_too() {
    use crate::i18n::de::DE;
    let errors = validate(
        r#"{"domain":"evil.example\\.auth0.com","client_id":"x","redirect_uri":"http://127.1:4000/cb","return_to":"//evil.example"}"#,
    )
    .unwrap_err();
    let german: Vec<String> = errors.iter().map(|e| e.message_in(&DE)).collect();
    assert_eq!(
        german,
        [
            "„domain“ enthält ein Zeichen, das in einem Hostnamen nicht erlaubt ist: \\.",
            "„redirect_uri“ nennt den Host 127.1, den Browser als 127.0.0.1 lesen; schreiben Sie 127.0.0.1.",
            "„return_to“ ist ein Pfad, der zu einer anderen Website führt (https://evil.example); ein Pfad muss auf der Website dieser Seite bleiben.",
        ]
    );
}
