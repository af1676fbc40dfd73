//! Measurements for `cargo xtask bench` (ignored in ordinary test runs): cold start to the
//! first interactive render, and network round trips per user action counted from the
//! emulator's request log. Writes JSON to `$BENCH_OUT` and prints it.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, Setup, TestResult};
use serde_json::{json, Value};

/// Page loads measured for the cold-start median.
const LOADS: usize = 10;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark: run by `cargo xtask bench`"]
async fn measure() -> TestResult {
    let h = Harness::start(Setup::default()).await?;

    let mut starts = Vec::new();
    for load in 0..LOADS {
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
    h.tenant_login("new@example.com").await?;
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
        "cold_start_ms": { "median": median(starts.clone()), "samples": starts },
        "round_trips": {
            "sign_in_callback_and_list": sign_in,
            "enroll": enroll,
            "confirm_and_list": confirm,
            "remove_and_list": remove,
        },
    });
    println!("{report:#}");
    if let Some(path) = std::env::var_os("BENCH_OUT") {
        std::fs::write(path, report.to_string())?;
    }
    h.finish().await
}
