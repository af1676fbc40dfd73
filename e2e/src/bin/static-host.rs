//! The e2e suite's static host on its own, for `cargo xtask serve --dist`: serves a built
//! folder as a deployment would (precompressed copies, hashed names cached forever, the
//! rest revalidated, the deployment's Content-Security-Policy and `X-Frame-Options`).
//!
//! `static-host DIR --listen 127.0.0.1:8080 --tenant http://127.0.0.1:4000 [--config FILE]`

use axum::http::{header, HeaderValue};
use axum::routing::get;
use axum::Router;
use e2e::site::{content_security_policy, X_FRAME_OPTIONS};
use e2e::static_files::{self, Caching};
use std::path::PathBuf;
use tower_http::set_header::SetResponseHeaderLayer;

/// The command line.
struct Options {
    dir: PathBuf,
    listen: String,
    tenant: String,
    config: Option<PathBuf>,
}

fn options() -> Result<Options, String> {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let (mut listen, mut tenant, mut config) = (None, None, None);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--listen" => listen = Some(value()?),
            "--tenant" => tenant = Some(value()?),
            "--config" => config = Some(PathBuf::from(value()?)),
            other if !other.starts_with("--") && dir.is_none() => dir = Some(other.into()),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    Ok(Options {
        dir: dir.ok_or("no folder to serve")?,
        listen: listen.unwrap_or_else(|| "127.0.0.1:8080".into()),
        tenant: tenant.ok_or("--tenant ORIGIN is required (for the policy)")?,
        config,
    })
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), String> {
    let options = options()?;
    let csp = HeaderValue::from_str(&content_security_policy(&options.tenant))
        .map_err(|e| format!("--tenant: {e}"))?;
    let mut app = Router::new();
    if let Some(file) = options.config {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        app = app.route(
            "/config.json",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], text) }),
        );
    }
    let app = app.fallback_service(static_files::service(&options.dir));
    let app = static_files::with_caching(app, Caching::LikeADeployment)
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static(X_FRAME_OPTIONS),
        ));
    let listener = tokio::net::TcpListener::bind(&options.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", options.listen))?;
    axum::serve(listener, app)
        .await
        .map_err(|e| format!("serving: {e}"))
}
