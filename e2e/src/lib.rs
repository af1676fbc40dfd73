//! Real-browser test harness: serves a built `dist/` over HTTP, starts ChromeDriver and a
//! headless Chromium, and offers page helpers for the journeys in `e2e/tests/`.

pub mod a11y;
pub mod browser;
pub mod examples;
pub mod harness;
pub mod journeys;
pub mod popup;
pub mod qr;
pub mod site;
pub mod tenant;

pub use browser::Browser;
pub use harness::{Harness, Setup};
pub use site::ConfigFile;
pub use tenant::Tenant;

/// Error type of the harness and the tests: any failure, with its message.
pub type Error = Box<dyn std::error::Error + Send + Sync>;
/// Result of a test or harness step.
pub type TestResult<T = ()> = Result<T, Error>;
