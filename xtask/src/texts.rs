//! Part of trunk's post-build hook for the release page: the tables of every language but
//! English as files of the build, so the page's wasm carries English only.
//!
//! The page built with [`FEATURE`] asks for its other languages through a script
//! (`src/i18n/files.rs`) that names their files at [`MARKER`]. This step reads the tables
//! from their Rust sources in `src/i18n/` (the source of truth, which the compiler holds
//! complete), writes each as `texts/STEM-HASH.json` (a JSON array of its texts in the key
//! order of `table.rs`), and writes their names, relative to the script, at the marker. A
//! build without the feature has no marker and gets no files.

use crate::content_hash::hashed_name;
use crate::paths;
use crate::precompress::files;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, Item, Lit, Token};

/// The cargo feature that leaves the other languages' tables out of the page's wasm.
pub const FEATURE: &str = "text-files";
/// The folder of `dist/` holding the language files.
pub const FOLDER: &str = "texts";
/// Where the page's script expects the object naming the files (`{"de": "../../texts/…"}`).
pub const MARKER: &str = "/*mfa-text-files*/{}/*mfa-text-files*/";
/// The tables' sources, relative to the workspace root.
const SOURCES: &str = "src/i18n";
/// The reference table: compiled into the page, never a file.
const REFERENCE: &str = "en";

/// Writes the language files of the build in `dir` when its script asks for them.
pub fn run(dir: &Path) -> Result<(), String> {
    write(&paths::root().join(SOURCES), dir).map(|_| ())
}

/// Writes the language files for the tables in `sources` into `dir/texts/` and names them in
/// the script below `dir/snippets/` that holds [`MARKER`]: the names written, by file stem,
/// or none when no script asks.
pub fn write(sources: &Path, dir: &Path) -> Result<BTreeMap<String, String>, String> {
    let Some(script) = marked_script(dir)? else {
        return Ok(BTreeMap::new());
    };
    let keys = keys(&read(&sources.join("table.rs"))?)?;
    let folder = dir.join(FOLDER);
    let _ = fs::remove_dir_all(&folder);
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    // From the script's folder up to `dir`.
    let up = "../".repeat(
        script
            .parent()
            .and_then(|p| p.strip_prefix(dir).ok())
            .map_or(0, |p| p.components().count()),
    );
    let mut names = BTreeMap::new();
    for (stem, texts) in tables(sources, &keys)? {
        let path = folder.join(format!("{stem}.json"));
        let json = serde_json::to_string(&texts).map_err(|e| e.to_string())?;
        fs::write(&path, json).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        let hashed = hashed_name(&path, &format!("{stem}.json"))?;
        fs::rename(&path, folder.join(&hashed))
            .map_err(|e| format!("cannot rename {}: {e}", path.display()))?;
        names.insert(stem, format!("{up}{FOLDER}/{hashed}"));
    }
    let source = read(&script)?;
    let object = files_object(&names)?;
    fs::write(&script, source.replacen(MARKER, &object, 1))
        .map_err(|e| format!("cannot write {}: {e}", script.display()))?;
    Ok(names)
}

/// The script's `FILES`: for each stem, a function returning its file's URL, written
/// `new URL("…", import.meta.url)` with the name as a literal, the form bundlers (Vite,
/// webpack) find: a host app that bundles the npm package gets the files copied into its
/// build and the URLs rewritten to them.
fn files_object(names: &BTreeMap<String, String>) -> Result<String, String> {
    let quoted = |text: &String| serde_json::to_string(text).map_err(|e| e.to_string());
    let entries = names
        .iter()
        .map(|(stem, name)| {
            Ok(format!(
                "{}:()=>new URL({},import.meta.url)",
                quoted(stem)?,
                quoted(name)?
            ))
        })
        .collect::<Result<Vec<String>, String>>()?;
    Ok(format!("{{{}}}", entries.join(",")))
}

/// Every table, English included, as its texts by key.
pub fn every_table() -> Result<Vec<BTreeMap<String, String>>, String> {
    let sources = paths::root().join(SOURCES);
    let keys = keys(&read(&sources.join("table.rs"))?)?;
    let reference = table(&read(&sources.join(format!("{REFERENCE}.rs")))?, &keys)?
        .ok_or("the reference table is missing")?;
    let others = tables(&sources, &keys)?.into_iter().map(|(_, texts)| texts);
    Ok(std::iter::once(reference)
        .chain(others)
        .map(|texts| keys.iter().cloned().zip(texts).collect())
        .collect())
}

/// Checks that a build whose script asked for language files has them: one per table but
/// English.
pub fn verify(dir: &Path) -> Result<(), String> {
    let written = match fs::read_dir(dir.join(FOLDER)) {
        Ok(entries) => entries.flatten().count(),
        Err(_) => 0,
    };
    let keys = keys(&read(&paths::root().join(SOURCES).join("table.rs"))?)?;
    let expected = tables(&paths::root().join(SOURCES), &keys)?.len();
    if written == expected {
        Ok(())
    } else {
        Err(format!(
            "{}: {written} language files, expected {expected} (did the post-build hook in \
             Trunk.toml run, and was the page built with the {FEATURE} feature?)",
            dir.join(FOLDER).display()
        ))
    }
}

/// The script below `dir/snippets/` holding [`MARKER`], if any.
fn marked_script(dir: &Path) -> Result<Option<PathBuf>, String> {
    let snippets = dir.join("snippets");
    if !snippets.is_dir() {
        return Ok(None);
    }
    for path in files(&snippets)? {
        if path.extension().is_some_and(|x| x == "js") && read(&path)?.contains(MARKER) {
            return Ok(Some(path));
        }
    }
    Ok(None)
}

/// The keys of the `texts!( … )` declaration in `table.rs`, in order.
fn keys(table_rs: &str) -> Result<Vec<String>, String> {
    let file = syn::parse_file(table_rs).map_err(|e| format!("table.rs: {e}"))?;
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Macro(m) if m.mac.path.is_ident("texts") => Some(
                m.mac
                    .parse_body_with(Punctuated::<Ident, Token![,]>::parse_terminated)
                    .map(|keys| keys.iter().map(Ident::to_string).collect())
                    .map_err(|e| format!("table.rs: texts!: {e}")),
            ),
            _ => None,
        })
        .unwrap_or_else(|| Err("table.rs has no texts!( … ) declaration".into()))
}

/// Every table in `sources` but the reference: its file stem and its texts in `keys` order.
fn tables(sources: &Path, keys: &[String]) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut found = Vec::new();
    let mut paths: Vec<PathBuf> = fs::read_dir(sources)
        .map_err(|e| format!("cannot read {}: {e}", sources.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    paths.sort();
    for path in paths {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        if stem == REFERENCE {
            continue;
        }
        if let Some(texts) = table(&read(&path)?, keys).map_err(|e| format!("{stem}.rs: {e}"))? {
            found.push((stem, texts));
        }
    }
    Ok(found)
}

/// The texts of the `const _: Texts = Texts { … }` in `source`, in `keys` order; `None` when
/// the file declares no table. Every text must be a string literal, every key given once, and
/// nothing taken from another table (`..EN`).
fn table(source: &str, keys: &[String]) -> Result<Option<Vec<String>>, String> {
    let file = syn::parse_file(source).map_err(|e| e.to_string())?;
    let Some(body) = file.items.iter().find_map(|item| match item {
        Item::Const(c) => match &*c.expr {
            Expr::Struct(s) if s.path.is_ident("Texts") => Some(s),
            _ => None,
        },
        _ => None,
    }) else {
        return Ok(None);
    };
    if body.rest.is_some() {
        return Err("the table takes texts from another one (`..`); write every key".into());
    }
    let mut texts = BTreeMap::new();
    for field in &body.fields {
        let key = match &field.member {
            syn::Member::Named(ident) => ident.to_string(),
            syn::Member::Unnamed(_) => return Err("a field without a name".into()),
        };
        let Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &field.expr
        else {
            return Err(format!("{key} is not a string literal"));
        };
        if texts.insert(key.clone(), text.value()).is_some() {
            return Err(format!("{key} is given twice"));
        }
    }
    let ordered = keys
        .iter()
        .map(|key| texts.remove(key).ok_or(format!("{key} is missing")))
        .collect::<Result<Vec<_>, _>>()?;
    match texts.keys().next() {
        Some(extra) => Err(format!("{extra} is not a key of table.rs")),
        None => Ok(Some(ordered)),
    }
}

/// The text of the file at `path`.
fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE_RS: &str = "macro_rules! texts { () => {} }\ntexts!(heading, sign_in,);";

    /// A folder of sources (`table.rs` and the given tables) and a build with the marked
    /// script, both fresh under a folder named `name`.
    fn setup(name: &str, tables: &[(&str, &str)]) -> (PathBuf, PathBuf) {
        let root = std::env::temp_dir().join(name);
        let _ = fs::remove_dir_all(&root);
        let (sources, dir) = (root.join("i18n"), root.join("dist"));
        fs::create_dir_all(&sources).unwrap();
        fs::create_dir_all(dir.join("snippets/page-1")).unwrap();
        fs::write(sources.join("table.rs"), TABLE_RS).unwrap();
        for (stem, source) in tables {
            fs::write(sources.join(format!("{stem}.rs")), source).unwrap();
        }
        fs::write(
            dir.join("snippets/page-1/inline0.js"),
            format!("const FILES = {MARKER};"),
        )
        .unwrap();
        (sources, dir)
    }

    #[test]
    fn each_table_but_english_becomes_a_hashed_file_named_in_the_script() {
        let (sources, dir) = setup(
            "mfa-texts-files",
            &[
                ("en", "pub const EN: Texts = Texts { heading: \"Security\", sign_in: \"Sign in\" };"),
                ("de", "pub const DE: Texts = Texts { sign_in: \"Anmelden\", heading: \"Sicherheit \\u{201e}x\\u{201c}\" };"),
                ("mod", "pub mod de;"),
            ],
        );
        let names = write(&sources, &dir).unwrap();
        assert_eq!(names.keys().collect::<Vec<_>>(), ["de"]);
        let name = &names["de"];
        assert!(
            name.starts_with("../../texts/de-") && name.ends_with(".json"),
            "{name}"
        );
        let file = dir.join("snippets/page-1").join(name);
        let texts: Vec<String> = serde_json::from_str(&fs::read_to_string(file).unwrap()).unwrap();
        assert_eq!(
            texts,
            ["Sicherheit „x“", "Anmelden"],
            "in the key order of table.rs"
        );
        let script = fs::read_to_string(dir.join("snippets/page-1/inline0.js")).unwrap();
        assert_eq!(
            script,
            format!("const FILES = {{\"de\":()=>new URL(\"{name}\",import.meta.url)}};")
        );
    }

    #[test]
    fn an_incomplete_table_fails_the_build() {
        for (source, problem) in [
            (
                "const DE: Texts = Texts { heading: \"H\", ..EN };",
                "(`..`)",
            ),
            (
                "const DE: Texts = Texts { heading: \"H\" };",
                "sign_in is missing",
            ),
            (
                "const DE: Texts = Texts { heading: \"H\", sign_in: S };",
                "not a string literal",
            ),
            (
                "const DE: Texts = Texts { heading: \"H\", sign_in: \"S\", extra: \"E\" };",
                "extra is not a key",
            ),
        ] {
            let (sources, dir) = setup("mfa-texts-incomplete", &[("de", source)]);
            let error = write(&sources, &dir).unwrap_err();
            assert!(
                error.starts_with("de.rs: ") && error.contains(problem),
                "{error}"
            );
        }
    }

    #[test]
    fn a_build_that_does_not_ask_gets_no_files() {
        let (sources, dir) = setup(
            "mfa-texts-unasked",
            &[("de", "const DE: Texts = Texts { };")],
        );
        fs::write(dir.join("snippets/page-1/inline0.js"), "export {};").unwrap();
        assert!(write(&sources, &dir).unwrap().is_empty());
        assert!(!dir.join(FOLDER).exists());
    }

    #[test]
    fn the_page_tables_all_become_files() {
        let sources = paths::root().join(SOURCES);
        let keys = keys(&read(&sources.join("table.rs")).unwrap()).unwrap();
        assert!(keys.len() > 200, "{}", keys.len());
        let stems: Vec<String> = tables(&sources, &keys)
            .unwrap()
            .into_iter()
            .map(|(stem, texts)| {
                assert_eq!(texts.len(), keys.len());
                stem
            })
            .collect();
        assert_eq!(stems, ["ar", "de", "es", "fr", "ja", "pt_br"]);
    }
}
