//! Phone numbers in E.164 form, the only form the tenant accepts, whether enrolled through
//! `/mfa/associate` or written in a tenant description.

/// Whether `phone` is E.164: `+`, a non-zero digit, 7 to 15 digits in all.
pub fn is_e164(phone: &str) -> bool {
    phone.strip_prefix('+').is_some_and(|digits| {
        (7..=15).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e164() {
        assert!(is_e164("+14155552046"));
        assert!(!is_e164("14155552046"));
        assert!(!is_e164("+0123456789"));
        assert!(!is_e164("+1415555abcd"));
        assert!(!is_e164("+123"));
    }
}
