//! `cargo xtask dist`: the release build of `dist/` and its size table.

use crate::demo_tenant::{self, Demo};
use crate::externalize;
use crate::integrity;
use crate::paths;
use crate::precompress;
use crate::process::run_checked;
use crate::setup;
use crate::sizes;
use crate::split;
use crate::step::Step;
use crate::texts;
use std::process::Command;

/// Options of `cargo xtask dist`.
#[derive(clap::Args)]
pub struct Args {
    /// Leave demo mode out: no demo/ folder, so `?demo` on this deployment only says that
    /// demo mode's tenant could not be loaded. Recommended for production.
    #[arg(long)]
    pub no_demo: bool,
}

/// Builds `dist/` with trunk, demo mode included. `release` selects the size profile and
/// wasm-opt -Oz.
pub fn build(release: bool) -> Result<(), String> {
    build_with(release, Demo::Included)
}

/// Builds `dist/` with trunk, with or without demo mode's `demo/`, checks it, and writes the
/// precompressed copies of its files (`X.br`, `X.gz`) for hosts that serve them as they are.
pub fn build_with(release: bool, demo: Demo) -> Result<(), String> {
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
        // The release page is split into lazily loaded chunks (`split.rs`): the split points
        // are marked with the `split` feature, and the splitter reads rustc's relocations.
        // Other languages than English are files of the build (`texts.rs`), not wasm.
        cmd.arg("--release")
            .args([
                "--features",
                &format!("{},{}", split::FEATURE, texts::FEATURE),
            ])
            .env(split::RUSTFLAGS_ENV, split::LINK_ARG)
            .env(split::SPLIT_ENV, "1");
    } else {
        cmd.env_remove(split::SPLIT_ENV);
    }
    demo.pass_to(&mut cmd);
    run_checked(&mut cmd)?;
    // The page must run under a policy without 'unsafe-inline' (README: "Deploy to a static
    // host"); the hook in Trunk.toml makes it so, and this catches a build without it.
    externalize::verify(&paths::root().join("dist"))?;
    // Files the post-build hook rewrote must still match the hashes the browser checks.
    integrity::verify(&paths::root().join("dist"))?;
    demo_tenant::verify(&paths::root().join("dist"), demo)?;
    if release {
        texts::verify(&paths::root().join("dist"))?;
    }
    step.finish("built");
    let step = Step::start("precompressing dist/ (brotli 11, gzip -9)");
    let written = precompress::run(&paths::root().join("dist"))?;
    step.finish(&format!(
        "{} copies of {} files; {} files left as they are (not smaller compressed)",
        written.copies, written.files, written.not_smaller
    ));
    Ok(())
}

/// Entry point for the `dist` subcommand.
pub fn run(args: Args) -> Result<(), String> {
    setup::run_setup()?;
    build_with(true, Demo::from_flag(args.no_demo))?;
    let table = sizes::measure(&paths::root().join("dist"))?;
    print!("{}", sizes::render(&table));
    match sizes::check_ceilings(&table) {
        Ok(line) => println!("{line}"),
        Err(e) => eprintln!("warning: {e}"),
    }
    Ok(())
}
