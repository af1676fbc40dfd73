//! A static host for the built `dist/`, optionally under a sub-path, with a `config.json`
//! chosen by each test.

use crate::TestResult;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tower_http::services::ServeDir;

/// What the host serves as `config.json`.
#[derive(Clone, Debug)]
pub enum ConfigFile {
    /// A JSON document.
    Json(serde_json::Value),
    /// Any text, e.g. broken JSON.
    Raw(String),
    /// No config file at all (404).
    Missing,
}

/// A running static host.
pub struct Site {
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// The page URL: origin plus the base path, ending in `/`.
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
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

impl Site {
    /// Serves `dist/` on `listener` under `base_path` (`/` or `/a/b/`), with `config`.
    pub async fn start(
        listener: TcpListener,
        base_path: &str,
        config: ConfigFile,
    ) -> TestResult<Site> {
        let dist = dist_dir()?;
        let origin = format!("http://{}", listener.local_addr()?);
        let base = format!("/{}", base_path.trim_matches('/'));
        let base = if base == "/" { String::new() } else { base };
        let config_route = format!("{base}/config.json");
        let app = Router::new().route(&config_route, get(move || serve_config(config.clone())));
        let files = ServeDir::new(dist);
        let app = if base.is_empty() {
            app.fallback_service(files)
        } else {
            app.nest_service(&base, files)
        };
        let app = app.layer(tower_http::set_header::SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        ));
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Site {
            url: format!("{origin}{base}/"),
            origin,
            stop: Some(stop),
        })
    }
}

impl Drop for Site {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
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
