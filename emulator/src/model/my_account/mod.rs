//! The My Account API (`/me/v1/…`): a user's authentication methods — list, enroll (start →
//! verify), rename, delete — over the same store as the MFA API, with passkeys, problem-details
//! errors and per-plan rate limits. Reference: the project's `my-account-api.md`.
//!
//! The model answers whole requests ([`MeRequest`] → [`MeResponse`]) so that the HTTP server
//! and the page's demo mode route them the same way.

pub mod access;
pub mod body;
pub mod edit;
pub mod enroll;
pub mod inspect;
pub mod passkey_enroll;
pub mod plan;
pub mod problem;
pub mod read;
pub mod record;
pub mod request;
pub mod session;
pub mod settings;
pub mod state;

#[cfg(all(test, feature = "software-authenticator"))]
mod passkey_tests;
#[cfg(test)]
mod tests;

pub use plan::Plan;
pub use problem::Problem;
pub use request::{MeBody, MeRequest, MeResponse, MeToken};
pub use settings::Remaining;
pub use state::MyAccountState;
