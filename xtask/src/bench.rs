//! `cargo xtask bench`: the numbers the product is held to, measured the same way every time.

use crate::process::run_streamed;
use crate::test::{browser_env, cargo};
use crate::{dist, paths, setup, sizes};
use serde_json::{json, Value};
use std::fs;

/// Hard budget for the total transfer size (brotli), from the design.
const BUDGET_BROTLI: usize = 150 * 1024;
/// Target for the total transfer size (brotli).
const TARGET_BROTLI: usize = 100 * 1024;

/// Entry point for the `bench` subcommand.
pub fn run() -> Result<(), String> {
    setup::run_setup()?;
    dist::build(true)?;
    let files = sizes::measure(&paths::root().join("dist"))?;
    print!("{}", sizes::render(&files));
    // The budget is the page's transfer: demo mode's tenant module loads only in demo mode.
    let page = sizes::page_totals(&files);
    let demo = sizes::totals(&files, sizes::demo_only);
    let (raw, gzip, brotli) = (page.raw, page.gzip, page.brotli);

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
        .env("BENCH_OUT", &browser_out);
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
        "budget_brotli": BUDGET_BROTLI,
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
    println!("\nfigure                               value      budget / expected");
    println!("page bundle (brotli)            {:>9} B   {BUDGET_BROTLI} B hard, {TARGET_BROTLI} B target ({verdict})", brotli);
    println!("page bundle (gzip / raw)        {gzip:>9} B / {raw} B");
    println!(
        "demo mode's extra module (brotli) {:>7} B   loaded only in demo mode",
        demo.brotli
    );
    println!(
        "cold start, first render         {:>8.1} ms   median of {} loads",
        browser["cold_start_ms"]["median"]
            .as_f64()
            .unwrap_or(f64::NAN),
        browser["cold_start_ms"]["samples"]
            .as_array()
            .map(Vec::len)
            .unwrap_or(0)
    );
    for (name, expected) in [
        ("sign_in_callback_and_list", "2 (token + list)"),
        ("enroll", "1"),
        ("confirm_and_list", "2 (confirm + list refresh)"),
        ("remove_and_list", "2 (delete + list refresh)"),
    ] {
        println!(
            "round trips: {name:<26} {:>5}        {expected}",
            browser["round_trips"][name]
        );
    }
    println!("QR render (native, release)      {qr_us:>8} µs");
    println!("\nwritten to {}", out.display());
    Ok(())
}
