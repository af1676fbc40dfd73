//! Signing in through the widget's sign-in popup window.

use crate::harness::Harness;
use crate::TestResult;
use std::time::Duration;
use thirtyfour::WindowHandle;

impl Harness {
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

    /// Clicks `sign_in_css`, signs in as `email` (a user without factors) in the popup that
    /// opens, and comes back to the page's window once the popup is done.
    pub async fn sign_in_by_popup(&self, sign_in_css: &str, email: &str) -> TestResult {
        let driver = &self.browser.driver;
        let page = driver.window().await?;
        let before = driver.windows().await?;
        self.browser.find(sign_in_css).await?.click().await?;
        let popup = self.wait_for_new_window(&before).await?;
        driver.switch_to_window(popup).await?;
        self.tenant_login(email).await?;
        driver.switch_to_window(page).await?;
        Ok(())
    }
}
