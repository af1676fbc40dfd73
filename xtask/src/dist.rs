//! `cargo xtask dist`: the release build of `dist/` and its size table.

use crate::externalize;
use crate::integrity;
use crate::paths;
use crate::process::run_checked;
use crate::setup;
use crate::sizes;
use crate::step::Step;
use std::process::Command;

/// Builds `dist/` with trunk. `release` selects the size profile and wasm-opt -Oz.
pub fn build(release: bool) -> Result<(), String> {
    let step = Step::start(if release {
        "trunk build --release (size profile + wasm-opt -Oz)"
    } else {
        "trunk build"
    });
    let mut cmd = Command::new(paths::cargo_bin().join("trunk"));
    cmd.current_dir(paths::root())
        .env("PATH", paths::tool_path())
        .env_remove("MFA_DEV_CONFIG")
        .arg("build");
    if release {
        cmd.arg("--release");
    }
    run_checked(&mut cmd)?;
    // The page must run under a policy without 'unsafe-inline' (README: "Deploy to a static
    // host"); the hook in Trunk.toml makes it so, and this catches a build without it.
    externalize::verify(&paths::root().join("dist"))?;
    // Files the post-build hook rewrote must still match the hashes the browser checks.
    integrity::verify(&paths::root().join("dist"))?;
    step.finish("built");
    Ok(())
}

/// Entry point for the `dist` subcommand.
pub fn run() -> Result<(), String> {
    setup::run_setup()?;
    build(true)?;
    let table = sizes::measure(&paths::root().join("dist"))?;
    print!("{}", sizes::render(&table));
    match sizes::check_ceiling(&sizes::page_totals(&table)) {
        Ok(line) => println!("{line}"),
        Err(e) => eprintln!("warning: {e}"),
    }
    Ok(())
}
