//! COSE_Key (RFC 9052/9053) public keys of the three algorithms passkeys use: ES256 (EC2 on
//! P-256), EdDSA (OKP Ed25519) and RS256 (RSA). Parsing needs no cryptography; verifying is
//! in [`super::signature`].

use ciborium::value::Value;

use super::cbor;
use super::error::WebAuthnError;

/// ECDSA with P-256 and SHA-256.
pub(crate) const ES256: i64 = -7;
/// EdDSA (Ed25519 for passkeys).
pub(crate) const EDDSA: i64 = -8;
/// RSASSA-PKCS1-v1_5 with SHA-256.
pub(crate) const RS256: i64 = -257;

/// COSE labels (RFC 9052 §7.1, RFC 9053 §7).
const LABEL_KTY: i64 = 1;
const LABEL_ALG: i64 = 3;
const LABEL_CRV_OR_N: i64 = -1;
const LABEL_X_OR_E: i64 = -2;
const LABEL_Y: i64 = -3;
/// Key types.
const KTY_OKP: i64 = 1;
const KTY_EC2: i64 = 2;
const KTY_RSA: i64 = 3;
/// Curves.
const CRV_P256: i64 = 1;
const CRV_ED25519: i64 = 6;

const FIELD: &str = "credentialPublicKey";

/// The key material of a supported COSE key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum KeyMaterial {
    /// An uncompressed SEC1 point on P-256: `04 || x || y`.
    P256([u8; 65]),
    /// An Ed25519 public key.
    Ed25519([u8; 32]),
    /// An RSA modulus and public exponent, big-endian.
    Rsa {
        /// Modulus.
        n: Vec<u8>,
        /// Public exponent.
        e: Vec<u8>,
    },
}

/// A credential public key with its algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CoseKey {
    /// The COSE algorithm: [`ES256`], [`EDDSA`] or [`RS256`].
    pub(crate) algorithm: i64,
    /// The key itself.
    pub(crate) material: KeyMaterial,
}

impl CoseKey {
    /// Reads a COSE_Key; the key type and curve must be the ones its algorithm uses.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self, WebAuthnError> {
        let value = cbor::read_whole(bytes, FIELD)?;
        let entries = cbor::entries(&value, FIELD)?;
        let label = |key| cbor::by_label(entries, key);
        let int = |key| label(key).and_then(cbor::integer);
        let algorithm = int(LABEL_ALG).ok_or(WebAuthnError::MalformedCbor { field: FIELD })?;
        let key_type = int(LABEL_KTY);
        let material = match algorithm {
            ES256 if key_type == Some(KTY_EC2) && int(LABEL_CRV_OR_N) == Some(CRV_P256) => {
                let x: [u8; 32] = fixed_bytes(label(LABEL_X_OR_E))?;
                let y: [u8; 32] = fixed_bytes(label(LABEL_Y))?;
                let mut point = [0x04; 65];
                point[1..33].copy_from_slice(&x);
                point[33..].copy_from_slice(&y);
                KeyMaterial::P256(point)
            }
            EDDSA if key_type == Some(KTY_OKP) && int(LABEL_CRV_OR_N) == Some(CRV_ED25519) => {
                KeyMaterial::Ed25519(fixed_bytes(label(LABEL_X_OR_E))?)
            }
            RS256 if key_type == Some(KTY_RSA) => KeyMaterial::Rsa {
                n: bytes_of(label(LABEL_CRV_OR_N))?.to_vec(),
                e: bytes_of(label(LABEL_X_OR_E))?.to_vec(),
            },
            ES256 | EDDSA | RS256 => return Err(WebAuthnError::InvalidPublicKey),
            other => return Err(WebAuthnError::UnsupportedAlgorithm(other)),
        };
        Ok(Self {
            algorithm,
            material,
        })
    }

    /// The COSE_Key encoding, labels in canonical order (kty, alg, then the key parameters).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let int = |n: i64| Value::Integer(n.into());
        let bytes = |b: &[u8]| Value::Bytes(b.to_vec());
        let mut entries = vec![
            (int(LABEL_KTY), int(self.key_type())),
            (int(LABEL_ALG), int(self.algorithm)),
        ];
        match &self.material {
            KeyMaterial::P256(point) => entries.extend([
                (int(LABEL_CRV_OR_N), int(CRV_P256)),
                (int(LABEL_X_OR_E), bytes(&point[1..33])),
                (int(LABEL_Y), bytes(&point[33..])),
            ]),
            KeyMaterial::Ed25519(x) => entries.extend([
                (int(LABEL_CRV_OR_N), int(CRV_ED25519)),
                (int(LABEL_X_OR_E), bytes(x)),
            ]),
            KeyMaterial::Rsa { n, e } => entries.extend([
                (int(LABEL_CRV_OR_N), bytes(n)),
                (int(LABEL_X_OR_E), bytes(e)),
            ]),
        }
        cbor::to_bytes(&Value::Map(entries))
    }

    fn key_type(&self) -> i64 {
        match self.material {
            KeyMaterial::P256(_) => KTY_EC2,
            KeyMaterial::Ed25519(_) => KTY_OKP,
            KeyMaterial::Rsa { .. } => KTY_RSA,
        }
    }
}

/// A byte string member.
fn bytes_of(value: Option<&Value>) -> Result<&[u8], WebAuthnError> {
    value
        .and_then(Value::as_bytes)
        .map(Vec::as_slice)
        .ok_or(WebAuthnError::InvalidPublicKey)
}

/// A byte string member of exactly `N` bytes.
fn fixed_bytes<const N: usize>(value: Option<&Value>) -> Result<[u8; N], WebAuthnError> {
    bytes_of(value)?
        .try_into()
        .map_err(|_| WebAuthnError::InvalidPublicKey)
}
