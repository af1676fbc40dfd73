//! Part of trunk's post-build hook: the stable entry point `mfa-manager.js`, and the
//! TypeScript declarations `mfa-manager.d.ts` beside it. Every other file of a build carries a
//! hash in its name and may be cached forever; this one keeps its name, so a host page embeds
//! the widget with one `<script type="module" src=".../mfa-manager.js">` (or imports `mount`
//! from it) and never learns a hash. It is written from trunk's own loader (`init-HASH.js`,
//! see `externalize.rs`), so it starts the module the way the page does, except that every
//! URL is resolved against the entry module itself rather than the host page: a page in
//! another folder gets the wasm, the stylesheet and (through the split loader, which resolves
//! them against its own URL) the wasm chunks from the folder of the build. Like the page, a
//! widget shows its signed-out screen before the app is fetched: the module carries the
//! element's class and the first screen shared with the page (`src/first_screen/`), and asks
//! for the app once a widget's screen is up, so a host page's first load is this module and
//! the stylesheet. Each URL is written
//! `new URL("./file", import.meta.url)` with a literal file name, the form bundlers (Vite,
//! webpack, Parcel) recognise, so a host app that bundles the npm package gets the files
//! copied into its own build and the URLs rewritten to them.

use crate::paths;
use std::fs;
use std::path::Path;

/// Name of the stable entry module in `dist/`.
pub const ENTRY_FILE: &str = "mfa-manager.js";
/// Name of the declarations in `dist/`, beside [`ENTRY_FILE`].
pub const DECLARATIONS_FILE: &str = "mfa-manager.d.ts";
/// Name of the stylesheet's stable copy in `dist/`, beside [`ENTRY_FILE`]: a host page that
/// links it in its `<head>` gets it beside the entry module instead of after it.
pub const STYLE_FILE: &str = "mfa-manager.css";
/// The declarations in the repository, relative to the workspace root.
pub const DECLARATIONS_SOURCE: &str = "types/mfa-manager.d.ts";

/// Writes `mfa-manager.js` (minified for `release`), and copies `mfa-manager.d.ts` and the
/// stylesheet as `mfa-manager.css` into the build folder `dir`.
pub fn write(dir: &Path, release: bool) -> Result<(), String> {
    let loader_path = trunk_loader(dir)?;
    let loader = fs::read_to_string(&loader_path)
        .map_err(|e| format!("cannot read {}: {e}", loader_path.display()))?;
    let start = Start::read(&loader).map_err(|e| format!("{}: {e}", loader_path.display()))?;
    let stylesheet = stylesheet(dir)?;
    let entry = dir.join(ENTRY_FILE);
    fs::write(&entry, entry_module(&start, &stylesheet)?)
        .map_err(|e| format!("cannot write {}: {e}", entry.display()))?;
    if release {
        crate::minify::js(&entry)?;
    }
    let sheet = dir.join(stylesheet.trim_start_matches("./"));
    fs::copy(&sheet, dir.join(STYLE_FILE))
        .map_err(|e| format!("cannot copy {} to {STYLE_FILE}: {e}", sheet.display()))?;
    let source = paths::root().join(DECLARATIONS_SOURCE);
    let copy = dir.join(DECLARATIONS_FILE);
    fs::copy(&source, &copy).map(|_| ()).map_err(|e| {
        format!(
            "cannot copy {} to {}: {e}",
            source.display(),
            copy.display()
        )
    })
}

/// How trunk's loader starts the page: the wasm-bindgen module it imports and the wasm it
/// passes to that module's `init`, both as paths relative to the build folder (`./…`).
#[derive(Debug, PartialEq, Eq)]
pub struct Start {
    /// The hashed JavaScript module (`./mfa-manager-HASH.js`).
    pub module: String,
    /// The hashed wasm (`./mfa-manager-HASH_bg.wasm`).
    pub wasm: String,
}

impl Start {
    /// Reads trunk's loader, which begins
    /// `import init, * as bindings from './X.js'; await init({ module_or_path: './X_bg.wasm' });`.
    pub fn read(loader: &str) -> Result<Start, String> {
        let module = quoted_after(loader, "import init, * as bindings from")
            .ok_or("trunk's loader no longer starts with `import init, * as bindings from '…'`")?;
        let wasm = quoted_after(loader, "init({ module_or_path:")
            .ok_or("trunk's loader no longer calls `init({ module_or_path: '…' })`")?;
        Ok(Start {
            module: relative_file(module, ".js")?,
            wasm: relative_file(wasm, ".wasm")?,
        })
    }
}

/// The widget's part of the entry module, relative to the workspace root.
pub const SOURCE: &str = "src/first_screen/widget.js";
/// The element's class, relative to the workspace root (also a module of the wasm's glue).
pub const ELEMENT_SOURCE: &str = "src/element.js";
/// Where the widget's part names the stylesheet, the wasm and the glue module.
const STYLE_MARKER: &str = "/*mfa-manager-style*/";
const WASM_MARKER: &str = "/*mfa-manager-wasm*/";
const MODULE_MARKER: &str = "/*mfa-manager-module*/";

/// The entry module: the element's class (`src/element.js`, not exported here), the first
/// screen shared with the page (`src/first_screen/screen.js`, with every language's texts) and
/// the widget's part (`src/first_screen/widget.js`, which links the build's `stylesheet`,
/// defines `<mfa-manager>`, exports `mount`, and fetches the wasm and imports the glue at once
/// when a widget's first screen is up).
pub fn entry_module(start: &Start, stylesheet: &str) -> Result<String, String> {
    const EXPORTED: &str = "\nexport function defineMfaManagerElement";
    let element = crate::first_screen::source(ELEMENT_SOURCE)?;
    let at = element
        .find(EXPORTED)
        .ok_or_else(|| format!("{ELEMENT_SOURCE} no longer exports defineMfaManagerElement"))?;
    let element = format!(
        "{}\nfunction defineMfaManagerElement{}",
        &element[..at],
        &element[at + EXPORTED.len()..]
    );
    let quoted = |file: &str| serde_json::Value::from(file).to_string();
    let widget = crate::first_screen::fill(
        &crate::first_screen::source(SOURCE)?,
        &[
            (STYLE_MARKER, quoted(stylesheet)),
            (WASM_MARKER, quoted(&start.wasm)),
            (MODULE_MARKER, quoted(&start.module)),
        ],
    )?;
    Ok(format!(
        "// Written by `cargo xtask` from {SCREEN}, {ELEMENT_SOURCE} and {SOURCE}.\n{}\n{element}\n{widget}",
        crate::first_screen::screen()?,
        SCREEN = crate::first_screen::SCREEN_SOURCE,
    ))
}

/// The loader file `init-HASH.js` the first post-build step wrote into `dir`.
fn trunk_loader(dir: &Path) -> Result<std::path::PathBuf, String> {
    let loaders = files_named(dir, "init-", ".js")?;
    match loaders.as_slice() {
        [one] => Ok(dir.join(one)),
        [] => Err(format!(
            "{}: no init-….js (the loader is written by the first post-build step)",
            dir.display()
        )),
        several => Err(format!(
            "{}: several loaders ({}), expected one",
            dir.display(),
            several.join(", ")
        )),
    }
}

/// The build's stylesheet (`./main-HASH.css`).
fn stylesheet(dir: &Path) -> Result<String, String> {
    let mut sheets = files_named(dir, "", ".css")?;
    // The stable copy of an earlier run of this step.
    sheets.retain(|name| name != STYLE_FILE);
    match sheets.as_slice() {
        [] => Err(format!(
            "{}: no stylesheet, which the widget's screens need",
            dir.display()
        )),
        [one] => relative_file(&format!("./{one}"), ".css"),
        several => Err(format!(
            "{}: several stylesheets ({}), the entry module adds one",
            dir.display(),
            several.join(", ")
        )),
    }
}

/// Names of the files directly in `dir` that start with `prefix` and end with `suffix`.
fn files_named(dir: &Path, prefix: &str, suffix: &str) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(suffix))
        .collect();
    names.sort();
    Ok(names)
}

/// The quoted string (`'…'` or `"…"`) that follows `marker` in `text`, spaces skipped.
fn quoted_after<'a>(text: &'a str, marker: &str) -> Option<&'a str> {
    let rest = text[text.find(marker)? + marker.len()..].trim_start();
    let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
    let inner = &rest[1..];
    inner.find(quote).map(|end| &inner[..end])
}

/// Checks that `path` names a file of the build folder (`./name.ext`) in characters that need
/// no escaping inside a JavaScript string.
fn relative_file(path: &str, extension: &str) -> Result<String, String> {
    let name = path.strip_prefix("./").unwrap_or(path);
    let plain = !name.is_empty()
        && name.ends_with(extension)
        && !name.split('/').any(|part| part.is_empty() || part == "..")
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    if plain {
        Ok(format!("./{name}"))
    } else {
        Err(format!(
            "`{path}` is not a plain {extension} file of the build folder"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// trunk 0.21's loader, as the first post-build step writes it to `init-HASH.js`.
    const LOADER: &str = "import init, * as bindings from './mfa-manager-1282634823a17a20.js';\n\
        const wasm = await init({ module_or_path: './mfa-manager-1282634823a17a20_bg.wasm' });\n\n\n\
        window.wasmBindings = bindings;\n\n\n\
        dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));";

    fn start() -> Start {
        Start {
            module: "./mfa-manager-1282634823a17a20.js".into(),
            wasm: "./mfa-manager-1282634823a17a20_bg.wasm".into(),
        }
    }

    #[test]
    fn reads_the_module_and_wasm_trunks_loader_starts() {
        assert_eq!(Start::read(LOADER), Ok(start()));
        let double_quoted = LOADER.replace('\'', "\"");
        assert_eq!(Start::read(&double_quoted), Ok(start()));
    }

    #[test]
    fn a_loader_of_another_shape_fails_the_build() {
        let no_init = LOADER.replace("init({ module_or_path:", "init(");
        assert!(Start::read(&no_init)
            .unwrap_err()
            .contains("module_or_path"));
        let elsewhere = LOADER.replace("'./mfa-manager-1282634823a17a20.js'", "'../x.js'");
        assert!(Start::read(&elsewhere).unwrap_err().contains("../x.js"));
        let quote = LOADER.replace("_bg.wasm'", "_bg\".wasm'");
        assert!(Start::read(&quote).is_err());
    }

    #[test]
    fn the_entry_resolves_every_file_against_its_own_url() {
        let entry = entry_module(&start(), "./main-c36072f92ce3d017.css").unwrap();
        // Literal names beside `import.meta.url`: the form bundlers find and copy.
        assert!(
            entry.contains(
                "fetch(new URL(\"./mfa-manager-1282634823a17a20_bg.wasm\", import.meta.url))"
            ),
            "{entry}"
        );
        assert!(entry.contains("new URL(\"./main-c36072f92ce3d017.css\", import.meta.url)"));
        // A dynamic import is resolved against the importing module, like the URLs above.
        assert!(entry.contains("import(\"./mfa-manager-1282634823a17a20.js\")"));
        assert!(entry.contains("glue.default({ module_or_path: wasm })"));
        assert!(!entry.contains("/*mfa-"), "every marker is filled");
    }

    #[test]
    fn the_entry_carries_the_element_and_the_first_screen_and_exports_only_mount() {
        let entry = entry_module(&start(), "./main-c36072f92ce3d017.css").unwrap();
        assert!(entry.contains("\nfunction defineMfaManagerElement("));
        assert!(entry.contains("function drawFirstScreen("));
        assert!(entry.contains("\"Taking you to sign in…\""));
        let exports: Vec<&str> = entry
            .lines()
            .filter(|line| line.starts_with("export "))
            .collect();
        assert_eq!(
            exports,
            ["export function mount(element, config, onDone) {"]
        );
    }

    #[test]
    fn a_build_without_stylesheet_is_refused() {
        let dir = std::env::temp_dir().join(format!("mfa-entry-css-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let found = stylesheet(&dir);
        let _ = fs::remove_dir_all(&dir);
        assert!(found.unwrap_err().contains("no stylesheet"));
    }

    #[test]
    fn the_post_build_step_writes_the_entry_and_the_declarations() {
        let dir = std::env::temp_dir().join(format!("mfa-entry-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("init-de63dc060a4afa64.js"), LOADER).unwrap();
        fs::write(dir.join("main-c36072f92ce3d017.css"), "main{}").unwrap();
        let written = write(&dir, false);
        let entry = fs::read_to_string(dir.join(ENTRY_FILE));
        let declarations = fs::read_to_string(dir.join(DECLARATIONS_FILE));
        let style = fs::read_to_string(dir.join(STYLE_FILE));
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(written, Ok(()));
        assert_eq!(
            entry.unwrap(),
            entry_module(&start(), "./main-c36072f92ce3d017.css").unwrap()
        );
        assert!(declarations.unwrap().contains("export function mount("));
        assert_eq!(style.unwrap(), "main{}");
    }
}
