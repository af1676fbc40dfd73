//! Building a crate of this workspace into a wasm module beside a page, the way trunk builds
//! the page itself: cargo build for wasm32, wasm-bindgen (`--target web`) and, for release
//! builds, wasm-opt -Oz.

use crate::paths;
use crate::process::run_checked;
use std::path::Path;
use std::process::Command;

/// Which of a package's targets to build.
#[derive(Clone, Copy)]
pub enum Target {
    /// Its library (a `cdylib`), for modules a page imports.
    Lib,
    /// Its binary, for a page of its own (started by wasm-bindgen's `main`).
    Bin,
}

/// Builds `package` into `out`; `wasm` is the file name cargo writes (`NAME.wasm`), and
/// wasm-bindgen writes `NAME.js` and `NAME_bg.wasm` from it. `features` go to cargo as they
/// are (`--no-default-features`, `--features=…`).
pub fn build(
    package: &str,
    target: Target,
    wasm: &str,
    out: &Path,
    release: bool,
    features: &[&str],
) -> Result<(), String> {
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    // The page's own linker flags (for splitting it, see `split.rs`) are not this module's.
    build
        .env_remove(crate::split::RUSTFLAGS_ENV)
        .current_dir(paths::root())
        .args([
            "build",
            "--quiet",
            "--package",
            package,
            match target {
                Target::Lib => "--lib",
                Target::Bin => "--bins",
            },
            "--target",
            "wasm32-unknown-unknown",
        ]);
    if release {
        build.arg("--release");
    }
    run_checked(build.args(features))?;

    let profile = if release { "release" } else { "debug" };
    let built = paths::root()
        .join("target/wasm32-unknown-unknown")
        .join(profile)
        .join(wasm);
    run_checked(
        Command::new("wasm-bindgen")
            .env("PATH", paths::tool_path())
            .arg("--target=web")
            .arg("--no-typescript")
            .arg(format!("--out-dir={}", out.display()))
            .arg(&built),
    )?;
    if release {
        let stem = wasm.strip_suffix(".wasm").unwrap_or(wasm);
        let bindgen_wasm = out.join(format!("{stem}_bg.wasm"));
        run_checked(
            Command::new("wasm-opt")
                .env("PATH", paths::tool_path())
                .arg("-Oz")
                .arg(format!("--output={}", bindgen_wasm.display()))
                .arg(&bindgen_wasm),
        )?;
    }
    Ok(())
}
