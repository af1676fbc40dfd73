//! Part of trunk's post-build hook for release builds: minifies the JavaScript glue
//! wasm-bindgen writes (esbuild, installed by `cargo xtask setup`): about 2 KB brotli of the
//! page. Debug builds keep readable glue.

use crate::paths;
use crate::process::run_checked;
use std::path::Path;
use std::process::Command;

/// Minifies the ES module at `path` in place.
pub fn js(path: &Path) -> Result<(), String> {
    run_checked(
        Command::new(paths::node_bin().join("esbuild"))
            .arg(path)
            .args([
                "--minify",
                "--format=esm",
                "--log-level=warning",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", path.display())),
    )
}
