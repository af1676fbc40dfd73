//! Parsing the authorization response: the callback URL's query, or a `web_message` payload.

use super::error::{AuthError, CallbackFlaw};

/// What `/authorize` answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthorizeResponse {
    /// Success: an authorization code for the token endpoint.
    Code {
        /// The single-use code.
        code: String,
        /// The echoed state.
        state: String,
    },
    /// Failure reported by the tenant (`login_required`, `access_denied`, …).
    Error {
        /// Machine code, e.g. `login_required`.
        error: String,
        /// Human text from the tenant; shown as text only.
        description: String,
        /// The echoed state, if any.
        state: Option<String>,
    },
}

impl AuthorizeResponse {
    /// The echoed state.
    pub fn state(&self) -> Option<&str> {
        match self {
            AuthorizeResponse::Code { state, .. } => Some(state),
            AuthorizeResponse::Error { state, .. } => state.as_deref(),
        }
    }

    /// Parses a callback query string (with or without the leading `?`). Returns `Ok(None)`
    /// when the URL carries no authorization response at all (an ordinary page load).
    pub fn from_query(query: &str) -> Result<Option<AuthorizeResponse>, AuthError> {
        let pairs: Vec<(String, String)> =
            url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
                .into_owned()
                .collect();
        let get = |name: &str| -> Result<Option<String>, AuthError> {
            let mut values = pairs.iter().filter(|(k, _)| k == name).map(|(_, v)| v);
            match (values.next(), values.next()) {
                (Some(_), Some(_)) => Err(AuthError::MalformedCallback(CallbackFlaw::Repeated(
                    name.to_owned(),
                ))),
                (value, _) => Ok(value.cloned()),
            }
        };
        let (code, state, error) = (get("code")?, get("state")?, get("error")?);
        match (code, state, error) {
            (None, None, None) => Ok(None),
            (_, state, Some(error)) => Ok(Some(AuthorizeResponse::Error {
                error,
                description: get("error_description")?.unwrap_or_default(),
                state,
            })),
            (Some(code), Some(state), None) if !code.is_empty() && !state.is_empty() => {
                Ok(Some(AuthorizeResponse::Code { code, state }))
            }
            (Some(_), _, None) => Err(AuthError::MalformedCallback(CallbackFlaw::CodeWithoutState)),
            (None, Some(_), None) => Err(AuthError::MalformedCallback(CallbackFlaw::StateOnly)),
        }
    }

    /// Checks the echoed state against the one this browser sent.
    pub fn check_state(self, expected: &str) -> Result<AuthorizeResponse, AuthError> {
        match self.state() {
            Some(state) if state == expected => Ok(self),
            _ => Err(AuthError::StateMismatch),
        }
    }
}

/// Checks the callback's `iss` parameter (RFC 9207), when the tenant sends one, against the
/// issuer the page signs in at: an answer from another server is refused before its code is
/// used. A repeated `iss` is refused too.
pub fn check_issuer(query: &str, issuer: &str) -> Result<(), AuthError> {
    let mut found = url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
        .filter(|(k, _)| k == "iss")
        .map(|(_, v)| v.into_owned());
    match (found.next(), found.next()) {
        (None, _) => Ok(()),
        (Some(_), Some(_)) => Err(AuthError::MalformedCallback(CallbackFlaw::Repeated(
            "iss".into(),
        ))),
        (Some(iss), None) if iss == issuer => Ok(()),
        (Some(iss), None) => Err(AuthError::WrongIssuer { found: iss }),
    }
}

/// Names of the query parameters an authorization response adds to the callback URL; they are
/// removed from the address bar once read.
pub const RESPONSE_PARAMS: &[&str] = &["code", "state", "error", "error_description", "iss"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_parameter_must_name_the_tenant_when_present() {
        let issuer = "https://acme.auth0.com/";
        assert_eq!(check_issuer("?code=c&state=s", issuer), Ok(()));
        assert_eq!(
            check_issuer(
                "?code=c&state=s&iss=https%3A%2F%2Facme.auth0.com%2F",
                issuer
            ),
            Ok(())
        );
        for (query, found) in [
            (
                "?code=c&state=s&iss=https%3A%2F%2Fevil.example%2F",
                "https://evil.example/",
            ),
            (
                "?code=c&state=s&iss=https%3A%2F%2Facme.auth0.com",
                "https://acme.auth0.com",
            ),
            ("?code=c&state=s&iss=", ""),
        ] {
            assert_eq!(
                check_issuer(query, issuer),
                Err(AuthError::WrongIssuer {
                    found: found.into()
                }),
                "{query}"
            );
        }
        assert_eq!(
            check_issuer("?iss=a&iss=https%3A%2F%2Facme.auth0.com%2F", issuer),
            Err(AuthError::MalformedCallback(CallbackFlaw::Repeated(
                "iss".into()
            )))
        );
    }

    #[test]
    fn ordinary_page_load_has_no_response() {
        assert_eq!(AuthorizeResponse::from_query(""), Ok(None));
        assert_eq!(AuthorizeResponse::from_query("?demo&lang=de"), Ok(None));
    }

    #[test]
    fn code_and_state_with_extra_params() {
        let r = AuthorizeResponse::from_query("?code=abc&state=xyz&lang=de").unwrap();
        assert_eq!(
            r,
            Some(AuthorizeResponse::Code {
                code: "abc".into(),
                state: "xyz".into()
            })
        );
    }

    #[test]
    fn error_response_is_decoded_as_text() {
        let r = AuthorizeResponse::from_query(
            "error=access_denied&error_description=Service%20not%20found%3A%20%3Cb%3Ex&state=s",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            r,
            AuthorizeResponse::Error {
                error: "access_denied".into(),
                description: "Service not found: <b>x".into(),
                state: Some("s".into()),
            }
        );
    }

    #[test]
    fn missing_and_duplicated_params_are_refused() {
        for query in [
            "code=abc",
            "state=xyz",
            "code=&state=x",
            "code=a&code=b&state=s",
            "code=a&state=s&state=t",
        ] {
            assert!(
                matches!(
                    AuthorizeResponse::from_query(query),
                    Err(AuthError::MalformedCallback(_))
                ),
                "{query}"
            );
        }
    }

    #[test]
    fn state_mismatch_is_refused() {
        let r = AuthorizeResponse::Code {
            code: "c".into(),
            state: "forged".into(),
        };
        assert_eq!(r.clone().check_state("mine"), Err(AuthError::StateMismatch));
        assert_eq!(r.clone().check_state("forged"), Ok(r));
        let no_state = AuthorizeResponse::Error {
            error: "login_required".into(),
            description: String::new(),
            state: None,
        };
        assert_eq!(no_state.check_state("mine"), Err(AuthError::StateMismatch));
    }
}
