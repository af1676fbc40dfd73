//! A static host for the built `dist/`, optionally under a sub-path, with a `config.json`
//! chosen by each test, sending the deployment's Content-Security-Policy and `X-Frame-Options`
//! on every response, and the precompressed copies of the files when the browser takes them.

use crate::config_file::ConfigFile;
use crate::outage::Outage;
use crate::static_files::{self, Caching};
use crate::stop_on_drop::StopOnDrop;
use crate::TestResult;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use tokio::net::TcpListener;

/// A running static host.
pub struct Site {
    /// `http://127.0.0.1:PORT` (or `http://localhost:PORT`)
    pub origin: String,
    /// The page URL: origin plus the base path, ending in `/`.
    pub url: String,
    /// Makes some of the host's files fail on demand.
    pub outage: Outage,
    _stop: StopOnDrop,
}

/// The built app, from `MFA_DIST` or `dist/` in the workspace.
pub fn dist_dir() -> TestResult<PathBuf> {
    let dir = std::env::var_os("MFA_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"));
    if dir.join("index.html").is_file() {
        Ok(dir)
    } else {
        Err(format!(
            "no built app in {}: run `cargo xtask dist` (or `cargo xtask test`) first",
            dir.display()
        )
        .into())
    }
}

/// The Content-Security-Policy a deployment sends (README: "Deploy to a static host"), for a
/// tenant at `tenant_origin` (`https://acme.us.auth0.com`, `http://127.0.0.1:4000`). No site
/// may frame the page (`frame-ancestors 'none'`: clickjacking), and no `<base>` or form may
/// send it elsewhere (the page's forms never leave it).
pub fn content_security_policy(tenant_origin: &str) -> String {
    let tenant = tenant_origin.trim_end_matches('/');
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         connect-src 'self' {tenant}; frame-src {tenant}; img-src 'self' data:; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// `X-Frame-Options`, which a deployment sends beside the policy for browsers that predate
/// `frame-ancestors`.
pub const X_FRAME_OPTIONS: &str = "DENY";

impl Site {
    /// Serves `dist/` on `listener`, known to the browser as `origin`, under `base_path` (`/`
    /// or `/a/b/`), with `config`, and the [`content_security_policy`] for `tenant_origin` and
    /// [`X_FRAME_OPTIONS`] on every response.
    pub async fn start(
        listener: TcpListener,
        origin: String,
        base_path: &str,
        config: ConfigFile,
        tenant_origin: &str,
    ) -> TestResult<Site> {
        let caching = Caching::NoStore;
        Site::start_with_caching(listener, origin, base_path, config, tenant_origin, caching).await
    }

    /// [`Site::start`], with `caching` deciding how long the browser may keep each file
    /// (the benchmark serves like a deployment, so a returning visitor's cache is real).
    pub async fn start_with_caching(
        listener: TcpListener,
        origin: String,
        base_path: &str,
        config: ConfigFile,
        tenant_origin: &str,
        caching: Caching,
    ) -> TestResult<Site> {
        let dist = dist_dir()?;
        let base = format!("/{}", base_path.trim_matches('/'));
        let base = if base == "/" { String::new() } else { base };
        let config_route = format!("{base}/config.json");
        let widget_script = widget_script(&config);
        let examples = crate::examples::router(&base, &dist, &config)?;
        let csp = header::HeaderValue::from_str(&content_security_policy(tenant_origin))?;
        let app =
            Router::new()
                .route(&config_route, get(move || serve_config(config.clone())))
                .route(
                    &format!("{base}/widget.html"),
                    get(|| async { axum::response::Html(WIDGET_PAGE) }),
                )
                .route(
                    &format!("{base}/{WIDGET_SCRIPT}"),
                    get(move || async move {
                        ([(header::CONTENT_TYPE, "text/javascript")], widget_script)
                    }),
                );
        let app = app.merge(examples);
        let files = static_files::service(&dist);
        let app = if base.is_empty() {
            app.fallback_service(files)
        } else {
            app.nest_service(&base, files)
        };
        let app = static_files::with_caching(app, caching)
            .layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                header::CONTENT_SECURITY_POLICY,
                csp,
            ))
            .layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
                header::X_FRAME_OPTIONS,
                header::HeaderValue::from_static(X_FRAME_OPTIONS),
            ));
        let outage = Outage::default();
        let app = outage.apply(app);
        let stop = StopOnDrop::serve(listener, app);
        Ok(Site {
            url: format!("{origin}{base}/"),
            origin,
            outage,
            _stop: stop,
        })
    }
}

async fn serve_config(config: ConfigFile) -> axum::response::Response {
    let json = [(header::CONTENT_TYPE, "application/json")];
    match config {
        ConfigFile::Json(value) => (json, value.to_string()).into_response(),
        ConfigFile::Raw(text) => (json, text).into_response(),
        ConfigFile::Missing => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// The host page's script, served beside it (no inline script: the host page runs under the
/// same policy as the app page).
const WIDGET_SCRIPT: &str = "widget-host.js";

/// A host page that embeds the widget with its script [`WIDGET_SCRIPT`].
const WIDGET_PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host app</title></head>
<body><h1>Host app</h1><div id="widget"></div>
<script type="module" src="./widget-host.js"></script></body></html>"#;

/// The host page's script: embeds the widget with `mount()` from the stable entry module
/// (mode left to its widget default), and records what the `onDone` callback receives
/// (decoded claims, never the token itself).
fn widget_script(config: &ConfigFile) -> String {
    let config = match config {
        ConfigFile::Json(value) => {
            let mut value = value.clone();
            if let Some(map) = value.as_object_mut() {
                map.remove("mode");
            }
            value.to_string()
        }
        _ => "{}".to_owned(),
    };
    format!(
        r#"import {{ mount }} from './mfa-manager.js';
window.widgetHandle = mount(document.getElementById('widget'), {config}, (detail) => {{
  const claims = JSON.parse(atob(detail.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  window.__doneCallback = {{ aud: claims.aud, expires_in: detail.expires_in, token_type: detail.token_type }};
}});
"#
    )
}
