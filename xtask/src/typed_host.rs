//! The typed host check of `cargo xtask test`: `e2e/typescript/` holds a small TypeScript host
//! that uses every declaration of `types/mfa-manager.d.ts`, which `tsc --strict` must accept,
//! and a fixture with a deliberately wrong option, which it must refuse with exactly that one
//! error. `typescript` is pinned in the folder's lock file and installed by `cargo xtask setup`;
//! the check runs offline in a few seconds.

use crate::paths;
use crate::process::describe;
use std::path::PathBuf;
use std::process::Command;

/// The folder of the typed host, relative to the workspace root.
pub const FOLDER: &str = "e2e/typescript";
/// The project of the fixture that must not compile, in [`FOLDER`].
const BAD_OPTION_PROJECT: &str = "tsconfig.bad-option.json";
/// The fixture's file, as tsc names it in its errors.
const BAD_OPTION_FILE: &str = "bad-option.ts";
/// The wrong value the fixture passes as `mode`.
const BAD_OPTION_VALUE: &str = "\"sideways\"";

/// Compiles the typed host (must pass) and the wrong-option fixture (must fail with exactly
/// its one error); returns what was checked.
pub fn check() -> Result<String, String> {
    let folder = paths::root().join(FOLDER);
    let tsc = folder.join("node_modules/.bin/tsc");
    if !tsc.exists() {
        return Err(format!(
            "{} is missing: run `cargo xtask setup` (it runs npm ci in {FOLDER})",
            tsc.display()
        ));
    }
    let host = compile(&tsc, folder.clone())?;
    if !host.passed {
        return Err(format!(
            "the typed host does not compile against the declarations:\n{}",
            host.text
        ));
    }
    let bad = compile(&tsc, folder.join(BAD_OPTION_PROJECT))?;
    bad_option_refused(bad.passed, &bad.text)?;
    Ok(format!(
        "typed host compiles; {BAD_OPTION_FILE} is refused for mode {BAD_OPTION_VALUE}"
    ))
}

/// What one `tsc` run said.
struct Compiled {
    passed: bool,
    text: String,
}

/// Runs `tsc --strict --noEmit -p project`.
fn compile(tsc: &PathBuf, project: PathBuf) -> Result<Compiled, String> {
    let mut cmd = Command::new(tsc);
    cmd.args(["--strict", "--noEmit", "--pretty", "false", "-p"])
        .arg(project)
        .current_dir(paths::root().join(FOLDER));
    let out = cmd
        .output()
        .map_err(|e| format!("cannot start {}: {e}", describe(&cmd)))?;
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    Ok(Compiled {
        passed: out.status.success(),
        text,
    })
}

/// Passes when tsc failed on the fixture with exactly one error: the wrong `mode`.
fn bad_option_refused(passed: bool, text: &str) -> Result<(), String> {
    let errors: Vec<&str> = text.lines().filter(|l| l.contains("error TS")).collect();
    match errors.as_slice() {
        _ if passed => Err(format!(
            "{BAD_OPTION_FILE} compiles, but its mode {BAD_OPTION_VALUE} is not a mode: \
             the declarations accept options the widget refuses"
        )),
        [one] if one.starts_with(BAD_OPTION_FILE) && one.contains(BAD_OPTION_VALUE) => Ok(()),
        _ => Err(format!(
            "{BAD_OPTION_FILE} should fail with one error, for mode {BAD_OPTION_VALUE}; \
             tsc said:\n{text}"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFUSED: &str = "bad-option.ts(6,77): error TS2322: Type '\"sideways\"' is not \
                           assignable to type 'MfaManagerMode | undefined'.\n";

    #[test]
    fn the_fixture_must_fail_for_its_wrong_mode_alone() {
        assert_eq!(bad_option_refused(false, REFUSED), Ok(()));
        let compiled = bad_option_refused(true, "").unwrap_err();
        assert!(compiled.contains("compiles"), "{compiled}");
        let other = "bad-option.ts(3,24): error TS2307: Cannot find module '../../types/x.js'.\n";
        assert!(bad_option_refused(false, other).is_err());
        let two = format!("{REFUSED}host.ts(1,1): error TS1005: ';' expected.\n");
        assert!(bad_option_refused(false, &two).is_err());
    }
}
