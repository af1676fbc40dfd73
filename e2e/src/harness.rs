//! One test's world: the static site with its config and a browser.

use crate::browser::Browser;
use crate::site::{ConfigFile, Site};
use crate::TestResult;
use tokio::net::TcpListener;

/// What a test needs started.
#[derive(Clone, Debug)]
pub struct Setup {
    /// Path the app is served under (`/` or e.g. `/account/security/`).
    pub base_path: String,
    /// The `config.json` served beside the app; `None` means the standard one for the tenant.
    pub config: Option<ConfigFile>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            base_path: "/".into(),
            config: None,
        }
    }
}

/// A running site and browser.
pub struct Harness {
    /// The static host serving `dist/`.
    pub site: Site,
    /// The browser.
    pub browser: Browser,
}

/// Client id of the emulator's seeded SPA.
pub const CLIENT_ID: &str = "mfa-manager-dev";

impl Harness {
    /// Starts the site (and browser) described by `setup`.
    pub async fn start(setup: Setup) -> TestResult<Harness> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let config = setup.config.unwrap_or_else(|| {
            ConfigFile::Json(serde_json::json!({
                "domain": "http://127.0.0.1:9",
                "client_id": CLIENT_ID,
            }))
        });
        let site = Site::start(listener, &setup.base_path, config).await?;
        let browser = Browser::start().await?;
        Ok(Harness { site, browser })
    }

    /// Opens the app page.
    pub async fn open_app(&self) -> TestResult {
        self.browser.open(&self.site.url).await
    }

    /// Ends the browser session.
    pub async fn finish(self) -> TestResult {
        self.browser.quit().await
    }
}
