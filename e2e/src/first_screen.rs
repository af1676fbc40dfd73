//! When a page's screens appear and what it fetched before them, read in the browser:
//! a script that runs before any of the page's own records the first moment the Sign in
//! button (`sign_in`) or the list of sign-in methods (`list`) is in the document, for
//! mfa-manager and the React peer alike; Resource Timing says what was fetched by then, how
//! many bytes it cost, and which request had to wait for which answer (the serial chain).

use crate::browser::Browser;
use crate::TestResult;
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::time::{Duration, Instant};

/// Records `window.__firstSeen[probe] = performance.now()` the first time each probe finds
/// its element: this page's ids, or the peer's button and empty-list text.
const PROBES: &str = r#"(() => {
  const probes = {
    sign_in: () => document.querySelector('#mfa-sign-in')
      || [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Sign in'),
    list: () => document.querySelector('#mfa-empty, .mfa-factor, ul.authenticators')
      || [...document.querySelectorAll('p')].find((p) => p.textContent.startsWith('You have not set up')),
  };
  const seen = (window.__firstSeen = {});
  const look = () => {
    for (const [name, found] of Object.entries(probes)) {
      if (!(name in seen) && found()) seen[name] = performance.now();
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
})();"#;

/// Reads the moment `probe` was seen, the navigation's start of fetching and every fetch.
const READ: &str = r#"const probe = arguments[0];
const at = window.__firstSeen ? window.__firstSeen[probe] : undefined;
if (at === undefined) return null;
const nav = performance.getEntriesByType('navigation')[0];
const fetches = [nav, ...performance.getEntriesByType('resource')].map((e) => ({
  url: e.name, initiator: e.initiatorType || 'navigation', start: e.startTime,
  end: e.responseEnd, encoded: e.encodedBodySize, transfer: e.transferSize,
}));
return { at, fetch_start: nav.fetchStart, fetches };"#;

/// Which screen to wait for.
#[derive(Clone, Copy, Debug)]
pub enum Probe {
    /// The signed-out screen's Sign in button.
    SignIn,
    /// The signed-in screen's list of sign-in methods (or its empty-list text).
    List,
}

impl Probe {
    fn key(self) -> &'static str {
        match self {
            Probe::SignIn => "sign_in",
            Probe::List => "list",
        }
    }
}

/// The probes installed in a browser.
pub struct Installed(serde_json::Value);

/// Installs the probes in `browser` for every document it loads from now on.
pub async fn install(browser: &Browser) -> TestResult<Installed> {
    browser.cdp("Page.enable", json!({})).await?;
    let added = browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": PROBES }),
        )
        .await?;
    Ok(Installed(added["identifier"].clone()))
}

impl Installed {
    /// Takes the probes out again, so later loads run the page alone.
    pub async fn remove(self, browser: &Browser) -> TestResult {
        browser
            .cdp(
                "Page.removeScriptToEvaluateOnNewDocument",
                json!({ "identifier": self.0 }),
            )
            .await?;
        Ok(())
    }
}

/// One request the page made (the document itself first), times in ms from navigation start.
#[derive(Clone, Debug, Deserialize, Serialize, PartialEq)]
pub struct Fetch {
    /// Its URL.
    pub url: String,
    /// What asked for it: `navigation`, `link`, `script`, `fetch`, `css`, …
    pub initiator: String,
    /// When the request started.
    pub start: f64,
    /// When the last byte of the answer arrived.
    pub end: f64,
    /// Body bytes as sent (compressed).
    pub encoded: u64,
    /// Bytes over the network, headers included (0 when it came from the cache).
    pub transfer: u64,
}

/// A screen and what the page fetched before it.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Screen {
    /// When the screen's element appeared, in ms from navigation start.
    pub at: f64,
    /// When the navigation started fetching the document (after redirects), in ms.
    pub fetch_start: f64,
    /// Every request the page made so far.
    pub fetches: Vec<Fetch>,
}

/// One request of the chain before a screen, and the answer it waited for.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Link {
    /// The request's URL, without the origin.
    pub path: String,
    /// What asked for it.
    pub initiator: String,
    /// When it started and ended, in ms from navigation start.
    pub start: f64,
    /// When its answer was complete.
    pub end: f64,
    /// The path of the network answer it started after (serial), `None` when no earlier
    /// request had been answered over the network (the document itself).
    pub after: Option<String>,
    /// False when the browser's cache answered it without asking the host.
    pub network: bool,
    /// Round trips in a row up to and including this one (a cache hit adds none).
    pub depth: usize,
}

impl Screen {
    /// Waits (up to `limit`) until `probe` has been seen on the current page, then reads it.
    pub async fn wait(browser: &Browser, probe: Probe, limit: Duration) -> TestResult<Screen> {
        let deadline = Instant::now() + limit;
        loop {
            // While the page navigates, the script may not run yet: try again.
            let read = browser.driver.execute(READ, vec![json!(probe.key())]).await;
            if let Some(read) = read.ok().map(|r| r.json().clone()) {
                if !read.is_null() {
                    return Ok(serde_json::from_value(read)?);
                }
            }
            if Instant::now() > deadline {
                let seen: serde_json::Value = browser
                    .eval(
                        "return { url: location.href, probes: window.__firstSeen || null,
                                  text: document.body ? document.body.innerText.slice(0, 300) : null };",
                    )
                    .await
                    .unwrap_or_default();
                return Err(format!(
                    "`{}` did not appear within {limit:?}; the page: {seen}",
                    probe.key()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The requests whose answers were complete when the screen appeared.
    pub fn before(&self) -> impl Iterator<Item = &Fetch> {
        self.fetches.iter().filter(move |f| f.end <= self.at)
    }

    /// Bytes downloaded before the screen appeared: (body bytes as sent, bytes over the
    /// network with headers).
    pub fn bytes(&self) -> (u64, u64) {
        self.before()
            .fold((0, 0), |(e, t), f| (e + f.encoded, t + f.transfer))
    }

    /// The requests the screen waited for, in the order they started, each with the answer it
    /// could only start after: the latest-ending earlier network request that had finished
    /// by its start. The deepest `depth` is the number of serial round trips.
    pub fn chain(&self) -> Vec<Link> {
        let mut done: Vec<&Fetch> = self.before().collect();
        done.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut links: Vec<Link> = Vec::new();
        for fetch in done {
            let waited = links
                .iter()
                .filter(|earlier| earlier.network && earlier.end <= fetch.start)
                .max_by(|a, b| a.end.total_cmp(&b.end));
            let network = !fetch.from_cache();
            let before = waited.map_or(0, |w| w.depth);
            links.push(Link {
                path: path_of(&fetch.url),
                initiator: fetch.initiator.clone(),
                start: fetch.start,
                end: fetch.end,
                after: waited.map(|w| w.path.clone()),
                network,
                depth: before + usize::from(network),
            });
        }
        links
    }

    /// Serial round trips before the screen: the deepest link of the [`Screen::chain`].
    pub fn round_trips(&self) -> usize {
        self.chain().iter().map(|l| l.depth).max().unwrap_or(0)
    }
}

impl Fetch {
    /// True when the browser's cache answered: a body, but no bytes over the network. (A
    /// cross-origin answer without `Timing-Allow-Origin` shows neither and counts as network.)
    pub fn from_cache(&self) -> bool {
        self.transfer == 0 && self.encoded > 0
    }
}

/// `url` without its origin and query (`/account/mfa-manager-….js`; the sign-in answer's
/// `?code=…&state=…` is left out of reports).
fn path_of(url: &str) -> String {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("/", |at| &after_scheme[at..]);
    path.split(['?', '#']).next().unwrap_or("/").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(url: &str, initiator: &str, start: f64, end: f64) -> Fetch {
        Fetch {
            url: format!("http://127.0.0.1:9/{url}"),
            initiator: initiator.into(),
            start,
            end,
            encoded: 1000,
            transfer: 1300,
        }
    }

    #[test]
    fn the_chain_names_what_each_request_waited_for() {
        let screen = Screen {
            at: 5000.0,
            fetch_start: 1.0,
            fetches: vec![
                fetch("?code=secret&state=x", "navigation", 0.0, 1200.0),
                fetch("app.js", "link", 1210.0, 1900.0),
                fetch("app_bg.wasm", "link", 1211.0, 3500.0),
                fetch("config.json", "link", 1212.0, 1800.0),
                fetch("init.js", "script", 1215.0, 1790.0),
                // Asked for by the running wasm, after the module had arrived.
                fetch("chunk.wasm", "fetch", 3600.0, 4400.0),
                // Compiled from the cache: no round trip, and nothing waits for it.
                Fetch {
                    transfer: 0,
                    ..fetch("cached.js", "script", 3550.0, 3550.0)
                },
                // After the screen: not part of its chain.
                fetch("later.wasm", "fetch", 4500.0, 6000.0),
            ],
        };
        let chain = screen.chain();
        let after: Vec<(&str, Option<&str>, usize)> = chain
            .iter()
            .map(|l| (l.path.as_str(), l.after.as_deref(), l.depth))
            .collect();
        assert_eq!(
            after,
            [
                ("/", None, 1),
                ("/app.js", Some("/"), 2),
                ("/app_bg.wasm", Some("/"), 2),
                ("/config.json", Some("/"), 2),
                ("/init.js", Some("/"), 2),
                ("/cached.js", Some("/app_bg.wasm"), 2),
                ("/chunk.wasm", Some("/app_bg.wasm"), 3),
            ]
        );
        assert_eq!(screen.round_trips(), 3);
        assert_eq!(screen.bytes(), (7000, 7800));
    }
}
