//! The comparison page (`bench/peer/`: React + Vite + auth0-spa-js) served by the same static
//! host as mfa-manager, from its built `dist/` in `PEER_DIST`, with a `/config.json` that
//! points it at the emulated tenant.

use crate::static_files::{self, Caching};
use crate::stop_on_drop::StopOnDrop;
use crate::TestResult;
use axum::http::header;
use axum::routing::get;
use axum::Router;
use std::path::PathBuf;
use tokio::net::TcpListener;

/// The peer's Sign in button.
pub const SIGN_IN: &str = "section.card button.primary";

/// A running static host for the peer.
pub struct PeerSite {
    /// `http://127.0.0.1:PORT`, also the page's URL (the peer lives at the root).
    pub origin: String,
    _stop: StopOnDrop,
}

/// The peer's build, from `PEER_DIST` (`cargo xtask bench` builds it and sets it).
pub fn peer_dist() -> TestResult<PathBuf> {
    let dir = std::env::var_os("PEER_DIST")
        .map(PathBuf::from)
        .ok_or("PEER_DIST is not set: `cargo xtask bench` builds bench/peer and sets it")?;
    if dir.join("index.html").is_file() {
        Ok(dir)
    } else {
        Err(format!("no built peer in {}", dir.display()).into())
    }
}

impl PeerSite {
    /// Serves the peer on `listener` (its origin must be one of the tenant's Allowed Web
    /// Origins), signing in at `tenant_origin`.
    pub async fn start(
        listener: TcpListener,
        tenant_origin: &str,
        caching: Caching,
    ) -> TestResult<PeerSite> {
        let dist = peer_dist()?;
        let origin = format!("http://{}", listener.local_addr()?);
        // The peer's configuration keys (`clientId`, `appAudience`), not mfa-manager's.
        let config = serde_json::json!({
            "domain": tenant_origin,
            "clientId": mfa_emulator::model::seed::CLIENT_ID,
            "appAudience": mfa_emulator::model::seed::APP_AUDIENCE,
        })
        .to_string();
        let app = Router::new()
            .route(
                "/config.json",
                get(move || async move {
                    ([(header::CONTENT_TYPE, "application/json")], config.clone())
                }),
            )
            .fallback_service(static_files::service(&dist));
        let stop = StopOnDrop::serve(listener, static_files::with_caching(app, caching));
        Ok(PeerSite {
            origin,
            _stop: stop,
        })
    }
}
