//! A browser session in one of the three engines (see [`crate::engine`]), one private
//! instance per test, and the page helpers the journeys use.

use crate::driver::Driver;
use crate::engine::{Engine, ThirdPartyCookies};
use crate::TestResult;
use std::time::{Duration, Instant};
use thirtyfour::prelude::*;

/// How long a test waits for something to appear on the page.
pub const WAIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(50);

/// A browser session; dropping it ends the WebDriver server and its browser.
pub struct Browser {
    /// The WebDriver session.
    pub driver: WebDriver,
    /// The engine this browser runs.
    pub engine: Engine,
    http: reqwest::Client,
    server: Driver,
}

impl Browser {
    /// Opens a fresh browser of the run's engine (`MFA_ENGINE`) with its default cookie
    /// policy.
    pub async fn start() -> TestResult<Browser> {
        Browser::start_with(ThirdPartyCookies::default()).await
    }

    /// Opens a fresh browser of the run's engine whose third-party cookie policy is
    /// `cookies`.
    pub async fn start_with(cookies: ThirdPartyCookies) -> TestResult<Browser> {
        let engine = Engine::from_env()?;
        let server = Driver::start(engine).await?;
        let caps = engine.capabilities(&server.profile, cookies)?;
        let driver = WebDriver::new(server.url.clone(), caps)
            .await
            .map_err(|e| {
                format!(
                    "{engine} did not open: {e}; its driver printed {:?}",
                    server.log()
                )
            })?;
        if engine != Engine::Chromium {
            // Chromium's size comes from its flags.
            driver.set_window_rect(0, 0, 1200, 900).await?;
        }
        Ok(Browser {
            driver,
            engine,
            http: reqwest::Client::new(),
            server,
        })
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

    /// Waits for the field matching `css`, empties it and types `text`. Typing starts once the
    /// page has drawn its next frame, as a user types only into a field on screen: a panel
    /// moves focus to its heading on that frame, and keys sent before it (WebKitGTK on a busy
    /// machine draws it late) would go partly into the field and partly nowhere.
    pub async fn type_into(&self, css: &str, text: &str) -> TestResult {
        let field = self.find(css).await?;
        self.next_frame().await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Waits until the page has drawn its next frame, so what the page does on that frame
    /// (`requestAnimationFrame` callbacks asked for before, such as moving focus) is done.
    pub async fn next_frame(&self) -> TestResult {
        self.driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 requestAnimationFrame(() => setTimeout(done, 0));",
                Vec::new(),
            )
            .await?;
        Ok(())
    }

    /// Waits until nothing on the page matches `css` (a row gone once a list is refreshed).
    pub async fn wait_absent(&self, css: &str) -> TestResult {
        let deadline = Instant::now() + WAIT;
        while !self.is_absent(css).await? {
            if Instant::now() > deadline {
                return Err(format!("`{css}` still on the page after {WAIT:?}").into());
            }
            tokio::time::sleep(POLL).await;
        }
        Ok(())
    }

    /// True when nothing on the page matches `css` right now (no waiting).
    pub async fn is_absent(&self, css: &str) -> TestResult<bool> {
        Ok(self.driver.find_all(By::Css(css)).await?.is_empty())
    }

    /// Waits until the first screens (drawn before the app is fetched, see
    /// `tests/first_screen.rs`; `main[data-mfa-first-screen]`) have made way for the app,
    /// which replaces their elements: a journey acts on the app's own screen, so it waits
    /// while the page's first-screen script has not run yet, while the page's app is not there,
    /// while an app's screen is still hidden, and while a first screen is up. Pages without
    /// first screens pass at once.
    pub async fn wait_for_the_app(&self) -> TestResult {
        let deadline = Instant::now() + WAIT;
        loop {
            let showing = self
                .eval::<bool>(
                    "const page = document.querySelector('script[src*=\"first-screen-\"]');
                     if (page && !window.mfaManagerFirstScreen) return true;
                     if (document.querySelector('main[data-mfa-first-screen], main.mfa-manager[hidden]')) return true;
                     return !!page && !document.querySelector('main.mfa-manager:not([data-mfa-first-screen])');",
                )
                .await
                // While the page navigates, the script may not run: look again.
                .unwrap_or(true);
            if !showing {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(
                    format!("the app did not take over the first screen within {WAIT:?}").into(),
                );
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits for the first element matching `css` on the app's screen (after
    /// [`Browser::wait_for_the_app`]; a widget's first screen may come up after that wait, so
    /// an element on a first screen is looked for again). On failure the error carries the
    /// page's visible text, so a failed journey says what the user saw instead.
    pub async fn find(&self, css: &str) -> TestResult<WebElement> {
        let deadline = Instant::now() + WAIT;
        loop {
            self.wait_for_the_app().await?;
            let found = self.find_now(css).await?;
            let on_first_screen = self
                .driver
                .execute(
                    "return arguments[0].closest('[data-mfa-first-screen]') !== null;",
                    vec![found.to_json()?],
                )
                .await
                .and_then(|answer| answer.convert::<bool>())
                // Gone while looked at: the app took over; look again.
                .unwrap_or(true);
            if !on_first_screen || Instant::now() > deadline {
                return Ok(found);
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits for the first element matching `css`, on whatever screen is up (the first
    /// screen's included).
    pub async fn find_now(&self, css: &str) -> TestResult<WebElement> {
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

    /// Sends a WebDriver command that thirtyfour does not wrap (an extension such as
    /// WebAuthn's, or ChromeDriver's own) and returns its `value`.
    pub(crate) async fn command(
        &self,
        path: &str,
        body: serde_json::Value,
    ) -> TestResult<serde_json::Value> {
        let url = format!(
            "{}/session/{}/{path}",
            self.server.url,
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
            Err(format!("{} WebDriver {path}: {status} {body}", self.engine).into())
        }
    }

    /// Sends a DevTools protocol command (`Network.clearBrowserCache`, …) with `params` to
    /// the page through ChromeDriver, and returns its result.
    pub async fn cdp(
        &self,
        command: &str,
        params: serde_json::Value,
    ) -> TestResult<serde_json::Value> {
        self.engine.require_chromium("the DevTools protocol")?;
        let body = serde_json::json!({"cmd": command, "params": params});
        self.command("goog/cdp/execute", body).await
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
        self.engine
            .require_chromium("cutting the network (ChromeDriver's network conditions)")?;
        self.command("chromium/network_conditions", conditions)
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
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({"features": features}),
        )
        .await
        .map(|_| ())
    }

    /// Lays the page out `width` CSS pixels wide (a phone's viewport): Chromium emulates the
    /// viewport; the other engines get a window whose inside is `width` pixels wide.
    pub async fn set_width(&self, width: u32) -> TestResult {
        if self.engine == Engine::Chromium {
            let metrics = serde_json::json!({
                "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": false
            });
            return self
                .cdp("Emulation.setDeviceMetricsOverride", metrics)
                .await
                .map(|_| ());
        }
        let frame: i64 = self
            .eval("return window.outerWidth - window.innerWidth;")
            .await?;
        let outer = i64::from(width) + frame.max(0);
        self.driver.set_window_rect(0, 0, outer as u32, 800).await?;
        let inner: i64 = self.eval("return window.innerWidth;").await?;
        if inner == i64::from(width) {
            Ok(())
        } else {
            Err(format!(
                "{} keeps the page {inner} pixels wide, not {width}",
                self.engine
            )
            .into())
        }
    }

    /// A picture of `element` as the page shows it. WebKitWebDriver's element screenshot
    /// leaves the bottom of the element black, so in WebKit the element is cut out of a
    /// screenshot of the window.
    pub async fn screenshot_of(&self, element: &WebElement) -> TestResult<image::DynamicImage> {
        if self.engine != Engine::WebKit {
            return Ok(image::load_from_memory(
                &element.screenshot_as_png().await?,
            )?);
        }
        let [x, y, width, height]: [f64; 4] = self
            .driver
            .execute(
                "const r = arguments[0].getBoundingClientRect(), s = devicePixelRatio;
                 return [r.x * s, r.y * s, r.width * s, r.height * s];",
                vec![element.to_json()?],
            )
            .await?
            .convert()?;
        let window = image::load_from_memory(&self.driver.screenshot_as_png().await?)?;
        Ok(window.crop_imm(
            x.max(0.0) as u32,
            y.max(0.0) as u32,
            width.ceil() as u32,
            height.ceil() as u32,
        ))
    }

    /// Browser console messages since the last call (ChromeDriver's log endpoint; the other
    /// engines' drivers have none, see [`Engine::reads_console`]).
    pub async fn console_log(&self) -> TestResult<Vec<String>> {
        self.engine
            .require_chromium("reading the browser console")?;
        let entries = self
            .command("se/log", serde_json::json!({"type": "browser"}))
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

    /// Ends the session cleanly; the processes stop when the server drops.
    pub async fn quit(self) -> TestResult {
        let _ = self.driver.quit().await;
        Ok(())
    }
}
