//! Files of a built page as a static host serves them: the precompressed copy `X.br` (or
//! `X.gz`) that `cargo xtask dist` writes beside `X` is sent with `Content-Encoding` when the
//! request's `Accept-Encoding` allows it, with `X`'s own `Content-Type`, and `X` itself
//! otherwise; every answer says `Vary: Accept-Encoding`. How long a browser may keep a file
//! is chosen by [`Caching`].

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use std::path::Path;
use tower_http::services::ServeDir;

/// `Cache-Control` for a file whose name carries its content's hash: it never changes.
pub const FOREVER: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` for a file that keeps its name when it changes: ask the host every time
/// (a `304 Not Modified` when it is the same).
pub const REVALIDATE: &str = "no-cache";

/// How long a browser may keep what the host sends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caching {
    /// Nothing is kept (`no-store`): each test sees the files as they are now.
    NoStore,
    /// As the README's deployment advice says: [`FOREVER`] for content-hashed names,
    /// [`REVALIDATE`] for the rest (see [`cache_control`]).
    LikeADeployment,
}

/// The folder `dir` served with its precompressed copies.
pub fn service(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// `Cache-Control` a deployment sends for the file at URL `path`: pages (`…/`, `*.html`),
/// `config.json`, the widget's stable entry files (`mfa-manager.js`, `.css`, `.d.ts`), files
/// with no hash in their name at all (an example's own `main.js`) and demo mode's `demo/` are
/// revalidated; every other file of the build (`mfa-manager-HASH.js`, `…_bg.wasm`,
/// `main-HASH.css`, `init-HASH.js`, `split-loader-HASH.js`, `chunks/…`,
/// `snippets/…/inline0-HASH.js`; a Vite build's `assets/NAME-HASH.js`) is kept forever.
pub fn cache_control(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    let unhashed = name.is_empty()
        || name.ends_with(".html")
        || !name.contains('-')
        || name.starts_with("mfa-manager.")
        || path.split('/').any(|segment| segment == "demo");
    if unhashed {
        REVALIDATE
    } else {
        FOREVER
    }
}

/// Adds `Cache-Control` (by [`Caching`]) and `Vary: Accept-Encoding` to every answer of
/// `app`.
pub fn with_caching(app: Router, caching: Caching) -> Router {
    app.layer(axum::middleware::from_fn_with_state(caching, headers))
}

async fn headers(State(caching): State<Caching>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    let cache = match caching {
        Caching::NoStore => "no-store",
        Caching::LikeADeployment => cache_control(&path),
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_kept_forever_and_the_rest_revalidated() {
        for path in [
            "/",
            "/account/security/",
            "/index.html",
            "/config.json",
            "/account/security/config.json",
            "/demo/mfa_demo_tenant_bg.wasm",
            "/a/demo/mfa_demo_tenant.js",
            "/mfa-manager.js",
            "/static/mfa/mfa-manager.css",
            "/examples/stable-entry/account/main.js",
        ] {
            assert_eq!(cache_control(path), REVALIDATE, "{path}");
        }
        for path in [
            "/mfa-manager-4f1c2a9e0b7d3c61_bg.wasm",
            "/a/b/main-c36072f92ce3d017.css",
            "/chunks/enroll-0a1b2c3d.wasm",
            "/assets/index-Bx3_kD9a.js",
            "/snippets/mfa-manager-b410104531091991/inline0-0a1b2c3d4e5f6071.js",
        ] {
            assert_eq!(cache_control(path), FOREVER, "{path}");
        }
    }
}
