//! One test's world: the emulated tenant, the static site with its config, and a browser.

use crate::browser::Browser;
use crate::config_file::ConfigFile;
use crate::engine::ThirdPartyCookies;
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
    /// Serves the page on `localhost` and points it at the tenant's custom domain
    /// (`localhost:PORT`), so page and tenant are same-site; otherwise both are on `127.0.0.1`
    /// and the page uses the canonical domain.
    pub on_custom_domain: bool,
    /// Serves the page on `localhost` and leaves the tenant on `127.0.0.1`: page and tenant
    /// are different sites, as a deployment and its Auth0 tenant are, so the tenant's cookies
    /// in the silent sign-in's frame are third-party cookies.
    pub cross_site: bool,
    /// The browser's third-party cookie policy.
    pub third_party_cookies: ThirdPartyCookies,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            base_path: "/".into(),
            config: None,
            config_extra: json!({}),
            seed: None,
            on_custom_domain: false,
            cross_site: false,
            third_party_cookies: ThirdPartyCookies::default(),
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
        let port = listener.local_addr()?.port();
        if setup.on_custom_domain && setup.cross_site {
            return Err("a page on the tenant's custom domain is not cross-site".into());
        }
        let site_host = if setup.on_custom_domain || setup.cross_site {
            "localhost"
        } else {
            "127.0.0.1"
        };
        let site_origin = format!("http://{site_host}:{port}");
        let tenant = Tenant::start(vec![site_origin.clone()], setup.seed.clone()).await?;
        let domain = if setup.on_custom_domain {
            tenant.custom_origin.clone()
        } else {
            tenant.origin.clone()
        };
        let config = setup.config.unwrap_or_else(|| {
            let mut config = json!({
                "domain": domain,
                "client_id": mfa_emulator::model::seed::CLIENT_ID,
                "app_audience": mfa_emulator::model::seed::APP_AUDIENCE,
            });
            // A custom domain needs the tenant's own domain for the MFA API audience.
            if setup.on_custom_domain {
                config["canonical_domain"] = json!(tenant.origin);
            }
            if let (Some(base), Some(extra)) =
                (config.as_object_mut(), setup.config_extra.as_object())
            {
                base.extend(extra.clone());
            }
            ConfigFile::Json(config)
        });
        let site = Site::start(listener, site_origin, &setup.base_path, config, &domain).await?;
        let browser = Browser::start_with(setup.third_party_cookies).await?;
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
