//! A phone on a slow mobile network, as the benchmark's throttled figures assume it:
//! Chromium's slow-4G profile and a 4× slower CPU, set through the DevTools protocol; and a
//! visitor who has never been here (no HTTP cache, cookies or storage).

use crate::browser::Browser;
use crate::TestResult;
use serde_json::json;

/// Latency added to every request, in milliseconds (slow 4G: 150 ms × 3.75).
pub const LATENCY_MS: f64 = 562.5;
/// Download throughput in bytes per second: 1.47456 Mbit/s.
pub const DOWNLOAD_BYTES_PER_S: f64 = 1_474_560.0 / 8.0;
/// Upload throughput in bytes per second: 675 kbit/s.
pub const UPLOAD_BYTES_PER_S: f64 = 675_000.0 / 8.0;
/// How many times slower the CPU runs.
pub const CPU_SLOWDOWN: u32 = 4;

/// The profile in one line, for reports.
pub fn describe() -> String {
    format!(
        "slow 4G ({LATENCY_MS} ms latency, {:.5} Mbit/s down, {:.0} kbit/s up), \
         {CPU_SLOWDOWN}x CPU slowdown",
        DOWNLOAD_BYTES_PER_S * 8.0 / 1e6,
        UPLOAD_BYTES_PER_S * 8.0 / 1e3
    )
}

/// Slows `browser`'s network and CPU to the profile until [`unthrottle`].
pub async fn throttle(browser: &Browser) -> TestResult {
    browser.cdp("Network.enable", json!({})).await?;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": LATENCY_MS,
                "downloadThroughput": DOWNLOAD_BYTES_PER_S,
                "uploadThroughput": UPLOAD_BYTES_PER_S,
            }),
        )
        .await?;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            json!({ "rate": CPU_SLOWDOWN }),
        )
        .await?;
    Ok(())
}

/// Gives `browser` its full network and CPU back.
pub async fn unthrottle(browser: &Browser) -> TestResult {
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({"offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1}),
        )
        .await?;
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
        .await?;
    Ok(())
}

/// Makes `browser` a first-time visitor of `origins`: it leaves for a blank page, then the
/// HTTP cache (compiled code cached with it), cookies and each origin's storage are cleared.
pub async fn forget_visits(browser: &Browser, origins: &[&str]) -> TestResult {
    browser.open("about:blank").await?;
    browser.cdp("Network.enable", json!({})).await?;
    browser.cdp("Network.clearBrowserCache", json!({})).await?;
    browser
        .cdp("Network.clearBrowserCookies", json!({}))
        .await?;
    for origin in origins {
        browser
            .cdp(
                "Storage.clearDataForOrigin",
                json!({"origin": origin, "storageTypes": "all"}),
            )
            .await?;
    }
    Ok(())
}
