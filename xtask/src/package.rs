//! `cargo xtask package`: the npm package of the widget in `pkg/`, ready for `npm publish` or
//! `npm install ./pkg`. It holds what a host app needs from a build of `dist/` and nothing a
//! bundler or a deployment would not use:
//!
//! - the stable entry `mfa-manager.js` (the package's export) and its declarations
//!   `mfa-manager.d.ts` (its `types`), and the stylesheet's stable copy `mfa-manager.css` (for
//!   a page that loads the package unbundled and links it in its `<head>`);
//! - the hashed files the entry loads: the wasm-bindgen glue and its wasm, the stylesheet, the
//!   split loader and the wasm chunks in `chunks/`, wasm-bindgen's snippets in `snippets/`,
//!   the other languages' tables in `texts/`.
//!   Every one of them is named relative to the module that loads it (`import`, or
//!   `new URL("./file", import.meta.url)` with a literal name), so a bundler that copies them
//!   into a host app's build finds them, and a page that loads the package unbundled gets
//!   them from beside the entry.
//!
//! Left out: the stand-alone page (`index.html`, its loader `init-HASH.js`, its first-screen
//! script `first-screen-HASH.js` and `config.json`),
//! demo mode's `demo/` (left out of the package as out of a production deployment; `?demo`
//! links must not work on a site that embeds the widget), and the `.br`/`.gz` copies (a host
//! app's own build and deployment compress its files; a bundler copies the plain ones).

use crate::dist;
use crate::paths;
use crate::precompress;
use crate::process::describe;
use crate::setup;
use crate::step::Step;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The package's folder, relative to the workspace root.
pub const FOLDER: &str = "pkg";
/// The package's name on npm.
pub const NAME: &str = "mfa-manager";
/// What the package is, for `npm search` and the registry's page.
const DESCRIPTION: &str = "Self-service MFA for Auth0 tenants, as a widget: <mfa-manager> and \
                           mount() let a signed-in user list, enroll and remove their own \
                           sign-in methods. Rust and WebAssembly, no backend.";
/// The package's README, shown on the registry's page.
const README: &str = include_str!("../package/README.md");

/// Options of `cargo xtask package`.
#[derive(clap::Args)]
pub struct Args {
    /// Package the dist/ already built instead of building it first.
    #[arg(long)]
    pub no_build: bool,
    /// Then type-check and build the host apps of examples/react and examples/vue, which
    /// install the package (`npm run build` in each).
    #[arg(long)]
    pub hosts: bool,
}

/// Entry point for the `package` subcommand: builds `dist/` (unless told not to), writes
/// `pkg/` from it, checks it with `npm pack --dry-run`, and builds the host apps if asked.
pub fn run(args: Args) -> Result<(), String> {
    setup::run_setup()?;
    if !args.no_build {
        dist::build(true)?;
    }
    let summary = build_from_dist()?;
    println!("{summary}");
    if args.hosts {
        crate::hosts::build()?;
    }
    Ok(())
}

/// Writes `pkg/` from the built `dist/` and checks it; returns a line saying what it holds.
pub fn build_from_dist() -> Result<String, String> {
    let step = Step::start(format!("npm package {FOLDER}/ from dist/"));
    let root = paths::root();
    let version = crate_version(&read(&root.join("Cargo.toml"))?)?;
    let pkg = root.join(FOLDER);
    let files = write(&root.join("dist"), &pkg, &version)?;
    let packed = npm_pack_dry_run(&pkg)?;
    check_packed(&files, &packed)?;
    step.finish("written");
    Ok(format!(
        "{NAME}@{version}: {} files in {FOLDER}/ (npm pack --dry-run agrees); \
         `npm install ./{FOLDER}` or `npm publish ./{FOLDER}`",
        packed.len()
    ))
}

/// True for a file of `dist/` (path relative to it, `/`-separated) that belongs in the
/// package; see the module's documentation for what is left out and why.
pub fn belongs(relative: &str) -> bool {
    let top = relative.split('/').next().unwrap_or_default();
    let page = matches!(relative, "index.html" | "config.json")
        || (top == relative
            && (relative.starts_with("init-")
                || relative.starts_with(crate::first_screen::PREFIX))
            && relative.ends_with(".js"));
    !page && top != crate::demo_tenant::FOLDER && !precompress::is_copy(Path::new(relative))
}

/// Empties `pkg`, copies the files of `dist` that [`belongs`] there, and writes
/// `package.json` (for `version`) and `README.md`. Returns every file of the package,
/// relative to `pkg`, sorted.
pub fn write(dist: &Path, pkg: &Path, version: &str) -> Result<Vec<String>, String> {
    if !dist.join(crate::entry::ENTRY_FILE).is_file() {
        return Err(format!(
            "{} has no {}: run `cargo xtask dist` first",
            dist.display(),
            crate::entry::ENTRY_FILE
        ));
    }
    if pkg.exists() {
        fs::remove_dir_all(pkg).map_err(|e| format!("cannot empty {}: {e}", pkg.display()))?;
    }
    let mut built = Vec::new();
    for file in precompress::files(dist)? {
        let relative = relative_name(dist, &file)?;
        if !belongs(&relative) {
            continue;
        }
        let copy = pkg.join(&relative);
        if let Some(folder) = copy.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        fs::copy(&file, &copy).map_err(|e| format!("cannot copy {}: {e}", file.display()))?;
        built.push(relative);
    }
    write_file(
        &pkg.join("package.json"),
        &Manifest::new(version, &built).to_json()?,
    )?;
    write_file(&pkg.join("README.md"), README)?;
    let mut all: Vec<String> = built;
    all.extend(["package.json".to_owned(), "README.md".to_owned()]);
    all.sort();
    Ok(all)
}

/// `package.json`: an ES module package whose one export is the entry module, typed by the
/// declarations (the `types` condition first, as TypeScript reads the conditions in order);
/// `files` names the built files (a folder by its name); `sideEffects` is true because loading
/// the entry defines `<mfa-manager>`, so a bundler must keep `import "mfa-manager"`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    name: &'static str,
    version: String,
    description: &'static str,
    license: &'static str,
    keywords: [&'static str; 6],
    #[serde(rename = "type")]
    kind: &'static str,
    main: String,
    types: String,
    exports: Exports,
    files: BTreeSet<String>,
    side_effects: bool,
}

/// The package's `exports`: the entry, and the manifest itself for tools that read it.
#[derive(Debug, Serialize)]
struct Exports {
    #[serde(rename = ".")]
    entry: Conditions,
    #[serde(rename = "./package.json")]
    manifest: &'static str,
}

/// The entry's conditions, in the order they must be tried.
#[derive(Debug, Serialize)]
struct Conditions {
    types: String,
    default: String,
}

impl Manifest {
    /// The manifest of the package of version `version` holding the `built` files.
    pub fn new(version: &str, built: &[String]) -> Manifest {
        let entry = format!("./{}", crate::entry::ENTRY_FILE);
        let types = format!("./{}", crate::entry::DECLARATIONS_FILE);
        let files = built
            .iter()
            .map(|relative| match relative.split_once('/') {
                Some((folder, _)) => format!("{folder}/"),
                None => relative.clone(),
            })
            .collect();
        Manifest {
            name: NAME,
            version: version.to_owned(),
            description: DESCRIPTION,
            license: "MIT",
            keywords: [
                "auth0",
                "mfa",
                "2fa",
                "web-component",
                "webassembly",
                "widget",
            ],
            kind: "module",
            main: entry.clone(),
            types: types.clone(),
            exports: Exports {
                entry: Conditions {
                    types,
                    default: entry,
                },
                manifest: "./package.json",
            },
            files,
            side_effects: true,
        }
    }

    /// The manifest as `package.json` text.
    pub fn to_json(&self) -> Result<String, String> {
        serde_json::to_string_pretty(self)
            .map(|text| text + "\n")
            .map_err(|e| format!("package.json: {e}"))
    }
}

/// The `version` of the `[package]` section of the workspace's `Cargo.toml`.
pub fn crate_version(cargo_toml: &str) -> Result<String, String> {
    let mut in_package = false;
    for line in cargo_toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package {
            let value = line
                .strip_prefix("version")
                .map(str::trim_start)
                .and_then(|rest| rest.strip_prefix('='))
                .map(|rest| rest.trim().trim_matches('"'));
            if let Some(version) = value {
                return Ok(version.to_owned());
            }
        }
    }
    Err("Cargo.toml: no `version` in its [package] section".into())
}

/// The files `npm pack --dry-run` would put in the package of `pkg`, relative to it, sorted:
/// npm's own reading of `files`, `package.json` and the README.
pub fn npm_pack_dry_run(pkg: &Path) -> Result<Vec<String>, String> {
    let mut cmd = Command::new("npm");
    cmd.args(["pack", "--dry-run", "--json", "--ignore-scripts"])
        .current_dir(pkg);
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    if !out.status.success() {
        return Err(format!(
            "{} failed in {}: {}",
            describe(&cmd),
            pkg.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let report: Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| format!("{} printed no JSON: {e}", describe(&cmd)))?;
    let mut files: Vec<String> = report[0]["files"]
        .as_array()
        .ok_or_else(|| format!("{} lists no files: {report}", describe(&cmd)))?
        .iter()
        .filter_map(|file| file["path"].as_str().map(str::to_owned))
        .collect();
    files.sort();
    Ok(files)
}

/// Fails unless npm would pack exactly the files written, the entry and the declarations
/// among them.
pub fn check_packed(written: &[String], packed: &[String]) -> Result<(), String> {
    let missing: Vec<&String> = written.iter().filter(|f| !packed.contains(f)).collect();
    let extra: Vec<&String> = packed.iter().filter(|f| !written.contains(f)).collect();
    if !missing.is_empty() || !extra.is_empty() {
        return Err(format!(
            "npm would pack other files than the package's: missing {missing:?}, extra {extra:?}"
        ));
    }
    for needed in [crate::entry::ENTRY_FILE, crate::entry::DECLARATIONS_FILE] {
        if !packed.iter().any(|f| f == needed) {
            return Err(format!("the package has no {needed}"));
        }
    }
    Ok(())
}

/// `file`'s path below `dir`, with `/` between its parts.
fn relative_name(dir: &Path, file: &Path) -> Result<String, String> {
    let relative: PathBuf = file
        .strip_prefix(dir)
        .map_err(|_| format!("{} is not in {}", file.display(), dir.display()))?
        .to_path_buf();
    Ok(relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/"))
}

fn read(file: &Path) -> Result<String, String> {
    fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))
}

fn write_file(file: &Path, text: &str) -> Result<(), String> {
    fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

#[cfg(test)]
mod tests;
