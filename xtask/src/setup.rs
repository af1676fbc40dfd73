//! Toolchain installation. Each tool is checked first and skipped when already present at the
//! right version, so a repeated run takes about a second.

use crate::paths;
use crate::process::{output, run_checked};
use crate::step::Step;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

/// trunk release known to work with this project's Rust version (0.22 needs a newer rustc).
pub const TRUNK_VERSION: &str = "0.21.14";
/// npm package version of binaryen providing `wasm-opt` (Debian's binaryen breaks our wasm).
pub const BINARYEN_VERSION: &str = "132.0.0";
/// npm package version of axe-core used by the accessibility journeys.
pub const AXE_CORE_VERSION: &str = "4.14.1";
/// npm package version of esbuild, which minifies the wasm-bindgen glue of release builds.
pub const ESBUILD_VERSION: &str = "0.25.12";
/// The wasm target the app compiles to.
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// `cargo xtask setup`.
pub fn run_setup() -> Result<Duration, String> {
    let all = Step::start("setup: checking the toolchain");
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    npm_tools()?;
    npm_folders()?;
    crate::browsers::install()?;
    Ok(all.finish("toolchain ready"))
}

/// Entry point for the `setup` subcommand.
pub fn run() -> Result<(), String> {
    run_setup().map(|_| ())
}

fn wasm_target() -> Result<(), String> {
    let step = Step::start(format!("rust target {WASM_TARGET}"));
    let sysroot = output(Command::new("rustc").args(["--print", "sysroot"])).unwrap_or_default();
    if Path::new(&sysroot)
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .is_dir()
    {
        step.finish("present");
        return Ok(());
    }
    run_checked(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    step.finish("installed");
    Ok(())
}

fn trunk() -> Result<(), String> {
    cargo_tool("trunk", "trunk", TRUNK_VERSION, &["--locked"])
}

fn wasm_bindgen() -> Result<(), String> {
    let version = locked_version("wasm-bindgen")?;
    // `--locked` fails for wasm-bindgen-cli (a pinned dependency was yanked), so it is omitted.
    cargo_tool("wasm-bindgen", "wasm-bindgen-cli", &version, &[])
}

/// Installs `krate` with `cargo install` unless `binary --version` already reports `version`.
pub fn cargo_tool(binary: &str, krate: &str, version: &str, extra: &[&str]) -> Result<(), String> {
    let step = Step::start(format!("{krate} {version}"));
    let installed = output(Command::new(paths::cargo_bin().join(binary)).arg("--version"));
    if installed
        .as_deref()
        .is_some_and(|v| v.split_whitespace().nth(1) == Some(version))
    {
        step.finish("present");
        return Ok(());
    }
    println!("    installing with cargo install (several minutes on a fresh machine)…");
    run_checked(
        Command::new("cargo")
            .args(["install", krate, "--version", version, "--force"])
            .args(extra),
    )?;
    step.finish("installed");
    Ok(())
}

/// Tools from npm, installed together into the project-local tools folder (npm prunes
/// packages it was not asked for, so they are always installed as one set).
const NPM_TOOLS: &[(&str, &str)] = &[
    // wasm-opt for trunk's -Oz pass.
    ("binaryen", BINARYEN_VERSION),
    // The accessibility rules the end-to-end journeys check every screen against.
    ("axe-core", AXE_CORE_VERSION),
    // Minifies the JavaScript glue of release builds (trunk's post-build hook).
    ("esbuild", ESBUILD_VERSION),
];

fn npm_tools() -> Result<(), String> {
    let wanted: Vec<String> = NPM_TOOLS.iter().map(|(p, v)| format!("{p}@{v}")).collect();
    let step = Step::start(format!("npm tools ({})", wanted.join(", ")));
    let present = NPM_TOOLS.iter().all(|(package, version)| {
        let manifest = paths::tools()
            .join("node_modules")
            .join(package)
            .join("package.json");
        fs::read_to_string(manifest)
            .is_ok_and(|m| m.contains(&format!("\"version\": \"{version}\"")))
    });
    let linked = ["wasm-opt", "esbuild"]
        .iter()
        .all(|tool| paths::node_bin().join(tool).exists());
    if present && linked {
        step.finish("present");
        return Ok(());
    }
    fs::create_dir_all(paths::tools()).map_err(|e| format!("cannot create tools folder: {e}"))?;
    run_checked(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(paths::tools())
            .args(["--no-audit", "--no-fund", "--no-save"])
            .args(&wanted),
    )
    .map_err(|e| {
        format!(
            "{e}\n    Node.js and npm are required to install {}.",
            wanted.join(", ")
        )
    })?;
    step.finish("installed");
    Ok(())
}

/// Folders with a `package-lock.json` whose packages a check loads from their
/// `node_modules`: the embedding examples built on a JavaScript framework (the React and Vue
/// host apps, built with Vite, see `hosts.rs`), Auth0's own SPA SDK, which judges the
/// emulator, and the TypeScript compiler of the typed host.
pub const NPM_FOLDERS: [&str; 5] = [
    "examples/preact",
    crate::hosts::FOLDERS[0],
    crate::hosts::FOLDERS[1],
    "e2e/official-clients/auth0-spa-js",
    crate::typed_host::FOLDER,
];

/// Installs the packages of every folder of [`NPM_FOLDERS`].
fn npm_folders() -> Result<(), String> {
    NPM_FOLDERS
        .iter()
        .try_for_each(|folder| npm_packages(folder))
}

/// Installs the packages of `folder` with `npm ci` when `node_modules` is missing or older
/// than `package-lock.json` (npm writes `node_modules/.package-lock.json` on install).
fn npm_packages(folder: &str) -> Result<(), String> {
    let step = Step::start(format!("npm packages of {folder}"));
    let dir = paths::root().join(folder);
    let modified = |file: &Path| fs::metadata(file).and_then(|m| m.modified()).ok();
    let wanted = modified(&dir.join("package-lock.json"));
    let installed = modified(&dir.join("node_modules/.package-lock.json"));
    if matches!((wanted, installed), (Some(wanted), Some(installed)) if installed >= wanted) {
        step.finish("present");
        return Ok(());
    }
    run_checked(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
    )
    .map_err(|e| format!("{e}\n    Node.js and npm are required for {folder}."))?;
    step.finish("installed");
    Ok(())
}

/// The version of `package` recorded in Cargo.lock.
pub fn locked_version(package: &str) -> Result<String, String> {
    let lock = fs::read_to_string(paths::root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    lock.split_once(&needle)
        .and_then(|(_, rest)| rest.split('"').next())
        .map(str::to_owned)
        .ok_or_else(|| format!("{package} is not in Cargo.lock"))
}
