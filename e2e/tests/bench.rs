//! Measurements for `cargo xtask bench` (ignored in ordinary test runs), written as JSON to
//! `$BENCH_OUT` and printed:
//! - a race against the React peer (`bench/peer/`, built by the bench, in `$PEER_DIST`) under
//!   a phone's conditions (slow 4G, 4× slower CPU): cold loads to the Sign in button, and
//!   the return from the tenant to the list with the cache a visitor has by then, both pages
//!   served by the same host with a deployment's caching, loads interleaved; with the bytes
//!   each fetched before its first screen and the requests that screen waited for; and the
//!   widget's cold loads to its Sign in in a host page (`examples/stable-entry/`);
//! - unthrottled cold start to the first interactive render, and network round trips per
//!   user action counted from the emulator's request log.

use e2e::config_file::ConfigFile;
use e2e::first_screen::{self, Probe, Screen};
use e2e::journeys::SIGNED_IN_HEADING;
use e2e::peer::{self, PeerSite};
use e2e::site::Site;
use e2e::static_files::Caching;
use e2e::throttle;
use e2e::{Browser, Harness, Tenant, TestResult};
use mfa_emulator::model::seed;
use serde_json::{json, Value};
use std::time::Duration;
use tokio::net::TcpListener;

/// Page loads measured for the unthrottled cold-start median.
const LOADS: usize = 10;
/// Throttled loads of each page (cold start, then sign-in and return) for the race medians.
const RACE_LOADS: usize = 9;
/// How long a throttled screen may take before the run fails.
const THROTTLED_WAIT: Duration = Duration::from_secs(90);

/// API round trips since the log was last cleared (CORS preflights and login pages excluded).
async fn round_trips(h: &Harness) -> TestResult<usize> {
    let log = h.tenant.control("GET", "requests", None).await?;
    let count = log
        .as_array()
        .map(|all| {
            all.iter()
                .filter(|r| r["method"] != "OPTIONS")
                .filter(|r| {
                    // Login pages and the browser's favicon request are not API round trips.
                    let path = r["path"].as_str().unwrap_or_default();
                    !path.starts_with("/authorize") && path != "/favicon.ico"
                })
                .count()
        })
        .unwrap_or(0);
    h.tenant.control("DELETE", "requests", None).await?;
    Ok(count)
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples.get(samples.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Samples and their median, as the report keeps them.
fn figure(samples: Vec<f64>) -> Value {
    json!({ "median": median(samples.clone()), "samples": samples })
}

/// One page in the race.
struct Contender {
    /// `ours` or `peer`.
    name: &'static str,
    /// The page's URL.
    url: String,
    /// Its Sign in button.
    sign_in: &'static str,
    /// Each throttled cold load's first screen.
    cold: Vec<Screen>,
    /// Each throttled return from the tenant.
    back: Vec<Screen>,
}

impl Contender {
    fn new(name: &'static str, url: String, sign_in: &'static str) -> Contender {
        Contender {
            name,
            url,
            sign_in,
            cold: Vec::new(),
            back: Vec::new(),
        }
    }

    /// A first-time visitor on a phone: the page cold to its Sign in button (left throttled).
    async fn cold_load(&mut self, h: &Harness, forget: &[&str]) -> TestResult<Screen> {
        throttle::forget_visits(&h.browser, forget).await?;
        throttle::throttle(&h.browser).await?;
        h.browser.open(&self.url).await?;
        Screen::wait(&h.browser, Probe::SignIn, THROTTLED_WAIT).await
    }

    /// [`Contender::cold_load`] alone (the widget in a host page, whose sign-in is a popup's).
    async fn race_cold(&mut self, h: &Harness, forget: &[&str]) -> TestResult {
        let cold = self.cold_load(h, forget).await?;
        throttle::unthrottle(&h.browser).await?;
        self.cold.push(cold);
        Ok(())
    }

    /// [`Contender::cold_load`], then sign-in at the tenant and the return to the list, with
    /// what the first visit left in the cache.
    async fn race(&mut self, h: &Harness, forget: &[&str]) -> TestResult {
        let cold = self.cold_load(h, forget).await?;
        h.browser.click(self.sign_in).await?;
        h.tenant_login(seed::NEW_USER).await?;
        let back = Screen::wait(&h.browser, Probe::List, THROTTLED_WAIT).await?;
        throttle::unthrottle(&h.browser).await?;
        self.cold.push(cold);
        self.back.push(back);
        Ok(())
    }

    /// The cold load with the median time to the Sign in button.
    fn median_cold(&self) -> Option<&Screen> {
        median_screen(&self.cold, |s| s.at)
    }

    /// The return with the median time from the callback to the list.
    fn median_back(&self) -> Option<&Screen> {
        median_screen(&self.back, |s| s.at - s.fetch_start)
    }

    /// The figures of this page's cold loads.
    fn report_cold(&self) -> Value {
        let interactive = self.cold.iter().map(|s| s.at).collect();
        let encoded = self.cold.iter().map(|s| s.bytes().0 as f64).collect();
        let transfer = self.cold.iter().map(|s| s.bytes().1 as f64).collect();
        let chain = self.median_cold().map(Screen::chain).unwrap_or_default();
        json!({
            "time_to_interactive_ms": figure(interactive),
            "first_load_encoded_bytes": figure(encoded),
            "first_load_transfer_bytes": figure(transfer),
            "serial_round_trips": self.median_cold().map_or(0, Screen::round_trips),
            "serial_chain": chain,
        })
    }

    /// The figures of this page's race: its cold loads and its returns.
    fn report(&self) -> Value {
        let back = self.back.iter().map(|s| s.at - s.fetch_start).collect();
        let back_transfer = self.back.iter().map(|s| s.bytes().1 as f64).collect();
        let back_chain = self.median_back().map(Screen::chain).unwrap_or_default();
        let mut report = self.report_cold();
        report["callback_to_list_ms"] = figure(back);
        report["callback_transfer_bytes"] = figure(back_transfer);
        // Times from the start of the sign-in answer's navigation (the tenant's redirect).
        report["callback_fetch_start_ms"] = json!(self.median_back().map(|s| s.fetch_start));
        report["callback_chain"] = json!(back_chain);
        report
    }
}

/// The screen with the median of `time` among `screens`.
fn median_screen(screens: &[Screen], time: impl Fn(&Screen) -> f64) -> Option<&Screen> {
    let mut sorted: Vec<&Screen> = screens.iter().collect();
    sorted.sort_by(|a, b| time(a).total_cmp(&time(b)));
    sorted.get(sorted.len() / 2).copied()
}

/// This page and the peer, each on its own origin with a deployment's caching, both allowed
/// by one emulated tenant; the browser probes every page it loads.
async fn race_world() -> TestResult<(Harness, PeerSite, first_screen::Installed)> {
    let ours = TcpListener::bind("127.0.0.1:0").await?;
    let theirs = TcpListener::bind("127.0.0.1:0").await?;
    let ours_origin = format!("http://{}", ours.local_addr()?);
    let peer_origin = format!("http://{}", theirs.local_addr()?);
    let tenant = Tenant::start(vec![ours_origin.clone(), peer_origin], None).await?;
    let config = ConfigFile::Json(json!({
        "domain": tenant.origin,
        "client_id": seed::CLIENT_ID,
        "app_audience": seed::APP_AUDIENCE,
    }));
    let caching = Caching::LikeADeployment;
    let site =
        Site::start_with_caching(ours, ours_origin, "/", config, &tenant.origin, caching).await?;
    let peer = PeerSite::start(theirs, &tenant.origin, caching).await?;
    let browser = Browser::start().await?;
    let probes = first_screen::install(&browser).await?;
    Ok((
        Harness {
            tenant,
            site,
            browser,
        },
        peer,
        probes,
    ))
}

/// The race: cold loads and returns of both pages, interleaved (the order swaps each round),
/// and each round a cold load of the widget in a host page (`examples/stable-entry/`, which
/// calls `mount()` from the entry module).
async fn race(h: &Harness, peer: &PeerSite) -> TestResult<Value> {
    let mut ours = Contender::new("ours", h.site.url.clone(), "#mfa-sign-in");
    let mut theirs = Contender::new("peer", format!("{}/", peer.origin), peer::SIGN_IN);
    let host_page = format!("{}examples/stable-entry/account/", h.site.url);
    let mut widget = Contender::new("widget", host_page, "#mfa-sign-in");
    let forget = [
        h.site.origin.as_str(),
        peer.origin.as_str(),
        h.tenant.origin.as_str(),
    ];
    for round in 0..RACE_LOADS {
        let order = if round % 2 == 0 {
            [&mut ours, &mut theirs]
        } else {
            [&mut theirs, &mut ours]
        };
        for contender in order {
            contender
                .race(h, &forget)
                .await
                .map_err(|e| format!("{} round {round}: {e}", contender.name))?;
            eprintln!(
                "race round {round} {}: sign in at {:.0} ms, list {:.0} ms after the return",
                contender.name,
                contender.cold.last().map_or(0.0, |s| s.at),
                contender.back.last().map_or(0.0, |s| s.at - s.fetch_start),
            );
        }
        widget
            .race_cold(h, &forget)
            .await
            .map_err(|e| format!("widget round {round}: {e}"))?;
        eprintln!(
            "race round {round} widget: sign in at {:.0} ms",
            widget.cold.last().map_or(0.0, |s| s.at)
        );
    }
    throttle::forget_visits(&h.browser, &forget).await?;
    Ok(json!({
        "profile": throttle::describe(),
        "loads": RACE_LOADS,
        "ours": ours.report(),
        "peer": theirs.report(),
        "widget": widget.report_cold(),
    }))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run by `cargo xtask bench`"]
async fn measure() -> TestResult {
    let (h, peer, probes) = race_world().await?;
    let throttled = race(&h, &peer).await?;
    drop(peer);
    // The unthrottled figures are the page's own Performance mark, without the probes.
    probes.remove(&h.browser).await?;

    let mut starts = Vec::new();
    for load in 0..LOADS {
        throttle::forget_visits(&h.browser, &[h.site.origin.as_str()]).await?;
        h.browser
            .open(&format!("{}?load={load}", h.site.url))
            .await?;
        h.browser.find("#mfa-sign-in").await?;
        let mut mark = Value::Null;
        for _ in 0..100 {
            mark = h
                .browser
                .driver
                .execute(
                    "const m = performance.getEntriesByName('mfa-manager:interactive')[0];
                     return m ? m.startTime : null;",
                    Vec::new(),
                )
                .await?
                .json()
                .clone();
            if !mark.is_null() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        starts.push(
            mark.as_f64()
                .ok_or("the page never marked its first render")?,
        );
    }

    h.browser.open(&h.site.url).await?;
    h.browser.find("#mfa-sign-in").await?;
    round_trips(&h).await?;
    h.browser.click("#mfa-sign-in").await?;
    h.tenant_login(seed::NEW_USER).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser.find("#mfa-empty").await?;
    let sign_in = round_trips(&h).await?;

    h.browser.click("#mfa-add-app").await?;
    h.browser.find("#mfa-otp-secret").await?;
    let enroll = round_trips(&h).await?;

    h.verify_app_code().await?;
    h.save_recovery_code().await?;
    h.browser
        .wait_text(".mfa-factor", "Authenticator app")
        .await?;
    let confirm = round_trips(&h).await?;

    h.browser.click(".mfa-factor .mfa-danger").await?;
    h.browser.click("#mfa-confirm-remove").await?;
    h.browser.wait_text("#mfa-announce", "Removed").await?;
    h.browser.wait_text(".mfa-factor", "Recovery code").await?;
    let remove = round_trips(&h).await?;

    let report = json!({
        "cold_start_ms": figure(starts),
        "round_trips": {
            "sign_in_callback_and_list": sign_in,
            "enroll": enroll,
            "confirm_and_list": confirm,
            "remove_and_list": remove,
        },
        "throttled": throttled,
    });
    println!("{report:#}");
    if let Some(path) = std::env::var_os("BENCH_OUT") {
        std::fs::write(path, report.to_string())?;
    }
    h.finish().await
}
