//! The pure tenant model: clients, APIs, users, authenticators and their rules.
//!
//! No IO: time is passed in as unix seconds (`now`) and randomness comes from a generator the
//! tenant owns, seeded at construction. Compiles for `wasm32-unknown-unknown` so that demo mode
//! can run the same tenant inside the page.

pub mod api;
pub mod authenticator;
pub mod authorize;
pub mod challenge;
pub mod client;
pub mod codes;
pub mod delivery;
pub mod enrollment;
pub mod error;
pub mod grants;
pub mod iso_time;
pub mod jwt;
pub mod limits;
pub mod manage;
pub mod masking;
pub mod mfa_settings;
pub mod my_account;
pub mod oob;
pub mod oob_transaction;
pub mod outbox;
pub mod passkey;
pub mod passkey_login;
pub mod phone_number;
pub mod pkce;
pub mod rate_limit;
pub mod recovery;
pub mod rng;
pub mod seed;
pub mod session;
pub mod tenant;
pub mod texts;
pub mod tokens;
pub mod totp;
pub mod url;
pub mod user;
pub mod webauthn;

#[cfg(test)]
mod tests;

pub use error::Error;
pub use tenant::{Domain, Domains, Tenant};
