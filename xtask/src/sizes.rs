//! Raw, gzip and brotli sizes of every file in a folder (compressed in-process, not by shell
//! tools, so the figures are the same everywhere).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Hard budget for the page's transfer size (brotli), from the design.
pub const BUDGET_BROTLI: usize = 150 * 1024;
/// Target for the page's transfer size (brotli), from the design.
pub const TARGET_BROTLI: usize = 100 * 1024;
/// What the page may weigh today (brotli): its size when this was last set plus about 1%.
/// `cargo xtask test` fails above it, so an unnoticed addition (a float parser, a second JSON
/// reader, a crate's Unicode tables) cannot creep in. Lower it whenever the page shrinks;
/// raise it only for a change worth its bytes, and say so in the commit. It reaches the
/// budget when the page does.
pub const CEILING_BROTLI: usize = 231 * 1024;

/// Sizes of one file.
pub struct FileSize {
    /// Path relative to the measured folder.
    pub name: String,
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes after gzip -9.
    pub gzip: usize,
    /// Bytes after brotli quality 11.
    pub brotli: usize,
}

/// Measures every file under `dir`, sorted by name.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files
        .iter()
        .map(|path| {
            let bytes =
                fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok(FileSize {
                name: path.strip_prefix(dir).unwrap_or(path).display().to_string(),
                raw: bytes.len(),
                gzip: gzip(&bytes),
                brotli: brotli(&bytes),
            })
        })
        .collect()
}

fn collect(dir: &Path, into: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, into)?;
        } else {
            into.push(path);
        }
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

fn brotli(bytes: &[u8]) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    match brotli::BrotliCompress(&mut &bytes[..], &mut out, &params) {
        Ok(_) => out.len(),
        Err(_) => 0,
    }
}

/// Raw, gzip and brotli bytes of a group of files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes after gzip -9.
    pub gzip: usize,
    /// Bytes after brotli quality 11.
    pub brotli: usize,
}

/// True for the files only demo mode downloads (its tenant module in `demo/`).
pub fn demo_only(file: &FileSize) -> bool {
    std::path::Path::new(&file.name).starts_with(crate::demo_tenant::FOLDER)
}

/// Sums the files that `keep` selects.
pub fn totals(files: &[FileSize], keep: impl Fn(&FileSize) -> bool) -> Totals {
    files
        .iter()
        .filter(|f| keep(f))
        .fold(Totals::default(), |t, f| Totals {
            raw: t.raw + f.raw,
            gzip: t.gzip + f.gzip,
            brotli: t.brotli + f.brotli,
        })
}

/// The page's own files: what every visitor downloads (everything but `demo/`).
pub fn page_totals(files: &[FileSize]) -> Totals {
    totals(files, |f| !demo_only(f))
}

/// Checks the page's brotli size against [`CEILING_BROTLI`]: the verdict line either way.
pub fn check_ceiling(page: &Totals) -> Result<String, String> {
    let line = format!(
        "page bundle: {} B brotli; ceiling {CEILING_BROTLI} B, budget {BUDGET_BROTLI} B",
        page.brotli
    );
    if page.brotli <= CEILING_BROTLI {
        Ok(line)
    } else {
        Err(format!(
            "{line}: the page grew by {} B past its ceiling. Find what was added \
             (`cargo xtask bench`, twiggy) and cut it, or raise the ceiling in \
             xtask/src/sizes.rs if the feature is worth it",
            page.brotli - CEILING_BROTLI
        ))
    }
}

/// The size table with totals for the page, for demo mode's extra module and for all files.
pub fn render(files: &[FileSize]) -> String {
    let width = files.iter().map(|f| f.name.len()).max().unwrap_or(4).max(5);
    let mut text = format!(
        "{:<width$}  {:>10}  {:>10}  {:>10}\n",
        "file", "raw", "gzip", "brotli"
    );
    let row = |name: &str, raw: usize, gz: usize, br: usize| {
        format!("{name:<width$}  {raw:>10}  {gz:>10}  {br:>10}\n")
    };
    for f in files {
        text += &row(&f.name, f.raw, f.gzip, f.brotli);
    }
    let groups = [
        ("page total (every visitor)", page_totals(files)),
        ("demo/ (demo mode only)", totals(files, demo_only)),
        ("all files", totals(files, |_| true)),
    ];
    for (name, t) in groups {
        text += &row(name, t.raw, t.gzip, t.brotli);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, brotli: usize) -> FileSize {
        FileSize {
            name: name.into(),
            raw: brotli * 3,
            gzip: brotli * 2,
            brotli,
        }
    }

    #[test]
    fn a_page_over_its_ceiling_fails_and_says_by_how_much() {
        let at = |brotli| Totals {
            brotli,
            ..Totals::default()
        };
        assert!(check_ceiling(&at(CEILING_BROTLI)).is_ok());
        let over = check_ceiling(&at(CEILING_BROTLI + 15)).unwrap_err();
        assert!(over.contains("grew by 15 B"), "{over}");
    }

    #[test]
    fn demo_module_is_counted_apart_from_the_page() {
        let files = [
            file("index.html", 1),
            file("app_bg.wasm", 100),
            file("demo/mfa_demo_tenant_bg.wasm", 50),
        ];
        assert_eq!(page_totals(&files).brotli, 101);
        assert_eq!(totals(&files, demo_only).brotli, 50);
        let table = render(&files);
        assert!(table.contains("page total (every visitor)"), "{table}");
        assert!(table.contains("demo/ (demo mode only)"), "{table}");
    }
}
