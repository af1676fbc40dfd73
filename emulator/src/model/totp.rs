//! TOTP (RFC 6238) with HMAC-SHA1, 6 digits and 30 s steps, as Auth0 Guardian uses it.

use data_encoding::BASE32_NOPAD;
use hmac::{Hmac, Mac};
use sha1::Sha1;

use crate::model::limits::{TOTP_DIGITS, TOTP_PERIOD_SECONDS};

/// The 6-digit code for `secret` at `unix_seconds`.
pub fn code_at(secret: &[u8], unix_seconds: u64) -> String {
    hotp(secret, unix_seconds / TOTP_PERIOD_SECONDS, TOTP_DIGITS)
}

/// Decodes an RFC 4648 base32 secret (case-insensitive, padding and spaces ignored).
pub fn decode_secret(base32: &str) -> Option<Vec<u8>> {
    let cleaned: String = base32
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if cleaned.is_empty() {
        return None;
    }
    BASE32_NOPAD.decode(cleaned.as_bytes()).ok()
}

/// Encodes a secret as unpadded base32 (32 characters for 20 bytes).
pub fn encode_secret(secret: &[u8]) -> String {
    BASE32_NOPAD.encode(secret)
}

/// HOTP (RFC 4226) value of `counter` with `digits` digits, zero-padded.
pub fn hotp(secret: &[u8], counter: u64, digits: u32) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let Ok(mut mac) = Hmac::<Sha1>::new_from_slice(secret) else {
        return String::new();
    };
    mac.update(&counter.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[digest.len() - 1] & 0x0f);
    let binary = (u32::from(digest[offset] & 0x7f) << 24)
        | (u32::from(digest[offset + 1]) << 16)
        | (u32::from(digest[offset + 2]) << 8)
        | u32::from(digest[offset + 3]);
    let value = u64::from(binary) % 10u64.pow(digits);
    format!("{value:0width$}", width = digits as usize)
}

/// Checks `code` against the current and the previous step at `now`, refusing any step at or
/// before `last_used_step` (a validated code cannot be reused). Returns the matched step.
pub fn verify(secret: &[u8], code: &str, now: u64, last_used_step: Option<u64>) -> Option<u64> {
    let code = code.trim();
    if code.len() != TOTP_DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let current = now / TOTP_PERIOD_SECONDS;
    [current, current.saturating_sub(1)]
        .into_iter()
        .filter(|step| last_used_step.is_none_or(|last| *step > last))
        .find(|step| constant_time_eq(hotp(secret, *step, TOTP_DIGITS).as_bytes(), code.as_bytes()))
}

/// Compares two byte strings without an early exit on the first difference.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 Appendix B, SHA1 key: ASCII "12345678901234567890".
    const RFC_SECRET: &[u8] = b"12345678901234567890";
    const RFC_VECTORS: [(u64, &str); 6] = [
        (59, "94287082"),
        (1_111_111_109, "07081804"),
        (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"),
        (2_000_000_000, "69279037"),
        (20_000_000_000, "65353130"),
    ];

    #[test]
    fn rfc6238_appendix_b_sha1_vectors() {
        for (time, expected) in RFC_VECTORS {
            assert_eq!(hotp(RFC_SECRET, time / 30, 8), expected, "T = {time}");
            // The 6-digit code is the same value modulo 10^6.
            assert_eq!(code_at(RFC_SECRET, time), expected[2..], "T = {time}");
        }
    }

    #[test]
    fn base32_round_trip() {
        let secret = decode_secret("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ").unwrap();
        assert_eq!(secret, RFC_SECRET);
        assert_eq!(encode_secret(&secret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(
            decode_secret("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"),
            Some(secret)
        );
        assert_eq!(decode_secret("not base32!"), None);
        assert_eq!(decode_secret(""), None);
    }

    #[test]
    fn accepts_current_and_previous_step_only() {
        let now = 1_234_567_890;
        let current = code_at(RFC_SECRET, now);
        let previous = code_at(RFC_SECRET, now - 30);
        let next = code_at(RFC_SECRET, now + 30);
        let older = code_at(RFC_SECRET, now - 60);
        assert_eq!(verify(RFC_SECRET, &current, now, None), Some(now / 30));
        assert_eq!(verify(RFC_SECRET, &previous, now, None), Some(now / 30 - 1));
        assert_eq!(verify(RFC_SECRET, &next, now, None), None);
        assert_eq!(verify(RFC_SECRET, &older, now, None), None);
        assert_eq!(verify(RFC_SECRET, "12345", now, None), None);
        assert_eq!(verify(RFC_SECRET, "abcdef", now, None), None);
    }

    #[test]
    fn a_used_step_cannot_be_reused() {
        let now = 1_234_567_890;
        let current = code_at(RFC_SECRET, now);
        let step = verify(RFC_SECRET, &current, now, None).unwrap();
        assert_eq!(verify(RFC_SECRET, &current, now, Some(step)), None);
        // The previous step is older than the used one, so it is refused too.
        let previous = code_at(RFC_SECRET, now - 30);
        assert_eq!(verify(RFC_SECRET, &previous, now, Some(step)), None);
    }
}
