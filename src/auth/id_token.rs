//! Checking the ID token that comes back with the access token, claim by claim as Auth0's SPA
//! SDK does: issuer, audience, authorized party, nonce, expiry and issue time.
//!
//! Its RS256 signature is not checked against the tenant's JWKS: the token comes straight from
//! the tenant's token endpoint over TLS (OpenID Connect Core §3.1.3.7, item 6), and the page
//! does not use it for identity — only its nonce ties the answer to this browser's request.

use super::error::{AuthError, IdTokenFlaw};
use base64::Engine;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::Deserialize;
use std::fmt;

/// Seconds of clock difference allowed between the browser and the tenant (the SDK's default).
pub const LEEWAY_SECONDS: u64 = 60;

/// What the ID token must say.
#[derive(Clone, Copy, Debug)]
pub struct Expected<'a> {
    /// The tenant's issuer: `https://DOMAIN/` for the domain the page signs in at.
    pub issuer: &'a str,
    /// This page's client id.
    pub client_id: &'a str,
    /// The nonce sent to `/authorize`.
    pub nonce: &'a str,
    /// Seconds since the epoch, now.
    pub now: u64,
}

/// The claims read; a claim of the wrong type makes the token malformed.
#[derive(Deserialize)]
struct Claims {
    iss: Option<String>,
    aud: Option<Audience>,
    azp: Option<String>,
    nonce: Option<String>,
    exp: Option<u64>,
    iat: Option<u64>,
}

/// `aud`: one audience or several, read by a visitor of its own (serde's untagged enums
/// buffer the value and cost the bundle about 2 KB).
struct Audience(Vec<String>);

impl<'de> Deserialize<'de> for Audience {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Audience;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a list of strings")
            }
            fn visit_str<E: de::Error>(self, one: &str) -> Result<Audience, E> {
                Ok(Audience(vec![one.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Audience, A::Error> {
                let mut many = Vec::new();
                while let Some(one) = seq.next_element()? {
                    many.push(one);
                }
                Ok(Audience(many))
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}

/// Checks `id_token` (if the tenant sent one) against what this sign-in expects.
pub fn check(id_token: Option<&str>, expected: &Expected) -> Result<(), AuthError> {
    let Some(id_token) = id_token else {
        return Ok(());
    };
    let flaw = |flaw| Err(AuthError::IdToken(flaw));
    let Some(claims) = claims(id_token) else {
        return flaw(IdTokenFlaw::Malformed);
    };
    match claims.iss.as_deref() {
        Some(iss) if iss == expected.issuer => {}
        found => {
            return Err(AuthError::WrongIssuer {
                found: found.unwrap_or_default().to_owned(),
            })
        }
    }
    let audiences = claims.aud.map(|a| a.0).unwrap_or_default();
    if !audiences.iter().any(|a| a == expected.client_id) {
        return flaw(IdTokenFlaw::Audience);
    }
    let azp_needed = audiences.len() > 1;
    match claims.azp.as_deref() {
        Some(azp) if azp != expected.client_id => return flaw(IdTokenFlaw::AuthorizedParty),
        None if azp_needed => return flaw(IdTokenFlaw::AuthorizedParty),
        _ => {}
    }
    if claims.nonce.as_deref() != Some(expected.nonce) {
        return Err(AuthError::NonceMismatch);
    }
    match claims.exp {
        Some(exp) if expected.now <= exp.saturating_add(LEEWAY_SECONDS) => {}
        Some(_) => return flaw(IdTokenFlaw::Expired),
        None => return flaw(IdTokenFlaw::Malformed),
    }
    // Present, as the SDK requires; not compared with this device's clock, which may run
    // behind the tenant's by more than the leeway without anything being wrong.
    match claims.iat {
        Some(_) => Ok(()),
        None => flaw(IdTokenFlaw::Malformed),
    }
}

/// The payload's claims, or `None` when the token is not a readable JWT.
fn claims(id_token: &str) -> Option<Claims> {
    let payload = id_token.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

#[cfg(test)]
mod tests;
