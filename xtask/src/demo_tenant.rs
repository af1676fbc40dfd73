//! Builds demo mode's tenant module (`emulator/demo-tenant`) into `demo/` beside the page:
//! its own wasm, which the page imports only in demo mode, so a real deployment's visitors
//! never download the tenant model.
//!
//! A production deployment can leave demo mode out altogether (`cargo xtask dist --no-demo`):
//! without `demo/`, a link with `?demo` cannot show invented sign-in methods on the real site,
//! only that demo mode's tenant could not be loaded. trunk runs the post-build hook that
//! builds the module, so the choice reaches the hook through [`NO_DEMO_ENV`].

use crate::wasm_module::{self, Target};
use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Command;

/// The module's package.
const PACKAGE: &str = "mfa-demo-tenant";
/// Its wasm file name as cargo writes it.
const WASM: &str = "mfa_demo_tenant.wasm";
/// The module's script in [`FOLDER`], the file the page imports (see `src/api/demo_loader.rs`).
const SCRIPT: &str = "mfa_demo_tenant.js";
/// The folder beside `index.html` the page imports it from (see `src/api/demo_loader.rs`).
pub const FOLDER: &str = "demo";
/// Set (to anything but empty or `0`) in trunk's environment when the build leaves demo mode
/// out; read by the post-build hook.
pub const NO_DEMO_ENV: &str = "MFA_NO_DEMO";

/// Whether a build ships demo mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Demo {
    /// `demo/` is built beside the page: `?demo` and `"demo": true` work.
    Included,
    /// No `demo/`: demo mode cannot start on this deployment.
    LeftOut,
}

impl Demo {
    /// The choice as `cargo xtask dist` passes it on: `--no-demo` leaves demo mode out.
    pub fn from_flag(no_demo: bool) -> Demo {
        if no_demo {
            Demo::LeftOut
        } else {
            Demo::Included
        }
    }

    /// The choice as the post-build hook reads it from [`NO_DEMO_ENV`]'s `value`.
    pub fn from_env(value: Option<&OsStr>) -> Demo {
        match value {
            Some(v) if !v.is_empty() && v != "0" => Demo::LeftOut,
            _ => Demo::Included,
        }
    }

    /// Tells the post-build hook of the trunk build `cmd` runs: sets [`NO_DEMO_ENV`] to leave
    /// demo mode out, and removes it otherwise (so a variable left in the shell cannot drop
    /// demo mode from a build that wants it).
    pub fn pass_to(self, cmd: &mut Command) {
        match self {
            Demo::Included => cmd.env_remove(NO_DEMO_ENV),
            Demo::LeftOut => cmd.env(NO_DEMO_ENV, "1"),
        };
    }
}

/// Builds the module into `<dir>/demo/` (wasm-opt -Oz for `release`, as trunk does for the
/// page), or, when demo mode is left out, makes sure there is no `<dir>/demo/`.
pub fn build_into(dir: &Path, release: bool, demo: Demo) -> Result<(), String> {
    let folder = dir.join(FOLDER);
    match demo {
        Demo::Included => wasm_module::build(PACKAGE, Target::Lib, WASM, &folder, release, &[]),
        Demo::LeftOut if folder.exists() => fs::remove_dir_all(&folder)
            .map_err(|e| format!("cannot remove {}: {e}", folder.display())),
        Demo::LeftOut => Ok(()),
    }
}

/// Checks a finished build in `dir` against the choice: the module's script is there when
/// demo mode is included, and there is no `demo/` at all when it is left out.
pub fn verify(dir: &Path, demo: Demo) -> Result<(), String> {
    let folder = dir.join(FOLDER);
    match demo {
        Demo::Included if !folder.join(SCRIPT).is_file() => Err(format!(
            "{} is missing: demo mode would not start (the post-build hook in Trunk.toml builds it)",
            folder.join(SCRIPT).display()
        )),
        Demo::LeftOut if folder.exists() => Err(format!(
            "{} exists although the build leaves demo mode out",
            folder.display()
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty folder for one test.
    fn scratch(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("xtask-demo-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_hook_reads_the_choice_from_its_environment() {
        assert_eq!(Demo::from_env(None), Demo::Included);
        assert_eq!(Demo::from_env(Some(OsStr::new(""))), Demo::Included);
        assert_eq!(Demo::from_env(Some(OsStr::new("0"))), Demo::Included);
        assert_eq!(Demo::from_env(Some(OsStr::new("1"))), Demo::LeftOut);
        assert_eq!(Demo::from_env(Some(OsStr::new("yes"))), Demo::LeftOut);
    }

    #[test]
    fn the_choice_reaches_trunk_and_back() {
        for (no_demo, set) in [(true, Some(OsStr::new("1"))), (false, None)] {
            let demo = Demo::from_flag(no_demo);
            let mut cmd = Command::new("trunk");
            cmd.env(NO_DEMO_ENV, "left in the shell");
            demo.pass_to(&mut cmd);
            let value = cmd
                .get_envs()
                .find(|(key, _)| *key == NO_DEMO_ENV)
                .and_then(|(_, value)| value);
            assert_eq!(value, set, "--no-demo {no_demo}");
            assert_eq!(Demo::from_env(value), demo);
        }
    }

    #[test]
    fn leaving_demo_mode_out_builds_no_module_and_removes_a_stale_one() {
        let dir = scratch("left-out");
        fs::create_dir_all(dir.join(FOLDER)).unwrap();
        fs::write(dir.join(FOLDER).join(SCRIPT), "stale").unwrap();
        build_into(&dir, true, Demo::LeftOut).unwrap();
        assert!(!dir.join(FOLDER).exists());
        assert_eq!(verify(&dir, Demo::LeftOut), Ok(()));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_build_is_checked_against_the_choice() {
        let dir = scratch("verify");
        assert_eq!(verify(&dir, Demo::LeftOut), Ok(()));
        let missing = verify(&dir, Demo::Included).unwrap_err();
        assert!(
            missing.contains("mfa_demo_tenant.js is missing"),
            "{missing}"
        );
        fs::create_dir_all(dir.join(FOLDER)).unwrap();
        fs::write(dir.join(FOLDER).join(SCRIPT), "module").unwrap();
        assert_eq!(verify(&dir, Demo::Included), Ok(()));
        let shipped = verify(&dir, Demo::LeftOut).unwrap_err();
        assert!(shipped.contains("leaves demo mode out"), "{shipped}");
        let _ = fs::remove_dir_all(&dir);
    }
}
