//! `cargo xtask screenshots`: regenerates the pictures in `docs/screenshots/` (every main
//! screen, light and dark, English and Arabic, phone and desktop width) from a build of
//! `dist/` against the emulated tenant, in headless Chromium (`e2e/src/bin/screenshots.rs`
//! takes them). The README shows some of them; they are committed, and never edited by hand.

use crate::dist;
use crate::paths;
use crate::process::run_checked;
use crate::setup;
use crate::step::Step;
use crate::test::{browser_env, cargo};

/// The pictures' folder, relative to the workspace root.
pub const FOLDER: &str = "docs/screenshots";

/// Options of `cargo xtask screenshots`.
#[derive(clap::Args)]
pub struct Args {
    /// Picture the dist/ already built instead of building it first.
    #[arg(long)]
    pub no_build: bool,
}

/// Entry point for the `screenshots` subcommand.
pub fn run(args: Args) -> Result<(), String> {
    setup::run_setup()?;
    if !args.no_build {
        dist::build(true)?;
    }
    let step = Step::start(format!("screenshots into {FOLDER}/"));
    let out = paths::root().join(FOLDER);
    let mut cmd = cargo(&["run", "--quiet", "-p", "e2e", "--bin", "screenshots", "--"]);
    cmd.arg(&out).env("MFA_DIST", paths::root().join("dist"));
    run_checked(&mut browser_env(cmd))?;
    step.finish("written");
    Ok(())
}
