//! Raw, gzip and brotli sizes of every file in a folder (compressed in-process, not by shell
//! tools, so the figures are the same everywhere).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

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

/// The size table with a total row.
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
    let sum = |get: fn(&FileSize) -> usize| files.iter().map(get).sum::<usize>();
    text += &row("total", sum(|f| f.raw), sum(|f| f.gzip), sum(|f| f.brotli));
    text
}
