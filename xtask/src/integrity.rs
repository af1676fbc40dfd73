//! The `integrity` (SHA-384) hashes trunk writes into `index.html` for the files it links.
//! The post-build hook rewrites some of those files (shorter glue names, minified glue), so
//! it refreshes the hashes afterwards; `cargo xtask dist` checks every hash against its file,
//! since a stale one makes the browser refuse the file and the page never starts.

use base64::Engine;
use sha2::{Digest, Sha384};
use std::fs;
use std::path::Path;

/// Sets every `integrity` hash in `dir/index.html` to the SHA-384 of the file its tag names.
pub fn refresh(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let mut out = String::with_capacity(html.len());
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        let close = rest[open..].find('>').map_or(rest.len(), |e| open + e);
        let tag = &rest[open + 1..close];
        out.push_str(&rest[..open + 1]);
        match (attribute(tag, "integrity"), linked_file(tag)) {
            (Some(value), Some(file)) => {
                let path = dir.join(file.trim_start_matches("./"));
                let bytes =
                    fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                out.push_str(&tag[..value.start]);
                out.push_str(&sha384(&bytes));
                out.push_str(&tag[value.end..]);
            }
            _ => out.push_str(tag),
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    fs::write(&index, out).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// Fails unless every `integrity` hash in `dir/index.html` is the SHA-384 of the file its
/// tag names (a mismatch makes the browser refuse the file, and the page does not start).
pub fn verify(dir: &Path) -> Result<(), String> {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let mut wrong = Vec::new();
    for tag in tags(&html) {
        let Some(claimed) = attribute(tag, "integrity").map(|r| &tag[r]) else {
            continue;
        };
        let file = linked_file(tag).unwrap_or_default();
        let path = dir.join(file.trim_start_matches("./"));
        match fs::read(&path) {
            Ok(bytes) if claimed == sha384(&bytes) => {}
            Ok(_) => wrong.push(format!("{file} (its integrity hash is stale)")),
            Err(e) => wrong.push(format!("{file} ({e})")),
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: the browser would refuse {}",
            index.display(),
            wrong.join(", ")
        ))
    }
}

/// The file a tag links (`href` or `src`).
fn linked_file(tag: &str) -> Option<&str> {
    attribute(tag, "href")
        .or_else(|| attribute(tag, "src"))
        .map(|r| &tag[r])
}

/// The tags of `html` (`<…>`, without the angle brackets).
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|t| t.split('>').next().unwrap_or(t))
}

/// Where the value of attribute `name` is in `tag`, quoted (`name="v"`) or not (`name=v`).
fn attribute(tag: &str, name: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(found) = tag[from..].find(name) {
        let at = from + found;
        let after = at + name.len();
        let starts_word = at > 0 && tag.as_bytes()[at - 1].is_ascii_whitespace();
        if starts_word && tag[after..].starts_with('=') {
            let value = after + 1;
            return Some(match tag[value..].chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let end = tag[value + 1..]
                        .find(quote)
                        .map_or(tag.len(), |e| value + 1 + e);
                    value + 1..end
                }
                _ => {
                    let end = tag[value..]
                        .find(|c: char| c.is_ascii_whitespace())
                        .map_or(tag.len(), |e| value + e);
                    value..end
                }
            });
        }
        from = after;
    }
    None
}

/// The `sha384-…` integrity value of `bytes`.
pub fn sha384(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder holding `page.js` ("glue") and an `index.html` made by `html`.
    fn site(name: &str, html: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("integrity-{name}-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("page.js"), b"glue").unwrap();
        fs::write(dir.join("index.html"), html).unwrap();
        dir
    }

    #[test]
    fn refresh_sets_each_hash_to_its_file() {
        let quoted = r#"<link rel="modulepreload" href="./page.js" integrity="sha384-old"><script src="./init.js"></script>"#;
        let dir = site("quoted", quoted);
        refresh(&dir).unwrap();
        let html = fs::read_to_string(dir.join("index.html")).unwrap();
        assert_eq!(html, quoted.replace("sha384-old", &sha384(b"glue")));
        assert_eq!(verify(&dir), Ok(()));
        // Minified HTML leaves attribute values unquoted.
        let bare = site(
            "bare",
            "<link href=./page.js integrity=sha384-old rel=modulepreload>",
        );
        refresh(&bare).unwrap();
        assert_eq!(
            fs::read_to_string(bare.join("index.html")).unwrap(),
            format!(
                "<link href=./page.js integrity={} rel=modulepreload>",
                sha384(b"glue")
            )
        );
        fs::remove_dir_all(&dir).unwrap();
        fs::remove_dir_all(&bare).unwrap();
    }

    #[test]
    fn stale_or_missing_targets_fail_the_check() {
        let dir = site("stale", "<link href=./page.js integrity=sha384-old>");
        let stale = verify(&dir).unwrap_err();
        assert!(
            stale.contains("page.js (its integrity hash is stale)"),
            "{stale}"
        );
        fs::write(
            dir.join("index.html"),
            format!(r#"<link href="./page.js" integrity="{}">"#, sha384(b"glue")),
        )
        .unwrap();
        assert_eq!(verify(&dir), Ok(()));
        fs::remove_file(dir.join("page.js")).unwrap();
        assert!(verify(&dir).unwrap_err().contains("page.js ("));
        assert!(refresh(&dir).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}
