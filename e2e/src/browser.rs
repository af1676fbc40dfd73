//! Headless Chromium driven through Debian's ChromeDriver, one private instance per test.

use crate::TestResult;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;
use thirtyfour::{CapabilitiesHelper, ChromiumLikeCapabilities};

/// How long a test waits for something to appear on the page.
pub const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// Flags that make Debian's Chromium run headless as root without reaching for the network.
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,900",
];

/// A browser session; dropping it ends ChromeDriver and Chromium.
pub struct Browser {
    /// The WebDriver session.
    pub driver: WebDriver,
    /// ChromeDriver's address, for the few commands thirtyfour does not wrap.
    server: String,
    http: reqwest::Client,
    _processes: Guard,
}

impl Browser {
    /// Starts ChromeDriver on a free port and opens a fresh headless Chromium.
    ///
    /// ChromeDriver now and then exits at start-up on a busy machine (it picks a port and
    /// then fails to bind the same port on the other address family), so a start that does
    /// not announce a port is retried; the last failure carries what ChromeDriver printed.
    pub async fn start() -> TestResult<Browser> {
        const ATTEMPTS: usize = 3;
        let mut failure = String::new();
        for _ in 0..ATTEMPTS {
            let (guard, stdout) = spawn_chromedriver()?;
            match tokio::task::spawn_blocking(move || announced_port(stdout)).await? {
                Ok(port) => {
                    let driver = connect(port, &guard.profile).await?;
                    return Ok(Browser {
                        driver,
                        server: format!("http://127.0.0.1:{port}"),
                        http: reqwest::Client::new(),
                        _processes: guard,
                    });
                }
                Err(e) => {
                    let printed = std::fs::read_to_string(guard.stderr_path()).unwrap_or_default();
                    failure = format!("{e}; it printed: {:?}", printed.trim());
                }
            }
        }
        Err(format!("ChromeDriver failed to start {ATTEMPTS} times: {failure}").into())
    }

    /// Navigates to `url`.
    pub async fn open(&self, url: &str) -> TestResult {
        self.driver.goto(url).await?;
        Ok(())
    }

    /// Waits until an element matching `css` contains `text`, and returns its full text.
    pub async fn wait_text(&self, css: &str, text: &str) -> TestResult<String> {
        let deadline = Instant::now() + WAIT;
        let mut seen = Vec::new();
        while Instant::now() < deadline {
            seen.clear();
            for el in self.driver.find_all(By::Css(css)).await.unwrap_or_default() {
                let t = el.text().await.unwrap_or_default();
                if t.contains(text) {
                    return Ok(t);
                }
                seen.push(t);
            }
            tokio::time::sleep(POLL).await;
        }
        Err(format!("no `{css}` containing {text:?} within {WAIT:?}; saw {seen:?}").into())
    }

    /// Waits for the element matching `css` and clicks it.
    pub async fn click(&self, css: &str) -> TestResult {
        self.find(css).await?.click().await?;
        Ok(())
    }

    /// Waits for the field matching `css`, empties it and types `text`.
    pub async fn type_into(&self, css: &str, text: &str) -> TestResult {
        let field = self.find(css).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// True when nothing on the page matches `css` right now (no waiting).
    pub async fn is_absent(&self, css: &str) -> TestResult<bool> {
        Ok(self.driver.find_all(By::Css(css)).await?.is_empty())
    }

    /// Waits for the first element matching `css`. On failure the error carries the page's
    /// visible text, so a failed journey says what the user saw instead.
    pub async fn find(&self, css: &str) -> TestResult<WebElement> {
        match self
            .driver
            .query(By::Css(css))
            .wait(WAIT, POLL)
            .first()
            .await
        {
            Ok(el) => Ok(el),
            Err(e) => {
                let seen = match self.driver.find(By::Css("body")).await {
                    Ok(body) => body.text().await.unwrap_or_default(),
                    Err(_) => String::new(),
                };
                Err(format!("`{css}` not found ({e}); the page shows: {seen:?}").into())
            }
        }
    }

    /// Sends a ChromeDriver command that thirtyfour does not wrap and returns its `value`.
    pub(crate) async fn chromedriver(
        &self,
        path: &str,
        body: serde_json::Value,
    ) -> TestResult<serde_json::Value> {
        let url = format!(
            "{}/session/{}/{path}",
            self.server,
            self.driver.session_id()
        );
        let response = self
            .http
            .post(url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await?;
        let status = response.status();
        let body: serde_json::Value = serde_json::from_slice(&response.bytes().await?)?;
        if status.is_success() {
            Ok(body["value"].clone())
        } else {
            Err(format!("ChromeDriver {path}: {status} {body}").into())
        }
    }

    /// Sends a DevTools protocol command (`Network.clearBrowserCache`, …) with `params` to
    /// the page through ChromeDriver, and returns its result.
    pub async fn cdp(
        &self,
        command: &str,
        params: serde_json::Value,
    ) -> TestResult<serde_json::Value> {
        let body = serde_json::json!({"cmd": command, "params": params});
        self.chromedriver("goog/cdp/execute", body).await
    }

    /// Runs `script` (a function body ending in `return …`) in the page and reads its result.
    pub async fn eval<T: serde::de::DeserializeOwned>(&self, script: &str) -> TestResult<T> {
        Ok(self.driver.execute(script, Vec::new()).await?.convert()?)
    }

    /// The URLs of every resource the page has fetched so far (the Performance API's list).
    pub async fn fetched_urls(&self) -> TestResult<Vec<String>> {
        self.eval("return performance.getEntriesByType('resource').map(e => e.name);")
            .await
    }

    /// Cuts the browser off the network (or reconnects it).
    pub async fn set_offline(&self, offline: bool) -> TestResult {
        let conditions = serde_json::json!({"network_conditions": {
            "offline": offline, "latency": 0,
            "download_throughput": -1, "upload_throughput": -1
        }});
        self.chromedriver("chromium/network_conditions", conditions)
            .await
            .map(|_| ())
    }

    /// Emulates the user's colour-scheme preference (`light` or `dark`) for this page.
    pub async fn prefer_color_scheme(&self, scheme: &str) -> TestResult {
        self.emulate_media(&[("prefers-color-scheme", scheme)])
            .await
    }

    /// Emulates user preferences given as CSS media features for this page, e.g.
    /// `("forced-colors", "active")` (a high-contrast theme, which Chromium then applies).
    pub async fn emulate_media(&self, features: &[(&str, &str)]) -> TestResult {
        let features: Vec<_> = features
            .iter()
            .map(|(name, value)| serde_json::json!({"name": name, "value": value}))
            .collect();
        let command = serde_json::json!({
            "cmd": "Emulation.setEmulatedMedia",
            "params": {"features": features}
        });
        self.chromedriver("goog/cdp/execute", command)
            .await
            .map(|_| ())
    }

    /// Lays the page out `width` CSS pixels wide (a phone's viewport), whatever the window.
    pub async fn set_width(&self, width: u32) -> TestResult {
        let command = serde_json::json!({
            "cmd": "Emulation.setDeviceMetricsOverride",
            "params": {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false}
        });
        self.chromedriver("goog/cdp/execute", command)
            .await
            .map(|_| ())
    }

    /// Browser console messages since the last call (ChromeDriver's log endpoint).
    pub async fn console_log(&self) -> TestResult<Vec<String>> {
        let entries = self
            .chromedriver("se/log", serde_json::json!({"type": "browser"}))
            .await?;
        Ok(entries
            .as_array()
            .map(|all| {
                all.iter()
                    .filter_map(|e| e["message"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default())
    }

    /// Ends the session cleanly; the processes stop when the guard drops.
    pub async fn quit(self) -> TestResult {
        let _ = self.driver.quit().await;
        Ok(())
    }
}

/// Starts ChromeDriver on port 0 in its own process group, with its stderr kept in the
/// fresh profile folder; returns the guard that stops it and its stdout.
fn spawn_chromedriver() -> TestResult<(Guard, Option<ChildStdout>)> {
    let chromedriver_bin =
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
    let profile = unique_profile_dir()?;
    let stderr = std::fs::File::create(profile.join(STDERR_FILE))?;
    // Port 0: ChromeDriver picks a free port itself and prints it, so parallel tests
    // never race for one.
    let mut chromedriver = Command::new(&chromedriver_bin)
        .arg("--port=0")
        .stdout(Stdio::piped())
        .stderr(stderr)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start {chromedriver_bin}: {e} (run `cargo xtask setup`)"))?;
    let stdout = chromedriver.stdout.take();
    Ok((
        Guard {
            chromedriver,
            profile,
        },
        stdout,
    ))
}

/// Where ChromeDriver's stderr goes, inside the test's profile folder.
const STDERR_FILE: &str = "chromedriver.stderr";

/// Stops ChromeDriver and its Chromium, and removes the profile, however the test ends.
struct Guard {
    chromedriver: Child,
    profile: PathBuf,
}

impl Guard {
    fn stderr_path(&self) -> PathBuf {
        self.profile.join(STDERR_FILE)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        stop_group(&mut self.chromedriver);
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// Kills ChromeDriver and the Chromium processes it started (same process group).
fn stop_group(child: &mut Child) {
    if let Ok(None) = child.try_wait() {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
        let _ = child.kill();
        let _ = child.wait();
    }
}

/// Reads ChromeDriver's "started successfully on port N." line.
fn announced_port(stdout: Option<ChildStdout>) -> TestResult<u16> {
    let stdout = stdout.ok_or("ChromeDriver has no stdout")?;
    let mut seen = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        if let Some(rest) = line.split("started successfully on port ").nth(1) {
            return Ok(rest.trim_end_matches('.').trim().parse()?);
        }
        seen.push(line);
    }
    Err(format!("ChromeDriver exited without announcing its port after {seen:?}").into())
}

async fn connect(port: u16, profile: &std::path::Path) -> TestResult<WebDriver> {
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary(&std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()))?;
    for flag in CHROMIUM_FLAGS {
        caps.add_arg(flag)?;
    }
    caps.add_arg(&format!("--user-data-dir={}", profile.display()))?;
    caps.set("goog:loggingPrefs", serde_json::json!({"browser": "ALL"}))?;
    Ok(WebDriver::new(format!("http://{addr}"), caps).await?)
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
