//! The pictures of `docs/screenshots/`: every main screen of the page (signed out, the
//! authenticator app with its QR code, the recovery code, the list, the removal dialog, the
//! phone), in the light and the dark theme, in English and Arabic, at a phone's and a
//! desktop's width, as PNG files named `SCREEN-LANG-THEME-WIDTH.png`. A user without methods
//! signs in at the emulated tenant and adds an authenticator app, as in the journeys; every
//! step waits on elements, never on words, so any language walks the same path.
//!
//! `screenshots OUT_DIR`, with the built app in `$MFA_DIST` (`cargo xtask screenshots` runs
//! it in the browser's environment).

use e2e::{Harness, Setup, TestResult};
use mfa_emulator::model::seed;
use serde_json::json;
use std::path::{Path, PathBuf};

/// The languages pictured: the reference, and the right-to-left one.
const LANGUAGES: [&str; 2] = ["en", "ar"];
/// The colour schemes the page follows.
const THEMES: [&str; 2] = ["light", "dark"];
/// A phone's viewport (375 CSS pixels, most phones' width) and a desktop's.
const WIDTHS: [(&str, u32); 2] = [("phone", 375), ("desktop", 1024)];
/// The shortest picture; a taller page is pictured whole.
const MIN_HEIGHT: u32 = 640;
/// The tallest picture, should a screen grow without end.
const MAX_HEIGHT: u32 = 4000;

/// Takes the pictures of one language into a folder.
struct Camera<'a> {
    h: &'a Harness,
    out: &'a Path,
    lang: &'static str,
}

impl Camera<'_> {
    /// Pictures the screen shown now as `{screen}-{lang}-{theme}-{width}.png`, in every theme
    /// and at every width, each as tall as the page.
    async fn take(&self, screen: &str) -> TestResult {
        let browser = &self.h.browser;
        for theme in THEMES {
            browser.prefer_color_scheme(theme).await?;
            for (name, width) in WIDTHS {
                self.viewport(width, MIN_HEIGHT).await?;
                let height: u32 = browser
                    .eval("return Math.ceil(document.documentElement.scrollHeight);")
                    .await?;
                self.viewport(width, height.clamp(MIN_HEIGHT, MAX_HEIGHT))
                    .await?;
                let png = browser.driver.screenshot_as_png().await?;
                let file = self
                    .out
                    .join(format!("{screen}-{}-{theme}-{name}.png", self.lang));
                std::fs::write(&file, png)
                    .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            }
        }
        println!("{screen} ({})", self.lang);
        Ok(())
    }

    /// Lays the page out in a viewport of `width` × `height` CSS pixels, one device pixel
    /// each.
    async fn viewport(&self, width: u32, height: u32) -> TestResult {
        let metrics = json!({
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false
        });
        self.h
            .browser
            .cdp("Emulation.setDeviceMetricsOverride", metrics)
            .await
            .map(|_| ())
    }
}

/// Walks through the main screens in `lang` and pictures each.
async fn pictures(out: &Path, lang: &'static str) -> TestResult {
    let h = Harness::start(Setup {
        config_extra: json!({ "lang": lang }),
        ..Setup::default()
    })
    .await?;
    let camera = Camera { h: &h, out, lang };
    let browser = &h.browser;
    h.open_app().await?;
    browser.find("#mfa-sign-in").await?;
    camera.take("signed-out").await?;

    browser.click("#mfa-sign-in").await?;
    h.tenant_login(seed::NEW_USER).await?;
    browser.click("#mfa-add-app").await?;
    browser.find("svg.mfa-qr").await?;
    camera.take("authenticator-app").await?;

    h.verify_app_code().await?;
    browser.find("#mfa-recovery-code").await?;
    camera.take("recovery-code").await?;

    h.save_recovery_code().await?;
    let remove = ".mfa-factor[data-active=true] .mfa-danger";
    browser.find(remove).await?;
    camera.take("list").await?;

    browser.click(remove).await?;
    browser.find("#mfa-confirm-remove").await?;
    camera.take("remove").await?;
    browser.click("#mfa-cancel-remove").await?;

    browser.click("#mfa-add-phone").await?;
    h.send_code("+1 415 555 0100", "+14155550100").await?;
    browser.find("#mfa-oob-code").await?;
    camera.take("phone").await?;
    h.finish().await
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> TestResult {
    let out: PathBuf = std::env::args()
        .nth(1)
        .ok_or("usage: screenshots OUT_DIR")?
        .into();
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // Pictures of screens no longer taken must not linger.
    for entry in std::fs::read_dir(&out)?.flatten() {
        if entry.path().extension().is_some_and(|e| e == "png") {
            std::fs::remove_file(entry.path())?;
        }
    }
    for lang in LANGUAGES {
        pictures(&out, lang).await?;
    }
    Ok(())
}
