//! The host apps of `examples/` built on a framework with a bundler: React 19 and Vue 3, in
//! TypeScript, built with Vite. Each installs the npm package from `pkg/` (`"mfa-manager":
//! "file:../../pkg"`, a link that `cargo xtask setup`'s `npm ci` makes before the package
//! exists), so building them checks the package as a host app uses it: its types with the
//! app's own type check (`tsc`, `vue-tsc`), its files with Vite's build. The e2e journeys of
//! `e2e/tests/hosts.rs` then serve each app's `dist/`.

use crate::paths;
use crate::process::run_checked;
use crate::step::Step;
use std::process::Command;

/// The host apps' folders, relative to the workspace root; their packages are pinned in their
/// lock files and installed by `cargo xtask setup`.
pub const FOLDERS: [&str; 2] = ["examples/react", "examples/vue"];

/// Type-checks and builds every host app against the package in `pkg/` (`npm run build`).
pub fn build() -> Result<(), String> {
    for folder in FOLDERS {
        let step = Step::start(format!("host app {folder}: npm run build"));
        let dir = paths::root().join(folder);
        // npm writes this file last when it installs a folder's packages.
        if !dir.join("node_modules/.package-lock.json").is_file() {
            return Err(format!(
                "{folder}/node_modules is missing: run `cargo xtask setup` (it runs npm ci there)"
            ));
        }
        run_checked(
            Command::new("npm")
                .args(["run", "--silent", "build"])
                .current_dir(&dir),
        )?;
        step.finish("built");
    }
    Ok(())
}
