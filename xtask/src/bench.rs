//! `cargo xtask bench`: the numbers the product is held to, measured the same way every time,
//! beside the same numbers for the React peer (`bench/peer/`) where the issue compares them.

use crate::process::run_streamed;
use crate::sizes::{BUDGET_BROTLI, TARGET_BROTLI};
use crate::test::{browser_env, cargo};
use crate::{dist, floor, paths, peer, race, setup, sizes};
use serde_json::{json, Value};
use std::fs;

/// Entry point for the `bench` subcommand.
pub fn run() -> Result<(), String> {
    setup::run_setup()?;
    dist::build(true)?;
    let files = sizes::measure(&paths::root().join("dist"))?;
    print!("{}", sizes::render(&files));
    // The budget is the page's transfer: demo mode's tenant module loads only in demo mode.
    let page = sizes::page_totals(&files);
    let first_load = sizes::first_load_totals(&files);
    let widget_first_load = sizes::widget_first_load_totals(&files);
    let demo = sizes::totals(&files, sizes::demo_only);
    let (raw, gzip, brotli) = (page.raw, page.gzip, page.brotli);
    let peer_dist = peer::build()?;
    let peer_files = sizes::measure(&peer_dist)?;
    // The peer has no lazy parts: everything it ships loads before its first screen.
    let peer_total = sizes::totals(&peer_files, |_| true);
    let floor = floor::measure()?;

    let browser_out = paths::root().join("target/bench-browser.json");
    let _ = fs::remove_file(&browser_out);
    let mut measure = cargo(&[
        "test",
        "-p",
        "e2e",
        "--test",
        "bench",
        "--",
        "--ignored",
        "--nocapture",
    ]);
    measure
        .env("MFA_DIST", paths::root().join("dist"))
        .env("BENCH_OUT", &browser_out)
        .env("PEER_DIST", &peer_dist);
    let (ok, _) = run_streamed(&mut browser_env(measure))?;
    if !ok {
        return Err("the browser measurements failed (see above)".into());
    }
    let browser: Value = serde_json::from_str(
        &fs::read_to_string(&browser_out).map_err(|e| format!("no browser figures: {e}"))?,
    )
    .map_err(|e| format!("unreadable browser figures: {e}"))?;

    let (ok, lines) = run_streamed(&mut cargo(&[
        "test",
        "-p",
        "mfa-manager",
        "--release",
        "--lib",
        "qr_render_time",
        "--",
        "--ignored",
        "--nocapture",
    ]))?;
    let qr_us = lines
        .iter()
        .find_map(|l| l.trim().strip_prefix("qr_render_us=")?.parse::<u64>().ok())
        .filter(|_| ok)
        .ok_or("the QR measurement printed nothing")?;

    let report = json!({
        "files": files.iter().map(|f| json!({"file": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli})).collect::<Vec<_>>(),
        "total": {"raw": raw, "gzip": gzip, "brotli": brotli},
        "demo_module": {"raw": demo.raw, "gzip": demo.gzip, "brotli": demo.brotli},
        "first_load": {"raw": first_load.raw, "gzip": first_load.gzip, "brotli": first_load.brotli},
        "first_load_ceiling_brotli": sizes::FIRST_LOAD_CEILING_BROTLI,
        "widget_first_load": {"raw": widget_first_load.raw, "gzip": widget_first_load.gzip, "brotli": widget_first_load.brotli},
        "first_load_goal_brotli": sizes::FIRST_LOAD_GOAL_BROTLI,
        "peer": {
            "files": peer_files.iter().map(|f| json!({"file": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli})).collect::<Vec<_>>(),
            "total": {"raw": peer_total.raw, "gzip": peer_total.gzip, "brotli": peer_total.brotli},
        },
        "throttled": browser["throttled"],
        "floor": floor.to_json(),
        "budget_brotli": BUDGET_BROTLI,
        "ceiling_brotli": sizes::CEILING_BROTLI,
        "target_brotli": TARGET_BROTLI,
        "cold_start_ms": browser["cold_start_ms"],
        "round_trips": browser["round_trips"],
        "qr_render_us": qr_us,
    });
    let out = paths::root().join("target/bench.json");
    fs::write(&out, format!("{report:#}\n"))
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;

    let verdict = if brotli <= BUDGET_BROTLI {
        "within budget"
    } else {
        "OVER BUDGET"
    };
    let cold_start = browser["cold_start_ms"]["median"]
        .as_f64()
        .map_or("?".into(), |ms| format!("{ms:.1}"));
    let loads = browser["cold_start_ms"]["samples"]
        .as_array()
        .map_or(0, Vec::len);
    println!("\n{:<46}{:>12}   budget / note", "figure", "value");
    row(
        "page bundle (brotli)",
        brotli,
        "B",
        &format!("{BUDGET_BROTLI} B hard, {TARGET_BROTLI} B target ({verdict})"),
    );
    row("page bundle (gzip)", gzip, "B", &format!("{raw} B raw"));
    row(
        "floor: Leptos + required crates (brotli)",
        floor.total.brotli,
        "B",
        "xtask/floor: each required crate used once, no code of ours",
    );
    row(
        "  Leptos alone",
        floor.leptos_alone,
        "B",
        "the floor without any piece below",
    );
    for (_, label, saved) in &floor.pieces {
        row(
            &format!("  {label}"),
            saved,
            "B",
            "saved by leaving it out of the floor",
        );
    }
    row(
        "page over the floor (brotli)",
        brotli.saturating_sub(floor.total.brotli),
        "B",
        "this project's own code, texts and styles",
    );
    row(
        "demo mode's extra module (brotli)",
        demo.brotli,
        "B",
        "loaded only in demo mode",
    );
    row(
        "cold start to first render",
        cold_start,
        "ms",
        &format!("median of {loads} loads"),
    );
    for (name, expected) in [
        ("sign_in_callback_and_list", "2 (token + list)"),
        ("enroll", "1"),
        ("confirm_and_list", "2 (confirm + list refresh)"),
        ("remove_and_list", "2 (delete + list refresh)"),
    ] {
        row(
            &format!("round trips: {name}"),
            &browser["round_trips"][name],
            "",
            expected,
        );
    }
    row("QR render (native, release)", qr_us, "µs", "");
    print!(
        "{}",
        race::render(
            &race::Sizes {
                first_load: first_load.brotli,
                total: brotli,
                peer_total: peer_total.brotli,
                widget_first_load: widget_first_load.brotli,
            },
            &browser["throttled"]
        )
    );
    println!("\nwritten to {}", out.display());
    Ok(())
}

/// One line of the figures table: name, value with its unit, and what it is measured against.
fn row(name: &str, value: impl std::fmt::Display, unit: &str, note: &str) {
    let value = format!("{value} {unit}");
    let line = format!("{name:<46}{:>12}   {note}", value.trim_end());
    println!("{}", line.trim_end());
}
