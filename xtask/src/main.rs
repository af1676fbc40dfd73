//! `cargo xtask`: the project's automation. Every command installs what is missing first, so
//! a fresh machine needs only Rust, Node.js/npm and (for Chromium) root on Debian.

mod bench;
mod browsers;
mod compress;
mod content_hash;
mod demo_tenant;
mod dist;
mod engines;
mod entry;
mod externalize;
mod first_screen;
mod floor;
mod hosts;
mod imports;
mod integrity;
mod minify;
mod package;
mod paths;
mod peer;
mod precompress;
mod process;
mod race;
mod screenshots;
mod serve;
mod setup;
mod short_names;
mod sizes;
mod snippet_names;
mod split;
mod step;
mod test;
mod texts;
mod typed_host;
mod wasm_module;

use clap::{Parser, Subcommand};
use std::env;
use std::path::PathBuf;
use std::process::ExitCode;

/// mfa-manager project tasks.
#[derive(Parser)]
#[command(name = "cargo xtask", about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Install the toolchain (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt, Chromium);
    /// tools already present at the right version are skipped.
    Setup,
    /// Build and run the emulator and the app with live reload; Ctrl-C stops both.
    Serve(serve::Args),
    /// Run every check: fmt, import circles, clippy (native + wasm32), native tests, wasm
    /// tests in headless Chromium, and the end-to-end suite against a fresh dist/ and emulator.
    Test(test::Args),
    /// Check that no files of src/, emulator/src/ or e2e/src/ refer to each other in a circle
    /// through `use` items or paths in code (macro bodies included); a `pub use` re-export
    /// leads on to the file the item comes from, and test code is left out. Prints each
    /// folder's circles (their files and the references between them) or "no import
    /// circles"; fails if there is any.
    Imports,
    /// Release build of dist/ (size profile, wasm-opt -Oz) and a table of file sizes;
    /// `--no-demo` leaves demo mode's demo/ out (recommended for production).
    Dist(dist::Args),
    /// Build dist/ (unless `--no-build`) and write the npm package into pkg/ (package.json
    /// with the version of Cargo.toml, the entry module, the declarations and the hashed files
    /// they load), checked with `npm pack --dry-run`; ready for `npm install ./pkg`. With
    /// `--hosts`, then type-check and build the React and Vue host apps of examples/ with it.
    Package(package::Args),
    /// Regenerate the pictures of docs/screenshots/ (every main screen, light and dark,
    /// English and Arabic, phone and desktop width) from a build of dist/ (unless
    /// `--no-build`) against the emulated tenant, in headless Chromium.
    Screenshots(screenshots::Args),
    /// Measure bundle size, cold start, round trips per action and QR render time; prints a
    /// table with the budgets and writes target/bench.json.
    Bench,
    /// Trunk post-build hook: move index.html's inline scripts into files (CSP without
    /// 'unsafe-inline'), shorten wasm-bindgen's hashed glue names (and minify the glue for
    /// release), build demo mode's tenant module into demo/ (unless $MFA_NO_DEMO is set,
    /// as `cargo xtask dist --no-demo` does) and write the other languages' texts into
    /// texts/ when the page asks for them; the folder defaults to $TRUNK_STAGING_DIR.
    PostBuild(PostBuildArgs),
}

/// Options of `cargo xtask post-build`.
#[derive(clap::Args)]
struct PostBuildArgs {
    /// Folder holding the built `index.html` [default: $TRUNK_STAGING_DIR, set by trunk]
    dir: Option<PathBuf>,
}

/// Trunk's post-build hook: externalizes the page's scripts; builds demo mode's tenant module
/// beside the page (for release when trunk builds for release), unless the build leaves demo
/// mode out; shortens the glue names of both (and minifies their glue for release); writes
/// the language files the page asks for; refreshes the `integrity` hashes; then puts the
/// first-screen script in front of the app.
fn post_build(args: PostBuildArgs) -> Result<(), String> {
    let dir = args
        .dir
        .or_else(|| env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from))
        .ok_or(
            "post-build: no folder given and TRUNK_STAGING_DIR is not set \
             (this runs as trunk's post_build hook, see Trunk.toml)",
        )?;
    externalize::run(&dir)?;
    let release = env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    if release && env::var_os(split::SPLIT_ENV).is_some() {
        split::run(&dir)?;
    }
    let demo = demo_tenant::Demo::from_env(env::var_os(demo_tenant::NO_DEMO_ENV).as_deref());
    demo_tenant::build_into(&dir, release, demo)?;
    minify::glue(&dir, release)?;
    if demo == demo_tenant::Demo::Included {
        minify::glue(&dir.join(demo_tenant::FOLDER), release)?;
    }
    // Before the snippets get their hashed names: it writes the language files' names into
    // one of them.
    texts::run(&dir)?;
    if release {
        snippet_names::run(&dir)?;
    }
    entry::write(&dir, release)?;
    integrity::refresh(&dir)?;
    first_screen::run(&dir, release)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Setup => setup::run(),
        Command::Serve(args) => serve::run(args),
        Command::Test(args) => test::run(args),
        Command::Imports => imports::run(),
        Command::Dist(args) => dist::run(args),
        Command::Package(args) => package::run(args),
        Command::Screenshots(args) => screenshots::run(args),
        Command::Bench => bench::run(),
        Command::PostBuild(args) => post_build(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("xtask: {message}");
            }
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist_args(args: &[&str]) -> dist::Args {
        let argv = ["cargo xtask", "dist"].iter().chain(args);
        match Cli::try_parse_from(argv).map(|cli| cli.command) {
            Ok(Command::Dist(args)) => args,
            _ => panic!("`dist {args:?}` is not the dist command"),
        }
    }

    #[test]
    fn dist_includes_demo_mode_unless_told_not_to() {
        assert!(!dist_args(&[]).no_demo);
        assert!(dist_args(&["--no-demo"]).no_demo);
    }
}
