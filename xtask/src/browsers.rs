//! The three browser engines the journeys run in, installed like the rest of the toolchain:
//! Debian's Chromium, Firefox ESR and WebKitGTK (with the virtual display it needs) from apt,
//! and geckodriver from crates.io. Each is skipped when present, and its version is printed.

use crate::paths;
use crate::process::{output, run_checked};
use crate::step::Step;
use std::path::Path;
use std::process::Command;

/// geckodriver release driving Debian's Firefox ESR.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// A browser from Debian's packages: the programs that must exist, the packages providing
/// them, and the command printing its version.
struct DebianBrowser {
    name: &'static str,
    programs: &'static [&'static str],
    packages: &'static [&'static str],
    version: &'static [&'static str],
}

/// Every engine's browser and driver from Debian. WebKitGTK's headless flag hangs, so its
/// browser runs on an Xvfb display.
const DEBIAN_BROWSERS: [DebianBrowser; 3] = [
    DebianBrowser {
        name: "Chromium",
        programs: &[paths::CHROMIUM, paths::CHROMEDRIVER],
        packages: &["chromium", "chromium-driver"],
        version: &[paths::CHROMIUM, "--version"],
    },
    DebianBrowser {
        name: "Firefox ESR",
        programs: &[paths::FIREFOX],
        packages: &["firefox-esr"],
        version: &[paths::FIREFOX, "--version"],
    },
    DebianBrowser {
        name: "WebKitGTK",
        programs: &[paths::MINIBROWSER, paths::WEBKITWEBDRIVER, paths::XVFB],
        packages: &["webkit2gtk-driver", "xvfb"],
        version: &[
            "dpkg-query",
            "-W",
            "-f",
            "${Version}",
            "libwebkit2gtk-4.1-0",
        ],
    },
];

/// Installs what is missing of the three engines and prints their versions.
pub fn install() -> Result<(), String> {
    let missing: Vec<&DebianBrowser> = DEBIAN_BROWSERS
        .iter()
        .filter(|b| !b.programs.iter().all(|p| Path::new(p).exists()))
        .collect();
    if !missing.is_empty() {
        let packages: Vec<&str> = missing.iter().flat_map(|b| b.packages).copied().collect();
        apt_install(&packages)?;
    }
    for browser in &DEBIAN_BROWSERS {
        let step = Step::start(format!(
            "{} ({})",
            browser.name,
            browser.packages.join(", ")
        ));
        let (program, args) = browser.version.split_first().ok_or("no version command")?;
        let version = output(Command::new(program).args(args))
            .ok_or_else(|| format!("{} is installed but `{program}` does not run", browser.name))?;
        let fresh = missing.iter().any(|b| b.name == browser.name);
        step.finish(&format!(
            "{} {version}",
            if fresh { "installed" } else { "present" }
        ));
    }
    crate::setup::cargo_tool(
        "geckodriver",
        "geckodriver",
        GECKODRIVER_VERSION,
        &["--locked"],
    )
}

/// `apt-get install` of `packages`, which needs root.
fn apt_install(packages: &[&str]) -> Result<(), String> {
    let step = Step::start(format!("apt-get install {}", packages.join(" ")));
    if output(Command::new("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!(
            "installing browsers needs root: run `apt-get install {}` as root, then retry",
            packages.join(" ")
        ));
    }
    run_checked(Command::new("apt-get").args(["update", "-qq"]))?;
    run_checked(
        Command::new("apt-get")
            .env("DEBIAN_FRONTEND", "noninteractive")
            .args(["install", "-y", "-qq"])
            .args(packages),
    )?;
    step.finish("installed");
    Ok(())
}
