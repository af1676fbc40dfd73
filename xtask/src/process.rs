//! Running commands: plain, or streamed while their output is captured for parsing.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::thread;

/// Runs a command with inherited output; fails with a message naming it.
pub fn run_checked(cmd: &mut Command) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(cmd)))
    }
}

/// Runs a command, returning its trimmed stdout if it starts and succeeds.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// Runs a command, echoing stdout and stderr live, and returns (success, all output lines).
pub fn run_streamed(cmd: &mut Command) -> Result<(bool, Vec<String>), String> {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", describe(cmd)))?;
    let out = child.stdout.take().map(|s| echo(s, false));
    let err = child.stderr.take().map(|s| echo(s, true));
    let status = child
        .wait()
        .map_err(|e| format!("waiting for {}: {e}", describe(cmd)))?;
    let mut lines = Vec::new();
    for reader in [out, err].into_iter().flatten() {
        lines.extend(reader.join().unwrap_or_default());
    }
    Ok((status.success(), lines))
}

/// Copies a stream to our stdout/stderr line by line, keeping the lines.
fn echo(stream: impl Read + Send + 'static, to_stderr: bool) -> thread::JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if to_stderr {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
            kept.push(line);
        }
        kept
    })
}

/// `program arg arg…` for messages.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}
