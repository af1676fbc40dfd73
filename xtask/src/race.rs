//! The race table of `cargo xtask bench`: mfa-manager beside the React peer (`bench/peer/`),
//! sizes from the built files and times from the browser under a phone's conditions, with the
//! ratio ours / peer and the goal of each figure; then the requests each first screen waited
//! for, in order, and which answer each had to wait for (the serial chain).

use crate::sizes::{FIRST_LOAD_CEILING_BROTLI, FIRST_LOAD_GOAL_BROTLI};
use serde_json::Value;
use std::fmt::Write;

/// Time to interactive may be at most this share of the peer's.
pub const INTERACTIVE_GOAL_RATIO: f64 = 0.6;

/// Brotli bytes from the built files.
pub struct Sizes {
    /// Ours before the first screen (without `demo/` and `chunks/`).
    pub first_load: usize,
    /// Ours in all (page and lazy chunks, without `demo/`).
    pub total: usize,
    /// The peer's whole build (it loads everything before its first screen).
    pub peer_total: usize,
    /// The widget's before its first screen in a host page (the entry module, the stylesheet).
    pub widget_first_load: usize,
}

/// The table and both serial chains; `throttled` is the `throttled` object the browser
/// measurement wrote.
pub fn render(sizes: &Sizes, throttled: &Value) -> String {
    let (ours, peer, widget) = (&throttled["ours"], &throttled["peer"], &throttled["widget"]);
    let median = |side: &Value, key: &str| side[key]["median"].as_f64();
    let mut text = format!(
        "\nrace against the React peer: {} loads each, interleaved; {}\n\n{:<46}{:>11}{:>11}{:>8}   goal\n",
        throttled["loads"],
        throttled["profile"].as_str().unwrap_or("(no throttled figures)"),
        "figure",
        "ours",
        "peer",
        "ratio"
    );
    let kb = |bytes: f64| format!("{:.1} KB", bytes / 1024.0);
    let ms = |time: f64| format!("{time:.0} ms");
    let mut line = |name: &str,
                    ours: Option<f64>,
                    peer: Option<f64>,
                    show: &dyn Fn(f64) -> String,
                    goal: String| {
        let cell = |v: Option<f64>| v.map_or("?".to_owned(), show);
        let ratio = match (ours, peer) {
            (Some(o), Some(p)) if p > 0.0 => format!("{:.2}", o / p),
            _ => "?".to_owned(),
        };
        let _ = writeln!(
            text,
            "{name:<46}{:>11}{:>11}{ratio:>8}   {goal}",
            cell(ours),
            cell(peer)
        );
    };
    let first = sizes.first_load as f64;
    line(
        "first load, brotli (built files)",
        Some(first),
        Some(sizes.peer_total as f64),
        &kb,
        format!(
            "<= {} ({}), ceiling {}",
            kb(FIRST_LOAD_GOAL_BROTLI as f64),
            verdict(first <= FIRST_LOAD_GOAL_BROTLI as f64),
            kb(FIRST_LOAD_CEILING_BROTLI as f64)
        ),
    );
    line(
        "all files, brotli (page + lazy chunks)",
        Some(sizes.total as f64),
        Some(sizes.peer_total as f64),
        &kb,
        "reported".into(),
    );
    line(
        "first load in the browser (over the network)",
        median(ours, "first_load_transfer_bytes"),
        median(peer, "first_load_transfer_bytes"),
        &kb,
        "Resource Timing transferSize up to Sign in".into(),
    );
    line(
        "  of which bodies (encodedBodySize)",
        median(ours, "first_load_encoded_bytes"),
        median(peer, "first_load_encoded_bytes"),
        &kb,
        String::new(),
    );
    let (tti, peer_tti) = (
        median(ours, "time_to_interactive_ms"),
        median(peer, "time_to_interactive_ms"),
    );
    line(
        "time to interactive, throttled, cold (median)",
        tti,
        peer_tti,
        &ms,
        format!(
            "<= {INTERACTIVE_GOAL_RATIO}x peer ({})",
            met(tti, peer_tti, |o, p| o <= INTERACTIVE_GOAL_RATIO * p)
        ),
    );
    let (back, peer_back) = (
        median(ours, "callback_to_list_ms"),
        median(peer, "callback_to_list_ms"),
    );
    line(
        "callback to list, throttled (median)",
        back,
        peer_back,
        &ms,
        format!("<= peer ({})", met(back, peer_back, |o, p| o <= p)),
    );
    line(
        "  downloaded on the way back (median)",
        median(ours, "callback_transfer_bytes"),
        median(peer, "callback_transfer_bytes"),
        &kb,
        "revalidations and API answers".into(),
    );
    line(
        "serial round trips before Sign in",
        ours["serial_round_trips"].as_f64(),
        peer["serial_round_trips"].as_f64(),
        &|n| format!("{n:.0}"),
        "fewest possible".into(),
    );
    // The widget in a host page, against the same peer page.
    let widget_first = sizes.widget_first_load as f64;
    line(
        "widget: first load, brotli (built files)",
        Some(widget_first),
        Some(sizes.peer_total as f64),
        &kb,
        format!(
            "<= the page's {} ({})",
            kb(first),
            verdict(widget_first <= first)
        ),
    );
    line(
        "widget: first load in the browser",
        median(widget, "first_load_transfer_bytes"),
        median(peer, "first_load_transfer_bytes"),
        &kb,
        "host page included".into(),
    );
    let widget_tti = median(widget, "time_to_interactive_ms");
    line(
        "widget: time to interactive, throttled, cold",
        widget_tti,
        peer_tti,
        &ms,
        format!(
            "<= {INTERACTIVE_GOAL_RATIO}x peer ({})",
            met(widget_tti, peer_tti, |o, p| o <= INTERACTIVE_GOAL_RATIO * p)
        ),
    );
    for (name, side) in [("ours", ours), ("peer", peer), ("the widget", widget)] {
        let _ = writeln!(
            text,
            "\nserial chain before {name} shows Sign in (the median cold load; ms from navigation start):"
        );
        text += &chain(&side["serial_chain"]);
    }
    for (name, side) in [("ours", ours), ("peer", peer)] {
        let _ = writeln!(
            text,
            "\nrequests before {name} shows the list after signing in (the median return; ms from \
             navigation start, the callback's fetch starting at {:.0} ms):",
            side["callback_fetch_start_ms"].as_f64().unwrap_or(f64::NAN)
        );
        text += &chain(&side["callback_chain"]);
    }
    text
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "NOT MET"
    }
}

fn met(ours: Option<f64>, peer: Option<f64>, goal: impl Fn(f64, f64) -> bool) -> &'static str {
    match (ours, peer) {
        (Some(o), Some(p)) => verdict(goal(o, p)),
        _ => "?",
    }
}

/// One line per request: round trip number, path, initiator, start → end, what it waited for.
fn chain(links: &Value) -> String {
    let mut text = String::new();
    for link in links.as_array().into_iter().flatten() {
        let after = match link["after"].as_str() {
            Some(path) => format!("after {path}"),
            None => "first".to_owned(),
        };
        let after = if link["network"] == false {
            format!("{after}, from the cache")
        } else {
            after
        };
        let _ = writeln!(
            text,
            "  {:>2}  {:<58} {:<10} {:>6.0} -> {:>6.0}  {after}",
            link["depth"],
            link["path"].as_str().unwrap_or("?"),
            link["initiator"].as_str().unwrap_or("?"),
            link["start"].as_f64().unwrap_or(f64::NAN),
            link["end"].as_f64().unwrap_or(f64::NAN),
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn side(tti: f64, back: f64, chain: Value) -> Value {
        json!({
            "time_to_interactive_ms": {"median": tti},
            "callback_to_list_ms": {"median": back},
            "first_load_transfer_bytes": {"median": 10240.0},
            "first_load_encoded_bytes": {"median": 9216.0},
            "callback_transfer_bytes": {"median": 2048.0},
            "serial_round_trips": 3,
            "serial_chain": chain.clone(),
            "callback_fetch_start_ms": 600.0,
            "callback_chain": chain,
        })
    }

    #[test]
    fn the_table_has_ratios_verdicts_and_both_chains() {
        let chain = json!([
            {"depth": 1, "path": "/", "initiator": "navigation", "start": 0.0, "end": 1200.0, "after": null},
            {"depth": 2, "path": "/config.json", "initiator": "link", "start": 1210.0, "end": 1800.0, "after": "/", "network": true},
            {"depth": 1, "path": "/app.js", "initiator": "script", "start": 1205.0, "end": 1205.0, "after": "/", "network": false},
        ]);
        let throttled = json!({
            "loads": 9,
            "profile": "slow 4G",
            "ours": side(2000.0, 1500.0, chain.clone()),
            "peer": side(4000.0, 1400.0, chain.clone()),
            "widget": side(2600.0, f64::NAN, chain),
        });
        let sizes = Sizes {
            first_load: 100 * 1024,
            total: 200 * 1024,
            peer_total: 121 * 1024,
            widget_first_load: 90 * 1024,
        };
        let text = render(&sizes, &throttled);
        let row = |start: &str| {
            text.lines()
                .find(|l| l.starts_with(start))
                .unwrap_or_else(|| panic!("no {start} in {text}"))
                .to_owned()
        };
        assert!(row("first load, brotli").contains("100.0 KB"), "{text}");
        assert!(row("first load, brotli").contains("0.83"), "{text}");
        assert!(row("first load, brotli").contains("NOT MET"), "{text}");
        assert!(row("time to interactive").contains("0.50"), "{text}");
        assert!(row("time to interactive").ends_with("(met)"), "{text}");
        assert!(row("callback to list").ends_with("(NOT MET)"), "{text}");
        assert!(text.contains("/config.json"), "{text}");
        assert!(text.contains("after /"), "{text}");
        assert_eq!(text.matches("serial chain before").count(), 3, "{text}");
        assert!(
            row("widget: first load, brotli").ends_with("(met)"),
            "{text}"
        );
        assert!(
            row("widget: time to interactive").contains("0.65"),
            "{text}"
        );
        assert!(
            row("widget: time to interactive").ends_with("(NOT MET)"),
            "{text}"
        );
        assert_eq!(text.matches("after signing in").count(), 2, "{text}");
        assert!(text.contains("after /, from the cache"), "{text}");
    }
}
