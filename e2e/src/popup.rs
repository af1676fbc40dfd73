//! Signing in through the widget's sign-in popup window.

use crate::browser::WAIT;
use crate::harness::{Harness, Setup};
use crate::TestResult;
use std::time::{Duration, Instant};
use thirtyfour::WindowHandle;

impl Harness {
    /// Starts a world whose page signs in by popup (`"mode": "popup"`) and opens the page.
    pub async fn open_popup_app() -> TestResult<Harness> {
        let h = Harness::start(Setup {
            config_extra: serde_json::json!({"mode": "popup"}),
            ..Setup::default()
        })
        .await?;
        h.open_app().await?;
        Ok(h)
    }

    /// Clicks the page's sign-in button and returns the page's window (the popup opens beside
    /// it).
    pub async fn click_sign_in(&self) -> TestResult<WindowHandle> {
        let page = self.browser.driver.window().await?;
        self.browser.find("#mfa-sign-in").await?.click().await?;
        Ok(page)
    }

    /// Waits for a window that is not among `before` (the sign-in popup) and returns it.
    pub async fn wait_for_new_window(&self, before: &[WindowHandle]) -> TestResult<WindowHandle> {
        for _ in 0..200 {
            let windows = self.browser.driver.windows().await?;
            if let Some(new) = windows.into_iter().find(|w| !before.contains(w)) {
                return Ok(new);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err("the sign-in popup did not open".into())
    }

    /// Switches to `popup`, a window the page opened for the tenant, and waits until it shows
    /// the tenant's page, as its user sees it. The page opens the window blank, in the click's
    /// own handler, and points it at the tenant once its sign-in code is there, so the window
    /// may still navigate after it opened; a look into it meanwhile is made again
    /// (WebKitWebDriver fails a look into a window that navigates, instead of waiting).
    pub async fn switch_to_popup(&self, popup: WindowHandle) -> TestResult {
        self.browser.driver.switch_to_window(popup).await?;
        let tenant = [&self.tenant.origin, &self.tenant.custom_origin];
        let deadline = Instant::now() + WAIT;
        let mut at = None;
        while Instant::now() < deadline {
            at = self
                .browser
                .eval::<Option<String>>(
                    "return document.readyState === 'complete' ? location.origin : null;",
                )
                .await
                .unwrap_or(None);
            if at.as_ref().is_some_and(|origin| tenant.contains(&origin)) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Err(format!("the popup did not show the tenant's page within {WAIT:?}: at {at:?}").into())
    }

    /// Clicks `sign_in_css`, signs in as `email` (a user without factors) in the popup that
    /// opens, and comes back to the page's window once the popup is done.
    pub async fn sign_in_by_popup(&self, sign_in_css: &str, email: &str) -> TestResult {
        let driver = &self.browser.driver;
        let page = driver.window().await?;
        let before = driver.windows().await?;
        self.browser.find(sign_in_css).await?.click().await?;
        let popup = self.wait_for_new_window(&before).await?;
        self.switch_to_popup(popup).await?;
        self.tenant_login(email).await?;
        driver.switch_to_window(page).await?;
        Ok(())
    }
}
