//! The comparison page in `bench/peer/` (React + Vite + auth0-spa-js): `npm ci` when its
//! lock file is newer than what is installed, `npm run build` when its sources are newer than
//! its `dist/`, then the same precompressed copies as mfa-manager's `dist/`.

use crate::process::run_checked;
use crate::step::Step;
use crate::{paths, precompress};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The peer's folder in the workspace.
pub const FOLDER: &str = "bench/peer";

/// What the build reads besides the installed packages.
const SOURCES: [&str; 5] = [
    "src",
    "public",
    "index.html",
    "vite.config.js",
    "package-lock.json",
];

/// Installs and builds the peer when needed; returns its `dist/`.
pub fn build() -> Result<PathBuf, String> {
    let dir = paths::root().join(FOLDER);
    let lock = dir.join("package-lock.json");
    let step = Step::start(format!("peer page ({FOLDER}): npm ci, npm run build"));
    // npm writes node_modules/.package-lock.json on every install.
    if is_stale(&dir.join("node_modules/.package-lock.json"), &[lock]) {
        npm(&dir, &["ci", "--no-audit", "--no-fund"])?;
    }
    let dist = dir.join("dist");
    let sources: Vec<PathBuf> = SOURCES.iter().map(|s| dir.join(s)).collect();
    let built = if is_stale(&dist.join("index.html"), &sources) {
        npm(&dir, &["run", "build"])?;
        "built"
    } else {
        "up to date"
    };
    precompress::run(&dist)?;
    step.finish(built);
    Ok(dist)
}

fn npm(dir: &Path, args: &[&str]) -> Result<(), String> {
    run_checked(Command::new("npm").args(args).current_dir(dir))
        .map_err(|e| format!("{e}\n    Node.js and npm are required for the peer page."))
}

/// True when `output` is missing or older than the newest file under any of `inputs`.
fn is_stale(output: &Path, inputs: &[PathBuf]) -> bool {
    let Some(made) = modified(output) else {
        return true;
    };
    inputs
        .iter()
        .filter_map(|input| newest(input))
        .any(|input| input > made)
}

fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The latest modification time of `path` or of any file under it.
fn newest(path: &Path) -> Option<SystemTime> {
    if !path.is_dir() {
        return modified(path);
    }
    fs::read_dir(path)
        .ok()?
        .flatten()
        .filter_map(|entry| newest(&entry.path()))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_build_is_stale_when_missing_or_older_than_any_source() {
        let dir = std::env::temp_dir().join(format!("xtask-peer-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("src/components")).unwrap();
        let source = dir.join("src/components/App.jsx");
        let output = dir.join("index.html");
        fs::write(&source, "export default 1").unwrap();
        let inputs = [dir.join("src"), dir.join("no-such-file")];
        assert!(is_stale(&output, &inputs), "no output yet");

        fs::write(&output, "<html>").unwrap();
        let then = modified(&source).unwrap();
        let set = |path: &Path, time: SystemTime| {
            fs::File::options()
                .write(true)
                .open(path)
                .unwrap()
                .set_modified(time)
                .unwrap()
        };
        set(&output, then + Duration::from_secs(60));
        assert!(!is_stale(&output, &inputs), "built after its sources");
        set(&source, then + Duration::from_secs(120));
        assert!(is_stale(&output, &inputs), "a nested source changed since");
        let _ = fs::remove_dir_all(&dir);
    }
}
