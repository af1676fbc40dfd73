//! Where things live: the workspace, the project-local tools folder, the browser binaries.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The workspace root (parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Project-local, git-ignored folder for tools that are not cargo binaries (wasm-opt).
pub fn tools() -> PathBuf {
    root().join(".tools")
}

/// Folder holding the npm-installed `wasm-opt`.
pub fn node_bin() -> PathBuf {
    tools().join("node_modules").join(".bin")
}

/// Cargo's binary folder, where `cargo install` puts trunk and wasm-bindgen.
pub fn cargo_bin() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

/// Debian's Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's ChromeDriver.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// Debian's Firefox ESR.
pub const FIREFOX: &str = "/usr/bin/firefox-esr";
/// Debian's WebKitGTK browser for automation.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
/// Debian's WebKitGTK WebDriver server.
pub const WEBKITWEBDRIVER: &str = "/usr/bin/WebKitWebDriver";
/// The virtual X display WebKitGTK runs on.
pub const XVFB: &str = "/usr/bin/Xvfb";

/// geckodriver, installed with `cargo install`.
pub fn geckodriver() -> PathBuf {
    cargo_bin().join("geckodriver")
}

/// PATH with the project tools first, so trunk finds wasm-bindgen and wasm-opt.
pub fn tool_path() -> OsString {
    let mut dirs = vec![node_bin(), cargo_bin()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// Scratch folders for browser runs (Chromium writes its profile and caches there).
pub fn browser_scratch() -> PathBuf {
    root().join("target").join("browser")
}

/// axe-core's browser build, injected into pages by the accessibility journeys.
pub fn axe_script() -> PathBuf {
    tools().join("node_modules/axe-core/axe.min.js")
}
