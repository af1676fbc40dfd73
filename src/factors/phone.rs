//! Phone numbers as people type them, turned into the E.164 form `/mfa/associate` requires
//! (`+14155552046`, protocol §6.1).

use std::fmt;

/// Why a typed phone number cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PhoneError {
    /// Nothing was typed.
    Empty,
    /// The number does not start with `+` and a country code.
    MissingCountryCode,
    /// A letter or symbol other than the usual separators.
    InvalidCharacter(char),
    /// Fewer than [`MIN_DIGITS`] digits.
    TooShort,
    /// More than [`MAX_DIGITS`] digits (the E.164 maximum).
    TooLong,
    /// The digits after `+` start with 0, which no country code does.
    CountryCodeStartsWithZero,
}

/// The fewest digits (country code included) of a number that can receive codes.
pub const MIN_DIGITS: usize = 8;
/// E.164 allows at most 15 digits.
pub const MAX_DIGITS: usize = 15;

/// For developers' logs: the variant. The user reads the screens' sentence.
impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for PhoneError {}

/// Accepts `+1 (415) 555-2046`, `+44 20 7946 0958`, `+33.1.23.45.67.89` and returns the bare
/// E.164 form (`+14155552046`).
pub fn normalize_e164(input: &str) -> Result<String, PhoneError> {
    let typed = input.trim();
    if typed.is_empty() {
        return Err(PhoneError::Empty);
    }
    let Some(rest) = typed.strip_prefix('+') else {
        return Err(PhoneError::MissingCountryCode);
    };
    // "+44 (0)20 …" marks the trunk prefix dialled only inside the country; it is not part of
    // the international number.
    let rest = rest.replace("(0)", "");
    let mut digits = String::with_capacity(MAX_DIGITS + 1);
    digits.push('+');
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            // Pasted numbers often carry non-breaking or other Unicode spaces.
            c if c.is_whitespace() => {}
            c => return Err(PhoneError::InvalidCharacter(c)),
        }
    }
    let count = digits.len() - 1;
    if digits.as_bytes().get(1) == Some(&b'0') {
        return Err(PhoneError::CountryCodeStartsWithZero);
    }
    if count < MIN_DIGITS {
        return Err(PhoneError::TooShort);
    }
    if count > MAX_DIGITS {
        return Err(PhoneError::TooLong);
    }
    Ok(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_people_type() {
        let cases = [
            ("+1 (415) 555-2046", "+14155552046"),
            ("+44 20 7946 0958", "+442079460958"),
            ("+44 (0)20 7946 0958", "+442079460958"),
            ("+33.1.23.45.67.89", "+33123456789"),
            ("  +14155552046  ", "+14155552046"),
            ("+49\u{a0}30\u{a0}901820", "+4930901820"),
            ("+91-98765-43210", "+919876543210"),
        ];
        for (typed, e164) in cases {
            assert_eq!(normalize_e164(typed).as_deref(), Ok(e164), "{typed}");
        }
    }

    #[test]
    fn refuses_with_a_precise_reason() {
        let cases = [
            ("", PhoneError::Empty),
            ("   ", PhoneError::Empty),
            ("415 555 2046", PhoneError::MissingCountryCode),
            ("0044 20 7946 0958", PhoneError::MissingCountryCode),
            ("+1 415 CALL NOW", PhoneError::InvalidCharacter('C')),
            ("+1 415 555 2046 ext 7", PhoneError::InvalidCharacter('e')),
            ("+1 415+555", PhoneError::InvalidCharacter('+')),
            ("+1 555 12", PhoneError::TooShort),
            ("+", PhoneError::TooShort),
            ("+1 2345 6789 0123 4567", PhoneError::TooLong),
            ("+0 415 555 2046", PhoneError::CountryCodeStartsWithZero),
            ("+020 7946 0958", PhoneError::CountryCodeStartsWithZero),
        ];
        for (typed, error) in cases {
            assert_eq!(normalize_e164(typed), Err(error), "{typed}");
        }
    }

    #[test]
    fn length_limits_are_inclusive() {
        assert_eq!(normalize_e164("+1234 5678").as_deref(), Ok("+12345678"));
        assert_eq!(
            normalize_e164("+123 456 789 012 345").as_deref(),
            Ok("+123456789012345")
        );
    }
}
