//! The static host's choice between a file and its precompressed copies (no browser): brotli
//! when the request takes it, gzip when it takes only gzip or no brotli copy exists, and the
//! file itself when neither is taken or no copy exists, always with the file's own
//! `Content-Type` and `Vary: Accept-Encoding`; the examples' pages get the built module the
//! same way.

use axum::Router;
use e2e::config_file::ConfigFile;
use e2e::static_files::{self, Caching};
use e2e::stop_on_drop::StopOnDrop;
use e2e::TestResult;
use std::path::PathBuf;
use tokio::net::TcpListener;

/// A fresh folder `name` in the temporary directory holding `files` (name, contents).
fn folder(name: &str, files: &[(&str, &str)]) -> TestResult<PathBuf> {
    let dir = std::env::temp_dir().join(format!("e2e-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("chunks"))?;
    for (file, body) in files {
        std::fs::write(dir.join(file), body)?;
    }
    Ok(dir)
}

/// What the host answered: `Content-Encoding` (empty for none), `Content-Type`, `Vary` and
/// the body.
async fn get(origin: &str, path: &str, accept: Option<&str>) -> TestResult<[String; 4]> {
    let mut request = reqwest::Client::new().get(format!("{origin}{path}"));
    if let Some(accept) = accept {
        request = request.header("accept-encoding", accept);
    }
    let response = request.send().await?;
    assert!(
        response.status().is_success(),
        "{path}: {}",
        response.status()
    );
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let head = [
        header("content-encoding"),
        header("content-type"),
        header("vary"),
    ];
    let body = response.text().await?;
    let [encoding, kind, vary] = head;
    Ok([encoding, kind, vary, body])
}

#[tokio::test]
async fn brotli_first_then_gzip_then_the_file_itself() -> TestResult {
    // `app.wasm` has both copies, `main.css` only a gzip copy, `config.json` none; each
    // copy's bytes name it, so the answer shows which was sent.
    let dir = folder(
        "precompressed",
        &[
            ("app.wasm", "identity wasm"),
            ("app.wasm.br", "brotli wasm"),
            ("app.wasm.gz", "gzip wasm"),
            ("main.css", "identity css"),
            ("main.css.gz", "gzip css"),
            ("config.json", "{}"),
            ("chunks/enroll.js", "identity chunk"),
            ("chunks/enroll.js.br", "brotli chunk"),
        ],
    )?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let app = Router::new().fallback_service(static_files::service(&dir));
    let _stop = StopOnDrop::serve(listener, static_files::with_caching(app, Caching::NoStore));

    let chromium = Some("gzip, deflate, br, zstd");
    let wasm = "application/wasm";
    let cases = [
        // What Chromium sends: the brotli copy.
        ("/app.wasm", chromium, "br", wasm, "brotli wasm"),
        ("/app.wasm", Some("br"), "br", wasm, "brotli wasm"),
        // Gzip only, or brotli refused with q=0: the gzip copy.
        ("/app.wasm", Some("gzip"), "gzip", wasm, "gzip wasm"),
        ("/app.wasm", Some("gzip, br;q=0"), "gzip", wasm, "gzip wasm"),
        // A stated preference for gzip wins over brotli.
        (
            "/app.wasm",
            Some("br;q=0.5, gzip"),
            "gzip",
            wasm,
            "gzip wasm",
        ),
        // Nothing accepted: the file itself.
        ("/app.wasm", None, "", wasm, "identity wasm"),
        ("/app.wasm", Some("identity"), "", wasm, "identity wasm"),
        ("/app.wasm", Some("deflate"), "", wasm, "identity wasm"),
        // No brotli copy: gzip; no copy at all: the file itself.
        ("/main.css", chromium, "gzip", "text/css", "gzip css"),
        ("/config.json", chromium, "", "application/json", "{}"),
        // Subfolders are served the same way.
        (
            "/chunks/enroll.js",
            chromium,
            "br",
            "text/javascript",
            "brotli chunk",
        ),
        (
            "/chunks/enroll.js",
            Some("gzip"),
            "",
            "text/javascript",
            "identity chunk",
        ),
    ];
    for (path, accept, encoding, kind, body) in cases {
        let [got_encoding, got_kind, vary, got_body] = get(&origin, path, accept).await?;
        let seen = format!("{path} with {accept:?}: {got_encoding:?} {got_kind:?} {got_body:?}");
        assert_eq!(got_encoding, encoding, "{seen}");
        assert!(got_kind.starts_with(kind), "{seen}");
        assert_eq!(got_body, body, "{seen}");
        assert_eq!(vary, "accept-encoding", "{seen}");
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[tokio::test]
async fn an_example_page_gets_the_built_module_as_its_brotli_copy() -> TestResult {
    let dir = folder(
        "precompressed-examples",
        &[
            ("mfa-manager.js", "identity entry"),
            ("mfa-manager.js.br", "brotli entry"),
            ("main-0123abcd.css", "main {}"),
        ],
    )?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    let app = e2e::examples::router("", &dir, &ConfigFile::Missing)?;
    let _stop = StopOnDrop::serve(listener, app);

    let path = "/examples/plain-html/mfa-manager.js";
    let [encoding, kind, _, body] = get(&origin, path, Some("gzip, br")).await?;
    assert_eq!((encoding.as_str(), body.as_str()), ("br", "brotli entry"));
    assert!(kind.starts_with("text/javascript"), "{kind}");
    let [encoding, _, _, body] = get(&origin, path, None).await?;
    assert_eq!((encoding.as_str(), body.as_str()), ("", "identity entry"));
    // The example's own page is still its own, with the built name put in.
    let [encoding, _, _, page] = get(&origin, "/examples/plain-html/", Some("br")).await?;
    assert_eq!(encoding, "");
    assert!(page.contains("./main-0123abcd.css"), "{page}");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
