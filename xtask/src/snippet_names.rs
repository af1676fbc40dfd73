//! Part of trunk's post-build hook for the release page: gives wasm-bindgen's snippet files
//! (`snippets/CRATE-HASH/inline0.js`, whose folder name does not change with their content)
//! names that carry the hash of their content, like every other file of the build, and points
//! the page's module and `index.html` at them. A deployment then keeps them forever, and on
//! the way back from signing in the browser has them without asking again.

use crate::content_hash::hashed_name;
use crate::precompress::files;
use std::fs;
use std::path::{Path, PathBuf};

/// Renames the snippets under `dir/snippets/` and rewrites their references in the
/// JavaScript files at the top of `dir` and in `index.html`.
pub fn run(dir: &Path) -> Result<(), String> {
    let renames = rename_snippets(dir)?;
    if renames.is_empty() {
        return Ok(());
    }
    let referring: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "js" || x == "html"))
        .collect();
    let mut texts = Vec::new();
    for path in referring {
        let text = fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        texts.push((path, text));
    }
    for (old, new) in &renames {
        let mut found = false;
        for (_, text) in &mut texts {
            if text.contains(old.as_str()) {
                *text = text.replace(old.as_str(), new);
                found = true;
            }
        }
        if !found {
            return Err(format!("nothing in the page refers to {old}"));
        }
    }
    for (path, text) in texts {
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Renames every `.js` file below `dir/snippets/`, returning `(old, new)` paths relative to
/// `dir`.
fn rename_snippets(dir: &Path) -> Result<Vec<(String, String)>, String> {
    let folder = dir.join("snippets");
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let relative = |p: &Path| {
        p.strip_prefix(dir)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default()
    };
    let mut renames = Vec::new();
    for path in files(&folder)? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            continue;
        };
        if !name.ends_with(".js") {
            continue;
        }
        let target = path.with_file_name(hashed_name(&path, &name)?);
        fs::rename(&path, &target).map_err(|e| format!("cannot rename {name}: {e}"))?;
        renames.push((relative(&path), relative(&target)));
    }
    Ok(renames)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_renamed_and_the_page_follows() {
        let dir = std::env::temp_dir().join("mfa-snippet-names-test");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("snippets/crate-1")).unwrap();
        fs::write(
            dir.join("snippets/crate-1/inline0.js"),
            "export const a = 1;",
        )
        .unwrap();
        fs::write(
            dir.join("page-1.js"),
            "import { a } from './snippets/crate-1/inline0.js';",
        )
        .unwrap();
        fs::write(
            dir.join("index.html"),
            "<link rel=\"modulepreload\" href=\"./snippets/crate-1/inline0.js\">",
        )
        .unwrap();
        run(&dir).unwrap();
        let hashed = hashed_name(&dir.join("page-1.js"), "x.js").unwrap();
        assert!(!hashed.is_empty());
        let renamed: Vec<String> = fs::read_dir(dir.join("snippets/crate-1"))
            .unwrap()
            .flatten()
            .map(|e| e.file_name().into_string().unwrap())
            .collect();
        assert_eq!(renamed.len(), 1);
        assert!(renamed[0].starts_with("inline0-") && renamed[0].ends_with(".js"));
        let page = fs::read_to_string(dir.join("page-1.js")).unwrap();
        let index = fs::read_to_string(dir.join("index.html")).unwrap();
        let new_path = format!("./snippets/crate-1/{}", renamed[0]);
        assert!(page.contains(&new_path), "{page}");
        assert!(index.contains(&new_path), "{index}");
    }

    #[test]
    fn a_snippet_nothing_refers_to_is_an_error() {
        let dir = std::env::temp_dir().join("mfa-snippet-names-orphan");
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("snippets/c")).unwrap();
        fs::write(dir.join("snippets/c/inline0.js"), "x").unwrap();
        fs::write(dir.join("index.html"), "<html></html>").unwrap();
        assert!(run(&dir).is_err());
    }
}
