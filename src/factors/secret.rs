//! The authenticator-app enrollment's secret and `otpauth://` URI (protocol §6.2), and the
//! 6-digit codes the user types back.

use std::fmt;

/// Splits a TOTP secret into groups of four (`ABCD EFGH …`) so it can be typed by hand.
pub fn group_secret(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().filter(|c| !c.is_whitespace()).collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What an `otpauth://totp/…` URI tells an authenticator app.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpAuth {
    /// Who the account is with (the tenant's name).
    pub issuer: String,
    /// The user's name or email.
    pub account: String,
    /// Base32 key, upper case, without padding.
    pub secret: String,
    /// `SHA1`, `SHA256` or `SHA512`.
    pub algorithm: String,
    /// Code length.
    pub digits: u32,
    /// Seconds each code is valid.
    pub period: u32,
    /// The URI as parsed, for the "open in the app" link and the QR code (holds the secret).
    pub link: String,
}

impl fmt::Debug for OtpAuth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The secret is a credential: never printed.
        f.debug_struct("OtpAuth")
            .field("issuer", &self.issuer)
            .field("account", &self.account)
            .field("algorithm", &self.algorithm)
            .field("digits", &self.digits)
            .field("period", &self.period)
            .finish_non_exhaustive()
    }
}

/// Reads `otpauth://totp/ISSUER:ACCOUNT?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`
/// with a URL parser, so only what a browser reads as an `otpauth:` link becomes one (not a
/// `javascript:` or `data:` URI, and nothing with tabs or newlines a parser would drop).
/// Absent parameters take the defaults every app assumes (SHA1, 6 digits, 30 s); an `issuer`
/// parameter wins over the label's prefix.
pub fn parse_otpauth(uri: &str) -> Result<OtpAuth, String> {
    const SCHEME: &str = "otpauth://";
    const NOT_A_LINK: &str = "The setup link is not a valid otpauth:// URI.";
    let uri = uri.trim();
    if !uri
        .get(..SCHEME.len())
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case(SCHEME))
    {
        return Err("The setup link does not start with otpauth://.".into());
    }
    if uri.chars().any(char::is_control) {
        return Err(NOT_A_LINK.into());
    }
    let url = url::Url::parse(uri).map_err(|_| NOT_A_LINK)?;
    if url.scheme() != "otpauth"
        || !url.username().is_empty()
        || url.password().is_some()
        || url.port().is_some()
    {
        return Err(NOT_A_LINK.into());
    }
    let kind = url.host_str().unwrap_or_default();
    if !kind.eq_ignore_ascii_case("totp") {
        return Err(format!(
            "The setup link is for \u{201c}{kind}\u{201d} codes; only time-based (totp) codes are supported."
        ));
    }
    let label = url
        .path()
        .strip_prefix('/')
        .ok_or("The setup link has no account name.")?;
    let query = url.query().unwrap_or_default();
    let label = percent_decode(label).ok_or("The setup link's account name is not valid UTF-8.")?;
    let (label_issuer, account) = match label.split_once(':') {
        Some((issuer, account)) => (issuer.to_owned(), account.trim_start().to_owned()),
        None => (String::new(), label),
    };
    if account.is_empty() {
        return Err("The setup link has no account name.".into());
    }

    let mut params: Vec<(String, String)> = Vec::new();
    for (name, value) in url::form_urlencoded::parse(query.as_bytes()) {
        // The first occurrence wins, as in most authenticator apps.
        if !params.iter().any(|(n, _)| n.eq_ignore_ascii_case(&name)) {
            params.push((name.into_owned(), value.into_owned()));
        }
    }
    let param = |name: &str| {
        params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };

    let secret: String = param("secret")
        .ok_or("The setup link has no secret (it may be a push-notification link).")?
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .collect::<String>()
        .to_ascii_uppercase();
    if secret.is_empty() {
        return Err("The setup link's secret is empty.".into());
    }
    if !secret
        .bytes()
        .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
    {
        return Err("The setup link's secret is not base32 (letters A–Z and digits 2–7).".into());
    }
    let algorithm = param("algorithm").unwrap_or("SHA1").to_ascii_uppercase();
    if !["SHA1", "SHA256", "SHA512"].contains(&algorithm.as_str()) {
        return Err(format!(
            "The setup link uses the unknown algorithm \u{201c}{algorithm}\u{201d}."
        ));
    }
    let digits = number(param("digits"), 6, "digits")?;
    if !(6..=8).contains(&digits) {
        return Err(format!(
            "The setup link asks for {digits}-digit codes; 6 to 8 are possible."
        ));
    }
    let period = number(param("period"), 30, "period")?;
    if period == 0 {
        return Err("The setup link's period is 0 seconds.".into());
    }
    let issuer = param("issuer")
        .filter(|issuer| !issuer.is_empty())
        .map_or(label_issuer, str::to_owned);
    Ok(OtpAuth {
        issuer,
        account,
        secret,
        algorithm,
        digits,
        period,
        link: url.into(),
    })
}

fn number(value: Option<&str>, default: u32, name: &str) -> Result<u32, String> {
    match value {
        None => Ok(default),
        Some(text) => text.trim().parse().map_err(|_| {
            format!("The setup link's {name} \u{201c}{text}\u{201d} is not a number.")
        }),
    }
}

/// `%XX` escapes decoded (a `+` stays a `+`: in the path it is not a space).
fn percent_decode(text: &str) -> Option<String> {
    fn hex(b: u8) -> Option<u8> {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&high), Some(&low)) => hex(high).zip(hex(low)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// Why a typed one-time code cannot be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CodeError {
    /// Nothing was typed.
    Empty,
    /// Something other than digits, spaces and dashes.
    NotDigits,
    /// Not exactly [`CODE_DIGITS`] digits (carries how many there were).
    WrongLength(usize),
}

/// Every code this page asks for (authenticator app, text message, voice, email) has 6 digits.
pub const CODE_DIGITS: usize = 6;

/// For developers' logs: the variant. The user reads the screens' sentence.
impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for CodeError {}

/// Accepts `123456`, `123 456` or `123-456` (as apps display and people paste them) and
/// returns the bare digits.
pub fn normalize_code(input: &str) -> Result<String, CodeError> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if code.is_empty() {
        return Err(CodeError::Empty);
    }
    if !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::NotDigits);
    }
    if code.len() != CODE_DIGITS {
        return Err(CodeError::WrongLength(code.len()));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// protocol.md §6.2.
    const EXAMPLE: &str = "otpauth://totp/acme:jane%40example.com?secret=ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF&issuer=acme&algorithm=SHA1&digits=6&period=30";

    #[test]
    fn groups_secrets_in_fours() {
        assert_eq!(
            group_secret("ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF"),
            "ABCD EFGM K5CE 6WTZ KRTT QRKU JVFX OVRF"
        );
        assert_eq!(group_secret("ABCDEF"), "ABCD EF");
        assert_eq!(group_secret("AB CD EF"), "ABCD EF");
        assert_eq!(group_secret(""), "");
    }

    #[test]
    fn parses_the_protocol_example() {
        let parsed = parse_otpauth(EXAMPLE);
        assert_eq!(
            parsed,
            Ok(OtpAuth {
                issuer: "acme".into(),
                account: "jane@example.com".into(),
                secret: "ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF".into(),
                algorithm: "SHA1".into(),
                digits: 6,
                period: 30,
                link: EXAMPLE.into(),
            })
        );
    }

    #[test]
    fn defaults_and_label_issuer() {
        let parsed = parse_otpauth(
            "otpauth://totp/Acme%20Corp%3A%20jane%2Bmfa@example.com?secret=abcd efgh====",
        );
        assert_eq!(
            parsed,
            Ok(OtpAuth {
                issuer: "Acme Corp".into(),
                account: "jane+mfa@example.com".into(),
                secret: "ABCDEFGH".into(),
                algorithm: "SHA1".into(),
                digits: 6,
                period: 30,
                link:
                    "otpauth://totp/Acme%20Corp%3A%20jane%2Bmfa@example.com?secret=abcd%20efgh===="
                        .into(),
            })
        );
        let bare =
            parse_otpauth("OTPAUTH://TOTP/jane?secret=ABCD&digits=8&period=60&algorithm=sha256");
        let bare = bare.map(|o| (o.issuer, o.account, o.algorithm, o.digits, o.period));
        assert_eq!(
            bare,
            Ok((String::new(), "jane".into(), "SHA256".into(), 8, 60))
        );
    }

    #[test]
    fn refuses_unusable_links_with_a_reason() {
        let push = "otpauth://totp/acme:jane?enrollment_tx_id=qfjn2eiNYSjU3xID7dBYeCBSrdREWJPY&base_url=https%3A%2F%2Facme.guardian.us.auth0.com";
        let cases = [
            ("https://example.com/", "otpauth://"),
            (
                "otpauth://hotp/acme:jane?secret=ABCD&counter=1",
                "time-based",
            ),
            ("otpauth://totp", "no account"),
            ("otpauth://totp/acme:?secret=ABCD", "no account"),
            (push, "no secret"),
            ("otpauth://totp/a:b?secret=", "empty"),
            ("otpauth://totp/a:b?secret=AB1C", "base32"),
            ("otpauth://totp/a:b?secret=ABCD&algorithm=MD5", "MD5"),
            ("otpauth://totp/a:b?secret=ABCD&digits=six", "not a number"),
            ("otpauth://totp/a:b?secret=ABCD&digits=4", "4-digit"),
            ("otpauth://totp/a:b?secret=ABCD&period=0", "0 seconds"),
            ("otpauth://totp/a%FF:b?secret=ABCD", "UTF-8"),
            ("ótpauth://totp/a:b?secret=ABCD", "otpauth://"),
        ];
        for (uri, reason) in cases {
            match parse_otpauth(uri) {
                Err(error) => assert!(error.contains(reason), "{uri}: {error}"),
                Ok(parsed) => panic!("{uri} parsed as {parsed:?}"),
            }
        }
    }

    #[test]
    fn only_an_otpauth_uri_as_a_browser_reads_it_is_a_setup_link() {
        let hostile = [
            "javascript:alert(1)",
            " javascript:alert(1)//otpauth://totp/a:b?secret=ABCD",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "otpauth-migration://offline?data=CiAKFEhlbGxv",
            "otp\tauth://totp/a:b?secret=ABCD",
            "otpauth:totp/a:b?secret=ABCD",
            "https://evil.example/#otpauth://totp/a:b?secret=ABCD",
            "otpauth://user@totp/a:b?secret=ABCD",
            "otpauth://totp:99/a:b?secret=ABCD",
            // A parser drops tabs and newlines: what it reads is not what was sent.
            "otpauth://to\ttp/a:b?secret=ABCD",
            "otpauth://totp/a:b?secret=AB\nCD",
        ];
        for uri in hostile {
            if let Ok(parsed) = parse_otpauth(uri) {
                panic!("{uri:?} was read as a setup link: {parsed:?}");
            }
        }
        // The link is the URI as parsed (schemes are case-insensitive).
        for (uri, link) in [
            (EXAMPLE, EXAMPLE),
            (
                " OTPAUTH://totp/acme:jane?secret=ABCD ",
                "otpauth://totp/acme:jane?secret=ABCD",
            ),
        ] {
            assert_eq!(parse_otpauth(uri).map(|o| o.link), Ok(link.to_owned()));
        }
    }

    #[test]
    fn debug_hides_the_secret() {
        let parsed = parse_otpauth(EXAMPLE).unwrap();
        assert!(!format!("{parsed:?}").contains("ABCDEFGMK5CE6WTZ"));
    }

    #[test]
    fn codes_are_paste_friendly() {
        assert_eq!(normalize_code("123456").as_deref(), Ok("123456"));
        assert_eq!(normalize_code(" 123 456 ").as_deref(), Ok("123456"));
        assert_eq!(normalize_code("123-456").as_deref(), Ok("123456"));
        assert_eq!(normalize_code(""), Err(CodeError::Empty));
        assert_eq!(normalize_code(" - "), Err(CodeError::Empty));
        assert_eq!(normalize_code("12345a"), Err(CodeError::NotDigits));
        assert_eq!(normalize_code("１２３４５６"), Err(CodeError::NotDigits));
        assert_eq!(normalize_code("12345"), Err(CodeError::WrongLength(5)));
        assert_eq!(normalize_code("1234567"), Err(CodeError::WrongLength(7)));
    }
}
