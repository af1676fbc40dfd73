//! One test's world: the emulated tenant, the static site with its config, and a browser.

use crate::browser::Browser;
use crate::config_file::ConfigFile;
use crate::site::Site;
use crate::tenant::Tenant;
use crate::TestResult;
use serde_json::{json, Value};
use tokio::net::TcpListener;

/// What a test needs started.
#[derive(Clone, Debug)]
pub struct Setup {
    /// Path the app is served under (`/` or e.g. `/account/security/`).
    pub base_path: String,
    /// Replaces the generated `config.json` entirely (for broken or missing files).
    pub config: Option<ConfigFile>,
    /// Fields merged into the generated `config.json` (which points at the tenant).
    pub config_extra: Value,
    /// A tenant description replacing the emulator's built-in one.
    pub seed: Option<mfa_emulator::model::seed::TenantSeed>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            base_path: "/".into(),
            config: None,
            config_extra: json!({}),
            seed: None,
        }
    }
}

/// A running tenant, site and browser.
pub struct Harness {
    /// The emulated tenant.
    pub tenant: Tenant,
    /// The static host serving `dist/`.
    pub site: Site,
    /// The browser.
    pub browser: Browser,
}

impl Harness {
    /// Starts everything `setup` describes.
    pub async fn start(setup: Setup) -> TestResult<Harness> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let site_origin = format!("http://{}", listener.local_addr()?);
        let tenant = Tenant::start(vec![site_origin], setup.seed.clone()).await?;
        let config = setup.config.unwrap_or_else(|| {
            let mut config = json!({
                "domain": tenant.origin,
                "client_id": mfa_emulator::model::seed::CLIENT_ID,
                "app_audience": mfa_emulator::model::seed::APP_AUDIENCE,
            });
            if let (Some(base), Some(extra)) =
                (config.as_object_mut(), setup.config_extra.as_object())
            {
                base.extend(extra.clone());
            }
            ConfigFile::Json(config)
        });
        let site = Site::start(listener, &setup.base_path, config, &tenant.origin).await?;
        let browser = Browser::start().await?;
        Ok(Harness {
            tenant,
            site,
            browser,
        })
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
