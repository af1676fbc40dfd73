//! mfa-emulator: a faithful local Auth0 tenant.
//!
//! - [`model`]: the pure tenant model (no IO, time passed in), also compiled to wasm32 for the
//!   browser demo mode.
//! - `server` (feature `server`): the HTTP layer implementing the Auth0 wire protocol with axum.

#![warn(missing_docs)]

pub mod model;

#[cfg(feature = "server")]
pub mod server;
