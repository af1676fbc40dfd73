//! Sign-in: authorization code + PKCE for the MFA audience, the memory-only session, popup and
//! silent (iframe) re-authorize for the app's own audience.

pub mod callback;
pub mod error;
pub mod exchange;
pub mod http;
pub mod id_token;
pub mod lazy;
pub mod popup;
pub mod random;
pub mod request;
pub mod session;
pub mod silent;
pub mod token;
pub mod token_answer;
pub mod transaction;
pub mod web_message;

pub use callback::AuthorizeResponse;
pub use error::AuthError;
pub use request::Purpose;
pub use session::Session;
pub use token::{AccessToken, IssuedToken};
