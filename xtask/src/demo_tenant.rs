//! Builds demo mode's tenant module (`emulator/demo-tenant`) into `demo/` beside the page:
//! its own wasm, which the page imports only in demo mode, so a real deployment's visitors
//! never download the tenant model.

use crate::paths;
use crate::process::run_checked;
use std::path::Path;
use std::process::Command;

/// The module's package.
const PACKAGE: &str = "mfa-demo-tenant";
/// Its wasm file name as cargo writes it.
const WASM: &str = "mfa_demo_tenant.wasm";
/// The folder beside `index.html` the page imports it from (see `src/api/demo_loader.rs`).
pub const FOLDER: &str = "demo";

/// Builds the module into `<dir>/demo/`: the cargo build, wasm-bindgen (`--target web`) and,
/// for `release`, wasm-opt -Oz as trunk does for the page.
pub fn build_into(dir: &Path, release: bool) -> Result<(), String> {
    let mut build = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    build.current_dir(paths::root()).args([
        "build",
        "--quiet",
        "--package",
        PACKAGE,
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    if release {
        build.arg("--release");
    }
    run_checked(&mut build)?;

    let profile = if release { "release" } else { "debug" };
    let wasm = paths::root()
        .join("target/wasm32-unknown-unknown")
        .join(profile)
        .join(WASM);
    let out = dir.join(FOLDER);
    run_checked(
        Command::new("wasm-bindgen")
            .env("PATH", paths::tool_path())
            .arg("--target=web")
            .arg("--no-typescript")
            .arg(format!("--out-dir={}", out.display()))
            .arg(&wasm),
    )?;
    if release {
        let bindgen_wasm = out.join("mfa_demo_tenant_bg.wasm");
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
