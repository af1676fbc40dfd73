use super::*;

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
            "\"return_to\" must be an absolute URL",
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
    assert_eq!(c.return_to.as_deref(), Some("/home"));
}

#[test]
fn lang_selects_the_language_and_defaults_to_english() {
    let base = r#""domain":"acme.us.auth0.com","client_id":"abc""#;
    let lang = |value: &str| validate(&format!("{{{base},\"lang\":{value}}}")).map(|c| c.lang);
    assert_eq!(validate(&format!("{{{base}}}")).unwrap().lang, Lang::En);
    assert_eq!(lang("\"de\""), Ok(Lang::De));
    assert_eq!(lang("\"de-CH\""), Ok(Lang::De));
    assert_eq!(lang("\"ar\""), Ok(Lang::Ar));
    assert_eq!(lang("\" \""), Ok(Lang::En));
    // A language the page does not have falls back to English instead of failing.
    assert_eq!(lang("\"fr\""), Ok(Lang::En));
}

#[test]
fn malformed_lang_names_the_field_and_the_supported_values() {
    let errors =
        messages(r#"{"domain":"acme.us.auth0.com","client_id":"abc","lang":"German please"}"#);
    assert_eq!(
        errors,
        vec![
            "\"lang\" is \"German please\", which is not a language tag; use one of \"en\", \"de\", \"ar\"."
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
