//! Precompressed copies of every file of the build: `X.br` (brotli 11) and `X.gz` (gzip -9)
//! beside `X`, in every folder (`demo/`, `chunks/` included), so a static host can send them
//! as they are instead of compressing on each request at a lower level, or not at all.
//!
//! A copy is written only when it is smaller than the file (a tiny `config.json` can grow
//! under gzip's header); a host then finds no copy and sends the file itself, which is what
//! it would have to send anyway.

use crate::compress;
use std::fs;
use std::path::{Path, PathBuf};

/// A compressor of [`compress`].
type Compressor = fn(&[u8]) -> Result<Vec<u8>, String>;

/// The precompressed variants: file suffix and compressor.
const VARIANTS: [(&str, Compressor); 2] = [(".br", compress::brotli), (".gz", compress::gzip)];

/// What one run wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Files that got at least one compressed copy.
    pub files: usize,
    /// Copies written.
    pub copies: usize,
    /// Files left without a copy because compressing did not make them smaller.
    pub not_smaller: usize,
}

/// True for a file that is itself a precompressed copy (`X.br`, `X.gz`).
pub fn is_copy(path: &Path) -> bool {
    let name = path.to_string_lossy();
    VARIANTS.iter().any(|(suffix, _)| name.ends_with(suffix))
}

/// Writes the compressed copies of every file under `dir`; a copy that would not be smaller
/// is not written (and a stale one is removed).
pub fn run(dir: &Path) -> Result<Written, String> {
    let mut written = Written::default();
    for file in files(dir)? {
        let bytes = fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let mut copies = 0;
        for (suffix, compress) in VARIANTS {
            let mut name = file.clone().into_os_string();
            name.push(suffix);
            let copy = PathBuf::from(name);
            let packed = compress(&bytes)?;
            if packed.len() < bytes.len() {
                fs::write(&copy, packed)
                    .map_err(|e| format!("cannot write {}: {e}", copy.display()))?;
                copies += 1;
            } else if copy.exists() {
                fs::remove_file(&copy)
                    .map_err(|e| format!("cannot remove {}: {e}", copy.display()))?;
            }
        }
        written.copies += copies;
        if copies > 0 {
            written.files += 1;
        } else {
            written.not_smaller += 1;
        }
    }
    Ok(written)
}

/// Every file under `dir` that is not itself a precompressed copy, sorted by path.
pub fn files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    collect(dir, &mut found)?;
    Ok(found)
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut found: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    found.sort();
    for path in found {
        if path.is_dir() {
            collect(&path, into)?;
        } else if !is_copy(&path) {
            into.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// A fresh folder in the temporary directory, removed first if a previous run left it.
    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("chunks")).unwrap();
        dir
    }

    #[test]
    fn every_file_gets_copies_that_decompress_to_it_and_tiny_files_none() {
        let dir = scratch("precompress");
        let page = "<p>Sign in to manage your sign-in methods.</p>\n".repeat(30);
        let chunk: Vec<u8> = (0..4000u32).map(|i| (i % 7) as u8).collect();
        fs::write(dir.join("index.html"), &page).unwrap();
        fs::write(dir.join("chunks/enroll-0123abcd.wasm"), &chunk).unwrap();
        fs::write(dir.join("config.json"), "{}").unwrap();
        // A stale copy of a file that no longer compresses is removed.
        fs::write(dir.join("config.json.gz"), "stale").unwrap();

        let written = run(&dir).unwrap();
        assert_eq!(
            written,
            Written {
                files: 2,
                copies: 4,
                not_smaller: 1
            }
        );
        let mut html = String::new();
        flate2::read::GzDecoder::new(&fs::read(dir.join("index.html.gz")).unwrap()[..])
            .read_to_string(&mut html)
            .unwrap();
        assert_eq!(html, page);
        let mut wasm = Vec::new();
        let br = fs::read(dir.join("chunks/enroll-0123abcd.wasm.br")).unwrap();
        brotli::BrotliDecompress(&mut &br[..], &mut wasm).unwrap();
        assert_eq!(wasm, chunk);
        assert!(!dir.join("config.json.br").exists());
        assert!(!dir.join("config.json.gz").exists());

        // A second run compresses the originals again, never the copies.
        assert_eq!(run(&dir).unwrap(), written);
        assert!(!dir.join("index.html.gz.br").exists());
        let _ = fs::remove_dir_all(&dir);
    }
}
