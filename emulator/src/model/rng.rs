//! The tenant's seeded random source: secrets, codes and ids come from here, never from the OS.

use rand_chacha::ChaCha20Rng;
use rand_core::{RngCore, SeedableRng};

const ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALPHANUMERIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const DIGITS: &[u8] = b"0123456789";

/// A ChaCha20 stream seeded with a `u64` (the server seeds it from OS randomness, tests from a
/// constant).
#[derive(Debug, Clone)]
pub struct TenantRng(ChaCha20Rng);

impl TenantRng {
    /// A generator for `seed`; equal seeds give equal streams.
    pub fn new(seed: u64) -> Self {
        Self(ChaCha20Rng::seed_from_u64(seed))
    }

    /// `len` random bytes.
    pub fn bytes(&mut self, len: usize) -> Vec<u8> {
        let mut out = vec![0; len];
        self.0.fill_bytes(&mut out);
        out
    }

    /// `len` characters from `[A-Za-z0-9]`.
    pub fn alphanumeric(&mut self, len: usize) -> String {
        self.pick(ALPHANUMERIC, len)
    }

    /// `len` characters from `[A-Z0-9]` (recovery codes).
    pub fn upper_alphanumeric(&mut self, len: usize) -> String {
        self.pick(UPPER_ALPHANUMERIC, len)
    }

    /// `len` decimal digits (SMS/voice/email codes).
    pub fn digits(&mut self, len: usize) -> String {
        self.pick(DIGITS, len)
    }

    /// Uniform choice by rejection sampling, so no character is favoured.
    fn pick(&mut self, alphabet: &[u8], len: usize) -> String {
        let n = alphabet.len() as u32;
        let zone = u32::MAX - u32::MAX % n;
        (0..len)
            .map(|_| loop {
                let x = self.0.next_u32();
                if x < zone {
                    break char::from(alphabet[(x % n) as usize]);
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_alphabets_hold() {
        let mut a = TenantRng::new(7);
        let mut b = TenantRng::new(7);
        assert_eq!(a.alphanumeric(16), b.alphanumeric(16));
        let digits = a.digits(6);
        assert_eq!(digits.len(), 6);
        assert!(digits.bytes().all(|c| c.is_ascii_digit()));
        let code = a.upper_alphanumeric(24);
        assert!(code
            .bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()));
        assert_ne!(
            TenantRng::new(8).alphanumeric(16),
            TenantRng::new(7).alphanumeric(16)
        );
    }
}
