//! The three browser engines the journeys run in — Chromium, Firefox and WebKit — and what
//! differs between them: the WebDriver server each needs, the capabilities that open a fresh
//! browser with a given third-party cookie policy, and the features only Chromium offers.
//!
//! The engine of a test run comes from `MFA_ENGINE` (`chromium`, the default, `firefox` or
//! `webkit`); `cargo xtask test` runs the journeys once per engine.

use crate::TestResult;
use serde_json::{json, Map};
use std::fmt;
use std::path::Path;
use thirtyfour::Capabilities;

/// A browser engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Debian's Chromium through ChromeDriver.
    Chromium,
    /// Debian's Firefox ESR through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual display.
    WebKit,
}

/// The environment variable naming the engine of a test run.
pub const ENGINE_VARIABLE: &str = "MFA_ENGINE";

/// Whether the browser sends a site's cookies in frames and requests on other sites' pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThirdPartyCookies {
    /// What the engine does out of the box: Chromium allows them, Firefox keeps them in a jar
    /// per top-level site (Total Cookie Protection), WebKit blocks them.
    #[default]
    EngineDefault,
    /// Sent (Chromium's default; Firefox's "custom" setting; WebKit's `always` policy).
    Allowed,
    /// Withheld (Chromium's "block third-party cookies" setting; Firefox's strict setting;
    /// WebKit's default).
    Blocked,
}

impl Engine {
    /// Every engine, in the order `cargo xtask test` runs them.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::WebKit];

    /// The engine named by `MFA_ENGINE`, Chromium when it is unset.
    pub fn from_env() -> TestResult<Engine> {
        match std::env::var(ENGINE_VARIABLE) {
            Err(_) => Ok(Engine::Chromium),
            Ok(name) => Engine::parse(&name).ok_or_else(|| {
                format!("{ENGINE_VARIABLE}={name:?}: expected chromium, firefox or webkit").into()
            }),
        }
    }

    /// The engine called `name` (`chromium`, `firefox`, `webkit`).
    pub fn parse(name: &str) -> Option<Engine> {
        Engine::ALL.into_iter().find(|e| e.name() == name)
    }

    /// The engine's name as `MFA_ENGINE` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    /// True when the browser's console can be read (ChromeDriver's log endpoint; geckodriver
    /// and WebKitWebDriver offer it only over WebDriver BiDi, which the client does not speak).
    pub fn reads_console(self) -> bool {
        self == Engine::Chromium
    }

    /// Fails with a clear message unless this is Chromium; `feature` names what is missing
    /// elsewhere (e.g. "the DevTools protocol").
    pub fn require_chromium(self, feature: &str) -> TestResult {
        if self == Engine::Chromium {
            Ok(())
        } else {
            Err(format!(
                "{feature} is Chromium only; this journey cannot run in {self} \
                 (it is on the Chromium-only list `cargo xtask test` skips elsewhere)"
            )
            .into())
        }
    }

    /// Capabilities opening a fresh browser of this engine with `profile` as its own folder.
    pub(crate) fn capabilities(
        self,
        profile: &Path,
        cookies: ThirdPartyCookies,
    ) -> TestResult<Capabilities> {
        let mut caps = Map::new();
        match self {
            Engine::Chromium => {
                let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|f| f.to_string()).collect();
                args.push(format!("--user-data-dir={}", profile.display()));
                let block = cookies == ThirdPartyCookies::Blocked;
                caps.insert("browserName".into(), json!("chrome"));
                caps.insert(
                    "goog:chromeOptions".into(),
                    json!({
                        "binary": program("CHROMIUM", "/usr/bin/chromium"),
                        "args": args,
                        "prefs": {
                            "profile.block_third_party_cookies": block,
                            "profile.cookie_controls_mode": if block { 1 } else { 0 },
                        },
                    }),
                );
                caps.insert("goog:loggingPrefs".into(), json!({"browser": "ALL"}));
            }
            Engine::Firefox => {
                let mut prefs = Map::new();
                // 0 accepts every cookie; 1 rejects third-party cookies (the strict setting's
                // effect on a cross-site iframe); unset keeps Total Cookie Protection.
                match cookies {
                    ThirdPartyCookies::EngineDefault => {}
                    ThirdPartyCookies::Allowed => {
                        prefs.insert("network.cookie.cookieBehavior".into(), json!(0));
                    }
                    ThirdPartyCookies::Blocked => {
                        prefs.insert("network.cookie.cookieBehavior".into(), json!(1));
                    }
                }
                caps.insert("browserName".into(), json!("firefox"));
                caps.insert(
                    "moz:firefoxOptions".into(),
                    json!({
                        "binary": program("FIREFOX", "/usr/bin/firefox-esr"),
                        "args": ["-headless", "-width=1200", "-height=900"],
                        "prefs": prefs,
                    }),
                );
            }
            Engine::WebKit => {
                let policy = match cookies {
                    ThirdPartyCookies::Allowed => "always",
                    ThirdPartyCookies::EngineDefault | ThirdPartyCookies::Blocked => {
                        "no-third-party"
                    }
                };
                caps.insert("browserName".into(), json!("MiniBrowser"));
                caps.insert(
                    "webkitgtk:browserOptions".into(),
                    json!({
                        "binary": program("MINIBROWSER", MINIBROWSER),
                        "args": ["--automation", format!("--cookies-policy={policy}")],
                    }),
                );
            }
        }
        Ok(Capabilities::from(caps))
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::WebKit => "WebKit",
        })
    }
}

/// Debian's WebKitGTK browser for automation.
pub const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

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

/// The program named by the environment variable `variable`, else `default`.
pub(crate) fn program(variable: &str, default: &str) -> String {
    std::env::var(variable).unwrap_or_else(|_| default.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for engine in Engine::ALL {
            assert_eq!(Engine::parse(engine.name()), Some(engine));
        }
        assert_eq!(Engine::parse("safari"), None);
    }

    #[test]
    fn only_chromium_passes_the_chromium_check() {
        assert!(Engine::Chromium.require_chromium("x").is_ok());
        let e = Engine::WebKit.require_chromium("the DevTools protocol");
        assert!(e.unwrap_err().to_string().contains("cannot run in WebKit"));
    }

    #[test]
    fn the_cookie_policy_reaches_each_engine() -> TestResult {
        let p = Path::new("/tmp/p");
        let caps = Engine::Firefox.capabilities(p, ThirdPartyCookies::Blocked)?;
        let prefs = &caps.get("moz:firefoxOptions").unwrap()["prefs"];
        assert_eq!(prefs["network.cookie.cookieBehavior"], 1);
        let caps = Engine::WebKit.capabilities(p, ThirdPartyCookies::Allowed)?;
        let args = &caps.get("webkitgtk:browserOptions").unwrap()["args"];
        assert_eq!(args[1], "--cookies-policy=always");
        let caps = Engine::Chromium.capabilities(p, ThirdPartyCookies::Blocked)?;
        let prefs = &caps.get("goog:chromeOptions").unwrap()["prefs"];
        assert_eq!(prefs["profile.block_third_party_cookies"], true);
        Ok(())
    }
}
