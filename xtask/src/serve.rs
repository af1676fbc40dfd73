//! `cargo xtask serve`: the emulator and the app (trunk serve, live reload) side by side; with
//! `--dist`, the release build served as a static host serves it (precompressed copies, a
//! deployment's caching) instead of the live-reload dev build.

use crate::dist;
use crate::paths;
use crate::process::run_checked;
use crate::setup;
use crate::step::Step;
use std::fs;
use std::net::TcpListener;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

/// Default emulator port.
const EMULATOR_PORT: u16 = 4000;
/// Default app port.
const APP_PORT: u16 = 8080;

/// Options of `cargo xtask serve`.
#[derive(clap::Args)]
pub struct Args {
    /// Port of the emulated Auth0 tenant.
    #[arg(long, default_value_t = EMULATOR_PORT)]
    pub emulator_port: u16,
    /// Port of the app (trunk serve, or the static host with `--dist`).
    #[arg(long, default_value_t = APP_PORT)]
    pub app_port: u16,
    /// Also mount the emulator's test control under /__emulator/ (outbox codes, push
    /// answers, clock, faults, reset). Off by default; when on, it answers only the app's
    /// pages and local tools without an Origin (curl), at 127.0.0.1:PORT or localhost:PORT.
    #[arg(long)]
    pub test_control: bool,
    /// Serve a release build of dist/ (`cargo xtask dist`) as a static host would instead of
    /// trunk serve: each file's .br or .gz copy when the browser takes it, hashed names
    /// cached forever and the rest revalidated, the deployment's policy headers. No live
    /// reload; what a visitor of a deployment downloads.
    #[arg(long)]
    pub dist: bool,
}

/// Entry point for the `serve` subcommand.
pub fn run(args: Args) -> Result<(), String> {
    setup::run_setup()?;
    for (what, port) in [("emulator", args.emulator_port), ("app", args.app_port)] {
        TcpListener::bind(("127.0.0.1", port)).map_err(|e| {
            format!(
                "port {port} (for the {what}) is taken or unavailable ({e}); stop what uses it \
                 or pick another with --{what}-port"
            )
        })?;
    }
    let step = Step::start("building mfa-emulator");
    run_checked(
        Command::new("cargo")
            .current_dir(paths::root())
            .args(build_args(args.dist)),
    )?;
    step.finish("built");
    if args.dist {
        dist::build(true)?;
    }

    let app_origin = format!("http://127.0.0.1:{}", args.app_port);
    let tenant = format!("http://127.0.0.1:{}", args.emulator_port);
    let custom_ports = (args.emulator_port, args.app_port) != (EMULATOR_PORT, APP_PORT);
    let (app_name, mut app) = if args.dist {
        let mut host = Command::new(paths::root().join("target/debug/static-host"));
        host.arg(paths::root().join("dist"))
            .args(["--listen", &format!("127.0.0.1:{}", args.app_port)])
            .args(["--tenant", &tenant]);
        if custom_ports {
            host.arg("--config").arg(dev_config(&tenant)?);
        }
        ("static host", host)
    } else {
        let mut trunk = Command::new(paths::cargo_bin().join("trunk"));
        trunk
            .current_dir(paths::root())
            .env("PATH", paths::tool_path())
            .args(["serve", "--address", "127.0.0.1", "--port"])
            .arg(args.app_port.to_string());
        if custom_ports {
            trunk.env("MFA_DEV_CONFIG", dev_config(&tenant)?);
        }
        ("trunk serve", trunk)
    };

    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
        .map_err(|e| format!("cannot handle Ctrl-C: {e}"))?;

    let emulator = Command::new(paths::root().join("target/debug/mfa-emulator"))
        .args(emulator_args(&args))
        .spawn()
        .map_err(|e| format!("cannot start mfa-emulator: {e}"))?;
    let app = match app.spawn() {
        Ok(child) => child,
        Err(e) => {
            stop_all(vec![("mfa-emulator", emulator)]);
            return Err(format!("cannot start the {app_name}: {e}"));
        }
    };

    println!();
    println!("  app:       {app_origin}/   (demo mode without the emulator: {app_origin}/?demo)");
    if args.test_control {
        println!(
            "  emulator:  {tenant}/   (Auth0 tenant; test control under /__emulator/, for \
             {app_origin} and curl only)"
        );
    } else {
        println!(
            "  emulator:  {tenant}/   (Auth0 tenant; test control off: --test-control mounts \
             it under /__emulator/)"
        );
    }
    println!("  sign in:   enrolled@example.com / correct horse   (has factors; TOTP secret in emulator/README.md)");
    println!("             new@example.com / correct horse        (no factors yet)");
    println!("  Ctrl-C stops both.");
    println!();

    let mut children = vec![("mfa-emulator", emulator), (app_name, app)];
    let outcome = supervise(&mut children, &stop);
    stop_all(children);
    outcome
}

/// What `cargo build` builds first: the emulator, and for `--dist` the static host.
fn build_args(dist: bool) -> Vec<&'static str> {
    let mut line = vec!["build", "-p", "mfa-emulator", "--bin", "mfa-emulator"];
    if dist {
        line.extend(["-p", "e2e", "--bin", "static-host"]);
    }
    line
}

/// The emulator's command line: its port, the app's two origins (`127.0.0.1` and
/// `localhost`) as Allowed Web Origins, and test control only when asked for, because any
/// page the developer opens could otherwise read codes from its outbox and approve pushes.
fn emulator_args(args: &Args) -> Vec<String> {
    let mut line = vec![
        "--listen".to_owned(),
        format!("127.0.0.1:{}", args.emulator_port),
        "--allowed-origin".to_owned(),
        format!("http://127.0.0.1:{}", args.app_port),
        "--allowed-origin".to_owned(),
        format!("http://localhost:{}", args.app_port),
    ];
    if args.test_control {
        line.push("--test-control".to_owned());
    }
    line
}

/// Waits until Ctrl-C or until one child exits on its own (then reports it).
fn supervise(children: &mut [(&str, Child)], stop: &AtomicBool) -> Result<(), String> {
    while !stop.load(Ordering::SeqCst) {
        for (name, child) in children.iter_mut() {
            if let Ok(Some(status)) = child.try_wait() {
                return Err(format!("{name} stopped ({status}); stopping the rest"));
            }
        }
        thread::sleep(Duration::from_millis(200));
    }
    println!("\nstopping…");
    Ok(())
}

fn stop_all(children: Vec<(&str, Child)>) {
    for (_, mut child) in children {
        // Both children got the terminal's SIGINT too; give them a moment before killing.
        for _ in 0..25 {
            if matches!(child.try_wait(), Ok(Some(_))) {
                break;
            }
            thread::sleep(Duration::from_millis(100));
        }
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Writes a dev config for non-default ports and returns its path.
fn dev_config(tenant: &str) -> Result<std::path::PathBuf, String> {
    let path = paths::root().join("target/serve-config.json");
    let template = fs::read_to_string(paths::root().join("config.json"))
        .map_err(|e| format!("cannot read config.json: {e}"))?;
    let text = template.replace(
        &format!("http://127.0.0.1:{EMULATOR_PORT}"),
        tenant.trim_end_matches('/'),
    );
    fs::create_dir_all(paths::root().join("target")).map_err(|e| e.to_string())?;
    fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    /// `cargo xtask serve` with `words` after it.
    fn parsed(words: &[&str]) -> Args {
        #[derive(Parser)]
        struct Serve {
            #[command(flatten)]
            args: Args,
        }
        let line = std::iter::once("serve").chain(words.iter().copied());
        Serve::try_parse_from(line)
            .unwrap_or_else(|e| panic!("{words:?}: {e}"))
            .args
    }

    #[test]
    fn the_static_host_is_built_only_for_dist() {
        assert!(!parsed(&[]).dist);
        assert!(parsed(&["--dist"]).dist);
        let plain = build_args(false);
        assert!(!plain.contains(&"static-host"), "{plain:?}");
        assert_eq!(
            build_args(true),
            [
                "build",
                "-p",
                "mfa-emulator",
                "--bin",
                "mfa-emulator",
                "-p",
                "e2e",
                "--bin",
                "static-host"
            ]
        );
    }

    #[test]
    fn the_emulator_gets_test_control_only_when_asked() {
        let plain = emulator_args(&parsed(&[]));
        assert_eq!(
            plain,
            [
                "--listen",
                "127.0.0.1:4000",
                "--allowed-origin",
                "http://127.0.0.1:8080",
                "--allowed-origin",
                "http://localhost:8080",
            ]
        );
        assert!(!plain.iter().any(|word| word == "--test-control"));
        let asked = emulator_args(&parsed(&[
            "--test-control",
            "--emulator-port",
            "4100",
            "--app-port",
            "8180",
        ]));
        assert_eq!(
            asked,
            [
                "--listen",
                "127.0.0.1:4100",
                "--allowed-origin",
                "http://127.0.0.1:8180",
                "--allowed-origin",
                "http://localhost:8180",
                "--test-control",
            ]
        );
    }
}
