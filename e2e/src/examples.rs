//! Serves the embedding examples of `examples/` the way a site owner deploys them: an
//! example's own files, with the built stylesheet's hashed name and the emulated tenant's
//! settings put in for the placeholders they ship with, and the files of `dist/` beside them.
//! `…/examples/plain-html/` is `examples/plain-html/index.html`, and
//! `…/examples/plain-html/mfa-manager.js` is the entry module from `dist/` (sent as its `.br` or
//! `.gz` copy when the browser takes it, like the page's own files). The pages of
//! `e2e/official-clients/` (Auth0's own SDKs driven against the emulator) are served the same
//! way under `…/official-clients/`.

use crate::config_file::ConfigFile;
use crate::static_files;
use crate::TestResult;
use axum::body::Body;
use axum::extract::Path as UrlPath;
use axum::http::{header, HeaderMap, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The examples shipped in the repository.
pub fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// Pages built on Auth0's own SDKs, one folder each, that judge the emulator.
pub fn official_clients_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("official-clients")
}

/// The folders of pages served with their placeholders filled in: `{base}/{segment}/{page}/…`
/// is `{folder}/{page}/…`.
fn page_folders() -> [(&'static str, PathBuf); 2] {
    [
        ("examples", examples_dir()),
        ("official-clients", official_clients_dir()),
    ]
}

/// Recognises a built file by its name.
type NameTest = fn(&str) -> bool;

/// Placeholders written in the examples and what the test site puts in their place.
#[derive(Clone, Debug)]
struct Substitutions(Vec<(&'static str, String)>);

impl Substitutions {
    /// The built file names in `dist`, and the tenant of `config` when it is JSON. A file
    /// missing from `dist` leaves its placeholder, so only the example journeys notice.
    fn new(dist: &Path, config: &ConfigFile) -> TestResult<Substitutions> {
        let names: Vec<String> = std::fs::read_dir(dist)?
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        let built: [(&'static str, NameTest); 1] = [("main-HASH.css", |n| n.ends_with(".css"))];
        let mut pairs: Vec<(&'static str, String)> = built
            .iter()
            .filter_map(|(placeholder, wanted)| {
                let name = names.iter().find(|n| wanted(n))?;
                Some((*placeholder, name.clone()))
            })
            .collect();
        if let ConfigFile::Json(config) = config {
            let field = |key: &str| config[key].as_str().map(str::to_owned);
            for (placeholder, key) in [
                ("acme.us.auth0.com", "domain"),
                ("YOUR_SPA_CLIENT_ID", "client_id"),
                ("https://api.acme.com/", "app_audience"),
            ] {
                if let Some(value) = field(key) {
                    pairs.push((placeholder, value));
                }
            }
        }
        Ok(Substitutions(pairs))
    }

    fn apply(&self, text: &str) -> String {
        self.0
            .iter()
            .fold(text.to_owned(), |text, (from, to)| text.replace(from, to))
    }
}

/// Routes `{base}/examples/{example}/{file}` for the examples and
/// `{base}/official-clients/{client}/{file}` for the official clients' pages, next to `dist`.
pub fn router(base: &str, dist: &Path, config: &ConfigFile) -> TestResult<Router> {
    let substitutions = Arc::new(Substitutions::new(dist, config)?);
    let dist = Arc::new(dist.to_path_buf());
    let mut router = Router::new();
    for (segment, folder) in page_folders() {
        let substitutions = Arc::clone(&substitutions);
        let dist = Arc::clone(&dist);
        let folder = Arc::new(folder);
        router = router.route(
            &format!("{base}/{segment}/{{*path}}"),
            get(move |UrlPath(path): UrlPath<String>, headers: HeaderMap| {
                let substitutions = Arc::clone(&substitutions);
                let dist = Arc::clone(&dist);
                let folder = Arc::clone(&folder);
                async move { serve(&path, &folder, &dist, &substitutions, &headers).await }
            }),
        );
    }
    Ok(router)
}

/// Reads `path` (`plain-html/`, `plain-html/main.js`, `preact/node_modules/…`,
/// `stable-entry/account/`) from the page's folder in `pages`, else from `dist` (as the
/// request's `headers` allow, see [`from_dist`]).
async fn serve(
    path: &str,
    pages: &Path,
    dist: &Path,
    substitutions: &Substitutions,
    headers: &HeaderMap,
) -> Response {
    let mut parts = path.split('/');
    let Some(example) = parts.next().filter(|e| is_plain_name(e)) else {
        return not_found();
    };
    let mut rest: Vec<&str> = parts.collect();
    // A folder's address (`plain-html/`, `stable-entry/account/`) is its `index.html`.
    match rest.last_mut() {
        Some(last) if last.is_empty() => *last = "index.html",
        None => rest.push("index.html"),
        Some(_) => {}
    }
    if !rest.iter().all(|part| is_plain_name(part)) {
        return not_found();
    }
    let relative: PathBuf = rest.iter().collect();
    let own = pages.join(example).join(&relative);
    if !own.is_file() {
        return from_dist(dist, &rest.join("/"), headers).await;
    }
    // Only the example's own pages and scripts carry placeholders, not its packages.
    let (file, fill_in) = (own, rest[0] != "node_modules");
    let Ok(bytes) = tokio::fs::read(&file).await else {
        return not_found();
    };
    let kind = content_type(&file);
    let body = match (
        fill_in && kind.starts_with("text/"),
        String::from_utf8(bytes),
    ) {
        (true, Ok(text)) => substitutions.apply(&text).into_bytes(),
        (_, Ok(text)) => text.into_bytes(),
        (_, Err(e)) => e.into_bytes(),
    };
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

/// The built file `relative` (`mfa-manager-….js`), served by the site's static host, so the
/// browser gets its precompressed copy when its `Accept-Encoding` (in `headers`) takes one.
async fn from_dist(dist: &Path, relative: &str, headers: &HeaderMap) -> Response {
    let mut request = Request::builder().uri(format!("/{relative}"));
    if let Some(accept) = headers.get(header::ACCEPT_ENCODING) {
        request = request.header(header::ACCEPT_ENCODING, accept);
    }
    let Ok(request) = request.body(Body::empty()) else {
        return not_found();
    };
    match static_files::service(dist).try_call(request).await {
        Ok(response) => response.map(Body::new),
        Err(_) => not_found(),
    }
}

/// A single path segment that cannot leave its folder.
fn is_plain_name(part: &str) -> bool {
    !part.is_empty() && part != "." && part != ".." && !part.contains('\\')
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        _ => "application/octet-stream",
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found").into_response()
}
