//! The published test passkey: a P-256 key pair anyone can read, so seeded users can carry a
//! passkey that tests (and the software authenticator's `fixed()`) sign in with. Always
//! compiled, without any curve code, so a seed in the wasm demo build can hold it too.
//!
//! PUBLIC AND FOR TESTS ONLY: the private key is the one of RFC 6979 appendix A.2.5. A tenant
//! that trusts this credential lets anyone sign in as its user.

use sha2::{Digest, Sha256};

use super::cose::{CoseKey, KeyMaterial, ES256};

/// The private scalar (RFC 6979 A.2.5, P-256). Public: never protects anything real.
pub const SECRET_KEY: [u8; 32] = [
    0xc9, 0xaf, 0xa9, 0xd8, 0x45, 0xba, 0x75, 0x16, 0x6b, 0x5c, 0x21, 0x57, 0x67, 0xb1, 0xd6, 0x93,
    0x4e, 0x50, 0xc3, 0xdb, 0x36, 0xe8, 0x9b, 0x12, 0x7b, 0x8a, 0x62, 0x2b, 0x12, 0x0f, 0x67, 0x21,
];

/// The public point's x coordinate (RFC 6979 A.2.5 `Ux`).
const PUBLIC_X: [u8; 32] = [
    0x60, 0xfe, 0xd4, 0xba, 0x25, 0x5a, 0x9d, 0x31, 0xc9, 0x61, 0xeb, 0x74, 0xc6, 0x35, 0x6d, 0x68,
    0xc0, 0x49, 0xb8, 0x92, 0x3b, 0x61, 0xfa, 0x6c, 0xe6, 0x69, 0x62, 0x2e, 0x60, 0xf2, 0x9f, 0xb6,
];

/// The public point's y coordinate (RFC 6979 A.2.5 `Uy`).
const PUBLIC_Y: [u8; 32] = [
    0x79, 0x03, 0xfe, 0x10, 0x08, 0xb8, 0xbc, 0x99, 0xa4, 0x1a, 0xe9, 0xe9, 0x56, 0x28, 0xbc, 0x64,
    0xf2, 0xf1, 0xb2, 0x0c, 0x2d, 0x7e, 0x9f, 0x51, 0x77, 0xa3, 0xc2, 0x94, 0xd4, 0x46, 0x22, 0x99,
];

/// The test passkey's COSE algorithm: ES256.
pub const ALGORITHM: i64 = ES256;

/// The test passkey's public key as a COSE_Key (what a seed stores as `public_key`).
pub fn cose_public_key() -> Vec<u8> {
    let mut point = [0x04; 65];
    point[1..33].copy_from_slice(&PUBLIC_X);
    point[33..].copy_from_slice(&PUBLIC_Y);
    CoseKey {
        algorithm: ES256,
        material: KeyMaterial::P256(point),
    }
    .to_bytes()
}

/// The test passkey's credential id (what a seed stores as `key_id`).
pub fn credential_id() -> Vec<u8> {
    credential_id_for(&cose_public_key())
}

/// How the software authenticator names a credential: SHA-256 of its COSE public key.
pub(crate) fn credential_id_for(cose_public_key: &[u8]) -> Vec<u8> {
    Sha256::digest(cose_public_key).to_vec()
}
