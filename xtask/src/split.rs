//! Part of trunk's post-build hook for the release page: splits the page's wasm into the main
//! module and the lazily loaded chunks the page marks (`src/chunk.rs`), the way trunk cannot.
//!
//! Trunk builds the page with the `split` feature and `-C link-args=--emit-relocs` (see
//! `dist.rs`), then runs wasm-bindgen and wasm-opt on the whole module. This step starts again
//! from rustc's output: `wasm_split_cli_support` cuts it at the split points, wasm-bindgen runs
//! on the main part (keeping the exports the chunks link against), wasm-opt on every part, and
//! the results replace trunk's files under their names. The chunks go to `chunks/` and their
//! loader beside the page's module (the module imports it: it is part of the first load),
//! each named by the hash of its content, so they can be cached forever.

use crate::content_hash::hashed_name;
use crate::paths;
use crate::process::run_checked;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Set (to anything) on trunk's environment when the page is built with chunks.
pub const SPLIT_ENV: &str = "MFA_SPLIT";
/// The folder of `dist/` holding the chunks and their loader.
pub const FOLDER: &str = "chunks";
/// The cargo feature that marks the split points.
pub const FEATURE: &str = "split";
/// Linker flag the splitter needs (relocations in rustc's output).
pub const LINK_ARG: &str = "-C link-args=--emit-relocs";
/// Where the page build gets [`LINK_ARG`]: cargo adds it to the wasm target's flags of
/// `.cargo/config.toml` (arrays of both sources are joined).
pub const RUSTFLAGS_ENV: &str = "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS";
/// The page's package (and rustc's output `NAME.wasm`).
const PACKAGE: &str = "mfa-manager";
/// The loader's name before it is hashed, as the main module imports it.
const LOADER_PLACEHOLDER: &str = "./split-loader.js";

/// Splits the release build in `dir` (trunk's staging folder).
pub fn run(dir: &Path) -> Result<(), String> {
    let input = paths::root()
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{PACKAGE}.wasm"));
    let wasm = fs::read(&input).map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let stem = trunk_stem(dir)?;
    let work = paths::root().join("target/split");
    let _ = fs::remove_dir_all(&work);
    let chunks_dir = dir.join(FOLDER);
    let _ = fs::remove_dir_all(&chunks_dir);
    for folder in [&work, &chunks_dir] {
        fs::create_dir_all(folder)
            .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    }
    let main = work.join("main.wasm");
    let main_module = format!("./{stem}.js");
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&wasm);
        opts.output_dir = dir;
        opts.main_out_path = &main;
        opts.link_name = LOADER_PLACEHOLDER;
        opts.main_module = &main_module;
        opts
    })
    .map_err(|e| format!("splitting {} failed: {e:#}", input.display()))?;
    if split.split_modules.is_empty() {
        return Err(format!(
            "{} has no split points: was it built with --features {FEATURE} and {LINK_ARG}?",
            input.display()
        ));
    }
    bindgen(&main, &work, &stem)?;
    for file in [format!("{stem}.js"), format!("{stem}_bg.wasm")] {
        fs::copy(work.join("bindgen").join(&file), dir.join(&file))
            .map_err(|e| format!("cannot replace {file}: {e}"))?;
    }
    copy_snippets(&work.join("bindgen/snippets"), &dir.join("snippets"))?;
    optimize(&dir.join(format!("{stem}_bg.wasm")))?;
    let loader_path = dir.join(LOADER_PLACEHOLDER.trim_start_matches("./"));
    let mut loader = fs::read_to_string(&loader_path)
        .map_err(|e| format!("cannot read {}: {e}", loader_path.display()))?;
    for module in &split.split_modules {
        let name = module
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("a chunk has no file name")?
            .to_owned();
        optimize(module)?;
        let hashed = hashed_name(module, &name)?;
        fs::rename(module, chunks_dir.join(&hashed))
            .map_err(|e| format!("cannot move {name}: {e}"))?;
        loader = replace_once(
            &loader,
            &format!("\"./{name}\""),
            &format!("\"./{FOLDER}/{hashed}\""),
        )?;
    }
    fs::write(&loader_path, &loader)
        .map_err(|e| format!("cannot write {}: {e}", loader_path.display()))?;
    let loader_name = hashed_name(&loader_path, "split-loader.js")?;
    fs::rename(&loader_path, dir.join(&loader_name))
        .map_err(|e| format!("cannot rename the loader: {e}"))?;
    let glue_path = dir.join(format!("{stem}.js"));
    let glue = fs::read_to_string(&glue_path)
        .map_err(|e| format!("cannot read {}: {e}", glue_path.display()))?;
    // The module is imported from the hashed file; the wasm keeps asking for it by the name
    // it was linked with (the import object's keys stay as they are).
    let import = format!("from \"{LOADER_PLACEHOLDER}\"");
    if !glue.contains(&import) {
        return Err(format!(
            "the page's glue does not import {LOADER_PLACEHOLDER}"
        ));
    }
    let glue = glue.replace(&import, &format!("from \"./{loader_name}\""));
    fs::write(&glue_path, glue)
        .map_err(|e| format!("cannot write {}: {e}", glue_path.display()))?;
    preload_loader(&dir.join("index.html"), &stem, &loader_name)
}

/// Has the browser fetch the loader together with the page's module (it imports it, so
/// otherwise it would be one more round trip before the first screen): a `modulepreload`
/// beside trunk's for the module; its `integrity` is filled in with the others'.
fn preload_loader(index: &Path, stem: &str, loader: &str) -> Result<(), String> {
    let html =
        fs::read_to_string(index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let module = format!("href=\"./{stem}.js\"");
    let end = html
        .find(&module)
        .and_then(|at| html[at..].find('>').map(|e| at + e + 1))
        .ok_or_else(|| format!("{}: no modulepreload of ./{stem}.js", index.display()))?;
    let link = format!(
        "<link rel=\"modulepreload\" href=\"./{loader}\" crossorigin=\"anonymous\" integrity=\"\">"
    );
    let html = format!("{}{link}{}", &html[..end], &html[end..]);
    fs::write(index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// Trunk's name for the page's module (`mfa-manager-HASH`, from `mfa-manager-HASH_bg.wasm`).
fn trunk_stem(dir: &Path) -> Result<String, String> {
    fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .find_map(|n| {
            n.strip_suffix("_bg.wasm")
                .filter(|s| s.starts_with(PACKAGE))
                .map(str::to_owned)
        })
        .ok_or_else(|| format!("no {PACKAGE}-…_bg.wasm in {}", dir.display()))
}

/// wasm-bindgen on the main part, keeping the linker's exports the chunks import.
fn bindgen(main: &Path, work: &Path, stem: &str) -> Result<(), String> {
    run_checked(
        Command::new("wasm-bindgen")
            .env("PATH", paths::tool_path())
            .args([
                "--target=web",
                "--no-typescript",
                "--keep-lld-exports",
                "--no-demangle",
            ])
            .arg(format!("--out-name={stem}"))
            .arg(format!("--out-dir={}", work.join("bindgen").display()))
            .arg(main),
    )
}

/// wasm-opt -Oz in place, as trunk does for the page.
fn optimize(wasm: &Path) -> Result<(), String> {
    run_checked(
        Command::new("wasm-opt")
            .env("PATH", paths::tool_path())
            .arg("-Oz")
            .arg(format!("--output={}", wasm.display()))
            .arg(wasm),
    )
}

/// `text` with its one occurrence of `from` replaced; an error if there is not exactly one.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!(
            "expected {from} once in the split glue, found it {n} times"
        )),
    }
}

/// Copies wasm-bindgen's snippet files over trunk's (same names: same crate, same snippets).
fn copy_snippets(from: &Path, to: &Path) -> Result<(), String> {
    let Ok(entries) = fs::read_dir(from) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let target: PathBuf = to.join(entry.file_name());
        if entry.path().is_dir() {
            fs::create_dir_all(&target)
                .map_err(|e| format!("cannot create {}: {e}", target.display()))?;
            copy_snippets(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)
                .map_err(|e| format!("cannot copy {}: {e}", target.display()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_is_preloaded_beside_the_module() {
        let dir = std::env::temp_dir().join("mfa-split-preload-test");
        fs::create_dir_all(&dir).unwrap();
        let index = dir.join("index.html");
        fs::write(
            &index,
            "<head><link rel=\"modulepreload\" href=\"./mfa-manager-1.js\" integrity=\"x\"><link rel=\"preload\"></head>",
        )
        .unwrap();
        preload_loader(&index, "mfa-manager-1", "split-loader-2.js").unwrap();
        let html = fs::read_to_string(&index).unwrap();
        assert_eq!(
            html,
            "<head><link rel=\"modulepreload\" href=\"./mfa-manager-1.js\" integrity=\"x\">\
             <link rel=\"modulepreload\" href=\"./split-loader-2.js\" crossorigin=\"anonymous\" integrity=\"\">\
             <link rel=\"preload\"></head>"
        );
        assert!(preload_loader(&index, "other-module", "split-loader-2.js").is_err());
    }

    #[test]
    fn a_reference_is_replaced_exactly_once() {
        assert_eq!(
            replace_once("a \"./x.wasm\" b", "\"./x.wasm\"", "\"./y.wasm\"").unwrap(),
            "a \"./y.wasm\" b"
        );
        assert!(replace_once("no reference", "\"./x.wasm\"", "y").is_err());
        assert!(replace_once("\"./x.wasm\" \"./x.wasm\"", "\"./x.wasm\"", "y").is_err());
    }
}
