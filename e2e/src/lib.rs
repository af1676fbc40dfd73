//! Real-browser test harness: serves a built `dist/` over HTTP, starts a browser of the run's
//! engine (Chromium, Firefox or WebKit) through its WebDriver server, and offers page helpers
//! for the journeys in `e2e/tests/`.

pub mod a11y;
pub mod browser;
pub mod config_file;
mod driver;
pub mod engine;
pub mod error;
pub mod examples;
pub mod factor_steps;
pub mod first_screen;
pub mod framer;
pub mod harness;
pub mod journeys;
pub mod official_client;
pub mod outage;
pub mod peer;
pub mod popup;
pub mod qr;
pub mod site;
pub mod static_files;
pub mod stop_on_drop;
pub mod tenant;
pub mod throttle;
pub mod virtual_authenticator;
pub mod widget_events;

pub use browser::Browser;
pub use config_file::ConfigFile;
pub use engine::{Engine, ThirdPartyCookies};
pub use error::{Error, TestResult};
pub use harness::{Harness, Setup};
pub use tenant::Tenant;
