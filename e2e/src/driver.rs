//! The WebDriver server of one browser session — ChromeDriver, geckodriver or WebKitWebDriver
//! (with the virtual display WebKitGTK needs) — started on a free port in its own process
//! group, and stopped with its browser however the test ends.

use crate::engine::{program, Engine};
use crate::TestResult;
use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A running WebDriver server; dropping it stops the server, its browser and its display, and
/// removes the session's folder.
pub(crate) struct Driver {
    /// `http://127.0.0.1:PORT`
    pub(crate) url: String,
    /// The browser's own folder (profile, the server's log).
    pub(crate) profile: PathBuf,
    processes: Vec<Child>,
}

/// Where the server's log goes, inside the session's folder.
const LOG_FILE: &str = "driver.log";
/// How long a server may take to accept sessions.
const READY: Duration = Duration::from_secs(20);

impl Driver {
    /// Starts `engine`'s WebDriver server. A start that fails (ChromeDriver now and then exits
    /// at start-up on a busy machine, failing to bind the port it picked on the other address
    /// family) is retried; the last failure carries what the server printed.
    pub(crate) async fn start(engine: Engine) -> TestResult<Driver> {
        const ATTEMPTS: usize = 3;
        let mut failure = String::new();
        for _ in 0..ATTEMPTS {
            let profile = unique_profile_dir()?;
            let started =
                tokio::task::spawn_blocking(move || Driver::spawn(engine, profile)).await?;
            let ready = match started {
                Ok(mut driver) => driver.wait_ready().await.map(|()| driver),
                Err(e) => Err(e),
            };
            match ready {
                Ok(driver) => return Ok(driver),
                Err(e) => failure = e.to_string(),
            }
        }
        Err(
            format!("{engine}'s WebDriver server failed to start {ATTEMPTS} times: {failure}")
                .into(),
        )
    }

    fn spawn(engine: Engine, profile: PathBuf) -> TestResult<Driver> {
        let mut driver = Driver {
            url: String::new(),
            profile,
            processes: Vec::new(),
        };
        let log = std::fs::File::create(driver.log_path())?;
        let port = match engine {
            Engine::Chromium => {
                let program = program("CHROMEDRIVER", "/usr/bin/chromedriver");
                // Port 0: ChromeDriver picks a free port itself and prints it.
                let mut command = Command::new(&program);
                command.arg("--port=0");
                let stdout = driver.spawn_piped(command, &program, log)?;
                driver.announced(stdout, "started successfully on port ")
            }
            Engine::Firefox => {
                let program = program("GECKODRIVER", &cargo_bin("geckodriver"));
                let mut command = Command::new(&program);
                command.args(["--port", "0", "--websocket-port", "0"]);
                command.env("TMPDIR", &driver.profile);
                let stdout = driver.spawn_piped(command, &program, log)?;
                driver.announced(stdout, "Listening on 127.0.0.1:")
            }
            Engine::WebKit => {
                let display = driver.virtual_display()?;
                let port = free_port()?;
                let program = program("WEBKITWEBDRIVER", "/usr/bin/WebKitWebDriver");
                let mut command = Command::new(&program);
                command
                    .arg(format!("--port={port}"))
                    .env("DISPLAY", display);
                driver.spawn_piped(command, &program, log)?;
                Ok(port)
            }
        }
        .map_err(|e| format!("{e}; it printed: {:?}", driver.log().trim()))?;
        driver.url = format!("http://127.0.0.1:{port}");
        Ok(driver)
    }

    /// Starts `command` in its own process group, its stderr into `log`, and returns its
    /// stdout.
    fn spawn_piped(
        &mut self,
        mut command: Command,
        program: &str,
        log: std::fs::File,
    ) -> TestResult<std::process::ChildStdout> {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(log)
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {program}: {e} (run `cargo xtask setup`)"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        self.processes.push(child);
        Ok(stdout)
    }

    /// Reads the server's stdout up to the line announcing its port after `prefix`; the rest
    /// of its output goes on into the log, so the server never blocks on a full pipe.
    fn announced(&self, stdout: std::process::ChildStdout, prefix: &str) -> TestResult<u16> {
        let mut lines = BufReader::new(stdout);
        let mut seen = Vec::new();
        let mut line = String::new();
        while lines.read_line(&mut line)? > 0 {
            if let Some(rest) = line.split(prefix).nth(1) {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let mut log = std::fs::OpenOptions::new()
                    .append(true)
                    .open(self.log_path())?;
                std::thread::spawn(move || std::io::copy(&mut lines, &mut log));
                return Ok(digits.parse()?);
            }
            seen.push(std::mem::take(&mut line));
        }
        Err(format!("the server exited without announcing its port after {seen:?}").into())
    }

    /// Starts a virtual X display (Xvfb picks a free display number and prints it) and
    /// returns its `DISPLAY` value.
    fn virtual_display(&mut self) -> TestResult<String> {
        let mut command = Command::new("Xvfb");
        command.args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            "1280x1024x24",
            "-nolisten",
            "tcp",
        ]);
        let log = std::fs::File::create(self.profile.join("xvfb.log"))?;
        let mut stdout = self.spawn_piped(command, "Xvfb", log)?;
        let mut number = String::new();
        let mut byte = [0u8; 1];
        while stdout.read(&mut byte)? == 1 && byte[0] != b'\n' {
            number.push(byte[0] as char);
        }
        if number.trim().is_empty() {
            return Err("Xvfb did not print its display number".into());
        }
        Ok(format!(":{}", number.trim()))
    }

    /// Waits until the server answers `/status` with `ready: true`.
    async fn wait_ready(&mut self) -> TestResult {
        let deadline = Instant::now() + READY;
        let status = format!("{}/status", self.url);
        let http = reqwest::Client::new();
        while Instant::now() < deadline {
            if let Some(exited) = self.processes.iter_mut().find_map(|p| p.try_wait().ok()?) {
                return Err(format!("the WebDriver server exited ({exited})").into());
            }
            let answer = http
                .get(&status)
                .timeout(Duration::from_secs(2))
                .send()
                .await;
            if let Ok(answer) = answer {
                let body: serde_json::Value =
                    serde_json::from_slice(&answer.bytes().await?).unwrap_or_default();
                if body["value"]["ready"] == true {
                    return Ok(());
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!(
            "the WebDriver server at {} was not ready within {READY:?}; it printed {:?}",
            self.url,
            self.log().trim()
        )
        .into())
    }

    fn log_path(&self) -> PathBuf {
        self.profile.join(LOG_FILE)
    }

    /// What the server printed so far.
    pub(crate) fn log(&self) -> String {
        std::fs::read_to_string(self.log_path()).unwrap_or_default()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // The server first: it may still talk to its browser on the display.
        for child in &mut self.processes.iter_mut().rev() {
            stop_group(child);
        }
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Kills a process and everything it started (its own process group).
fn stop_group(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// A TCP port free right now on the loopback address (for servers that cannot pick one).
fn free_port() -> TestResult<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// `name` in cargo's binary folder, where `cargo install` puts geckodriver.
fn cargo_bin(name: &str) -> String {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin").join(name).display().to_string()
}

fn unique_profile_dir() -> TestResult<PathBuf> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "mfa-e2e-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}
