//! Part of trunk's post-build hook: shrinks the JavaScript glue wasm-bindgen writes. Names are
//! shortened in every build (`short_names.rs`); release builds are also minified (esbuild,
//! installed by `cargo xtask setup`): about 2 KB brotli of the page. Debug builds keep
//! otherwise readable glue.

use crate::process::run_checked;
use crate::{paths, short_names};
use std::path::Path;
use std::process::Command;

/// Shrinks the glue of every wasm-bindgen module in `dir`: short names always, minified too
/// for `release`.
pub fn glue(dir: &Path, release: bool) -> Result<(), String> {
    for glue in short_names::run(dir)? {
        if release {
            js(&glue)?;
        }
    }
    Ok(())
}

/// Minifies the ES module at `path` in place.
pub fn js(path: &Path) -> Result<(), String> {
    run_checked(
        Command::new(paths::node_bin().join("esbuild"))
            .arg(path)
            .args([
                "--minify",
                "--format=esm",
                // Texts as they are, not as `\uXXXX` escapes (modules are read as UTF-8).
                "--charset=utf8",
                "--log-level=warning",
                "--allow-overwrite",
            ])
            .arg(format!("--outfile={}", path.display())),
    )
}
