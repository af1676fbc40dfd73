//! `cargo xtask test`: every check the project has, as stages with a summary table and a
//! final `N passed, N failed` line.

use crate::engines::{skip_args, Engine};
use crate::paths;
use crate::process::{describe, run_streamed};
use crate::step::{seconds, Step};
use crate::{dist, hosts, imports, package, setup, sizes, typed_host};
use std::fs;
use std::process::Command;
use std::time::Duration;

/// Options of `cargo xtask test`.
#[derive(clap::Args)]
pub struct Args {
    /// Skip the end-to-end stage (and the dist build it needs).
    #[arg(long)]
    pub no_e2e: bool,
    /// Run the end-to-end journeys in this engine only (default: all three).
    #[arg(long, value_enum)]
    pub engine: Option<Engine>,
}

/// Outcome of one stage.
struct Stage {
    name: &'static str,
    ok: bool,
    passed: usize,
    failed: usize,
    /// Tests the runner filtered out (journeys an engine leaves out).
    skipped: usize,
    counted: bool,
    time: Duration,
}

/// Entry point for the `test` subcommand.
pub fn run(args: Args) -> Result<(), String> {
    let mut stages = Vec::new();
    let setup_step = Step::start("stage setup");
    let setup_ok = setup::run_setup()
        .map_err(|e| eprintln!("setup failed: {e}"))
        .is_ok();
    stages.push(Stage::plain(
        "setup",
        setup_ok,
        setup_step.finish(ok_text(setup_ok)),
    ));
    if setup_ok {
        run_stages(&args, &mut stages);
    }
    print!("{}", summary(&stages));
    if stages.iter().all(|s| s.ok) {
        Ok(())
    } else {
        // The table already says what failed; the summary line stays the last line printed.
        Err(String::new())
    }
}

fn run_stages(args: &Args, stages: &mut Vec<Stage>) {
    let wasm = "wasm32-unknown-unknown";
    stages.push(stage("fmt", cargo(&["fmt", "--all", "--", "--check"])));
    let imports_step = Step::start("stage imports");
    let clean = imports::run().map_err(|e| eprintln!("{e}")).is_ok();
    stages.push(Stage::plain(
        "imports",
        clean,
        imports_step.finish(ok_text(clean)),
    ));
    stages.push(stage(
        "clippy native",
        cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
    ));
    stages.push(stage(
        "clippy wasm32",
        cargo(&[
            "clippy",
            "--target",
            wasm,
            "-p",
            "mfa-manager",
            "-p",
            "mfa-bundle-floor",
            "--all-targets",
            // The release page's loading of its language files (`src/i18n/files.rs`).
            "--features",
            "mfa-manager/text-files",
            "--",
            "-D",
            "warnings",
        ]),
    ));
    stages.push(stage(
        "clippy wasm32 demo tenant",
        cargo(&[
            "clippy",
            "--target",
            wasm,
            "-p",
            "mfa-emulator",
            "-p",
            "mfa-demo-tenant",
            "--no-default-features",
            "--lib",
            "--",
            "-D",
            "warnings",
        ]),
    ));
    let typed_step = Step::start("stage typed host (tsc --strict)");
    let typed = typed_host::check()
        .map(|checked| println!("{checked}"))
        .map_err(|e| eprintln!("{e}"))
        .is_ok();
    stages.push(Stage::plain(
        "typed host (tsc)",
        typed,
        typed_step.finish(ok_text(typed)),
    ));
    stages.push(stage(
        "native tests",
        cargo(&["test", "--workspace", "--exclude", "e2e"]),
    ));
    stages.push(stage(
        "wasm tests (headless Chromium)",
        browser_env(cargo(&[
            "test",
            "--target",
            wasm,
            "-p",
            "mfa-manager",
            "--test",
            "*",
        ])),
    ));
    if args.no_e2e {
        return;
    }
    let build_step = Step::start("stage dist build");
    let built = dist::build(true).map_err(|e| eprintln!("{e}")).is_ok();
    stages.push(Stage::plain(
        "dist build",
        built,
        build_step.finish(ok_text(built)),
    ));
    if built {
        let size_step = Step::start("stage bundle size");
        let checked = sizes::measure(&paths::root().join("dist"))
            .and_then(|files| sizes::check_ceilings(&files));
        let fits = match checked {
            Ok(line) => {
                println!("{line}");
                true
            }
            Err(e) => {
                eprintln!("{e}");
                false
            }
        };
        stages.push(Stage::plain(
            "bundle size (ceilings)",
            fits,
            size_step.finish(ok_text(fits)),
        ));
        // The journeys of e2e/tests/hosts.rs serve the host apps built here.
        let package_step = Step::start("stage npm package and host apps");
        let packaged = package::build_from_dist()
            .map(|summary| println!("{summary}"))
            .and_then(|()| hosts::build())
            .map_err(|e| eprintln!("{e}"))
            .is_ok();
        stages.push(Stage::plain(
            "package + host apps (Vite)",
            packaged,
            package_step.finish(ok_text(packaged)),
        ));
        let engines = args.engine.map_or(Engine::ALL.to_vec(), |e| vec![e]);
        for engine in engines {
            stages.push(e2e_stage(engine));
        }
    }
}

/// The journeys in `engine`, against the built `dist/` and the emulator, leaving out (and
/// naming, with why) those the engine cannot run.
fn e2e_stage(engine: Engine) -> Stage {
    for (journey, why) in engine.left_out() {
        println!("    not in {engine}: {journey}* — {why}");
    }
    let mut e2e = cargo(&[
        "test",
        "--no-fail-fast",
        "-p",
        "e2e",
        "--",
        engine.test_threads(),
    ]);
    e2e.args(skip_args(engine))
        .env("MFA_ENGINE", engine.variable())
        .env("MFA_DIST", paths::root().join("dist"))
        .env("AXE_SCRIPT", paths::axe_script());
    stage(engine.stage(), browser_env(e2e))
}

pub fn cargo(args: &[&str]) -> Command {
    let mut cmd = Command::new("cargo");
    cmd.current_dir(paths::root())
        .env("PATH", paths::tool_path())
        .args(args);
    cmd
}

/// Points test runners at the browsers' drivers and keeps browser state inside target/.
pub fn browser_env(mut cmd: Command) -> Command {
    let scratch = paths::browser_scratch();
    for sub in ["tmp", "config", "cache"] {
        let _ = fs::create_dir_all(scratch.join(sub));
    }
    cmd.env("CHROMEDRIVER", paths::CHROMEDRIVER)
        .env("CHROMIUM", paths::CHROMIUM)
        .env("GECKODRIVER", paths::geckodriver())
        .env("TMPDIR", scratch.join("tmp"))
        .env("XDG_CONFIG_HOME", scratch.join("config"))
        .env("XDG_CACHE_HOME", scratch.join("cache"));
    cmd
}

/// Runs one stage, streaming its output and counting test results.
fn stage(name: &'static str, mut cmd: Command) -> Stage {
    let step = Step::start(format!("stage {name}: {}", describe(&cmd)));
    let (ok, lines) = run_streamed(&mut cmd).unwrap_or_else(|e| {
        eprintln!("{e}");
        (false, Vec::new())
    });
    let Counts {
        passed,
        failed,
        skipped,
        counted,
    } = count_results(&lines);
    let time = step.finish(ok_text(ok));
    Stage {
        name,
        ok,
        passed,
        failed,
        skipped,
        counted,
        time,
    }
}

/// A stage's test counts.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    passed: usize,
    failed: usize,
    skipped: usize,
    /// Whether any `test result:` line was seen.
    counted: bool,
}

/// Sums `test result: … N passed; M failed; … K filtered out` lines (cargo test and
/// wasm-bindgen-test-runner).
fn count_results(lines: &[String]) -> Counts {
    let mut counts = Counts::default();
    for line in lines {
        let Some(rest) = line.trim().strip_prefix("test result: ") else {
            continue;
        };
        counts.counted = true;
        for part in rest.split([';', '.']) {
            let mut words = part.split_whitespace();
            if let (Some(n), Some(kind)) = (words.next(), words.next()) {
                match (n.parse::<usize>(), kind) {
                    (Ok(n), "passed") => counts.passed += n,
                    (Ok(n), "failed") => counts.failed += n,
                    (Ok(n), "filtered") => counts.skipped += n,
                    _ => {}
                }
            }
        }
    }
    counts
}

impl Stage {
    fn plain(name: &'static str, ok: bool, time: Duration) -> Stage {
        Stage {
            name,
            ok,
            passed: 0,
            failed: 0,
            skipped: 0,
            counted: false,
            time,
        }
    }
}

fn ok_text(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "FAILED"
    }
}

/// The per-stage table and the closing `N passed, N failed` line, followed by the journeys'
/// counts per engine when they ran. A failed stage that reported no test counts (a build or
/// lint failure) counts as one failure.
fn summary(stages: &[Stage]) -> String {
    let mut text = format!(
        "\n{:<32} {:<7} {:>7} {:>7} {:>7} {:>9}\n",
        "stage", "result", "passed", "failed", "skipped", "time"
    );
    let (mut passed, mut failed) = (0, 0);
    let mut engines = Vec::new();
    for s in stages {
        let counts = if s.counted {
            [s.passed, s.failed, s.skipped].map(|n| n.to_string())
        } else {
            ["-", "-", "-"].map(String::from)
        };
        text += &format!(
            "{:<32} {:<7} {:>7} {:>7} {:>7} {:>9}\n",
            s.name,
            ok_text(s.ok),
            counts[0],
            counts[1],
            counts[2],
            seconds(s.time)
        );
        let stage_failed = s.failed + usize::from(!s.ok && s.failed == 0);
        passed += s.passed;
        failed += stage_failed;
        if let Some(engine) = Engine::ALL.into_iter().find(|e| e.stage() == s.name) {
            engines.push(format!(
                "{engine} {} passed, {stage_failed} failed",
                s.passed
            ));
        }
    }
    let by_engine = if engines.is_empty() {
        String::new()
    } else {
        format!(" (journeys: {})", engines.join("; "))
    };
    text + &format!("\n{passed} passed, {failed} failed{by_engine}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<String> {
        text.lines().map(str::to_owned).collect()
    }

    #[test]
    fn counts_cargo_and_wasm_runner_results() {
        let out = lines(
            "running 8 tests\n\
             test result: ok. 8 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
             test result: FAILED. 3 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out\n",
        );
        let expected = Counts {
            passed: 11,
            failed: 2,
            skipped: 0,
            counted: true,
        };
        assert_eq!(count_results(&out), expected);
        assert_eq!(
            count_results(&lines("Compiling x\nerror: nope")),
            Counts::default()
        );
    }

    #[test]
    fn failed_stage_without_counts_is_one_failure() {
        let stages = [
            Stage::plain("fmt", false, Duration::ZERO),
            Stage {
                name: "native tests",
                ok: true,
                passed: 5,
                failed: 0,
                skipped: 0,
                counted: true,
                time: Duration::ZERO,
            },
        ];
        assert!(summary(&stages).ends_with("\n5 passed, 1 failed\n"));
    }

    #[test]
    fn journeys_are_counted_per_engine() {
        let e2e = |engine: Engine, passed, failed, skipped| Stage {
            name: engine.stage(),
            ok: failed == 0,
            passed,
            failed,
            skipped,
            counted: true,
            time: Duration::ZERO,
        };
        let stages = [
            e2e(Engine::Chromium, 60, 0, 0),
            e2e(Engine::Firefox, 55, 1, 5),
            e2e(Engine::Webkit, 56, 0, 5),
        ];
        let text = summary(&stages);
        assert!(text.contains("e2e Firefox"), "{text}");
        assert!(text.ends_with(
            "\n171 passed, 1 failed (journeys: Chromium 60 passed, 0 failed; \
             Firefox 55 passed, 1 failed; WebKit 56 passed, 0 failed)\n"
        ));
    }
}
