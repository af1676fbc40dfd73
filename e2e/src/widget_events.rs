//! Steps of the journeys through a host page that embeds the widget: hearing its
//! `mfa-manager:*` events on the document, naming the tenant as the signed-out screen does,
//! and pressing "Done" after the user's first method, which the tenant then asks for.

use crate::harness::Harness;
use crate::TestResult;
use serde_json::Value;

impl Harness {
    /// Records every `mfa-manager:*` event heard on the document (so they bubble out of the
    /// element) in `window.__events`: the change and error details, and for `done` the
    /// decoded claims of the token, never the token itself.
    pub async fn record_widget_events(&self) -> TestResult {
        self.browser
            .driver
            .execute(
                "window.__events = [];
                 document.addEventListener('mfa-manager:change', (e) => {
                     window.__events.push({ type: 'change', reason: e.detail.reason,
                                            kind: e.detail.kind, keys: Object.keys(e.detail) });
                 });
                 document.addEventListener('mfa-manager:error', (e) => {
                     window.__events.push({ type: 'error', message: e.detail.message });
                 });
                 document.addEventListener('mfa-manager:done', (e) => {
                     const d = e.detail;
                     const b64 = d.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
                     const claims = JSON.parse(atob(b64));
                     window.__events.push({ type: 'done', aud: claims.aud, scope: d.scope,
                                            expires_in: d.expires_in, token_type: d.token_type });
                 });",
                Vec::new(),
            )
            .await?;
        Ok(())
    }

    /// The events recorded by [`Harness::record_widget_events`] of one `type` (`change`,
    /// `error`, `done`).
    pub async fn widget_events(&self, kind: &str) -> TestResult<Vec<Value>> {
        let all = self
            .browser
            .driver
            .execute("return window.__events || [];", Vec::new())
            .await?
            .json()
            .clone();
        Ok(all
            .as_array()
            .map(|all| all.iter().filter(|e| e["type"] == kind).cloned().collect())
            .unwrap_or_default())
    }

    /// The host part of the tenant origin, as the signed-out screen names it.
    pub fn tenant_host(&self) -> String {
        self.tenant
            .origin
            .trim_start_matches("http://")
            .split(':')
            .next()
            .unwrap_or_default()
            .to_owned()
    }

    /// Presses "Done" in the widget inside `widget_css` after the user added an authenticator
    /// app with the setup key `secret`: the silent return now needs the second factor, so one
    /// more popup opens, where the tenant asks only for a new code. Comes back to the page's
    /// window.
    pub async fn done_with_second_factor(&self, widget_css: &str, secret: &str) -> TestResult {
        self.browser
            .click(&format!("{widget_css} #mfa-done"))
            .await?;
        let driver = &self.browser.driver;
        let page = driver.window().await?;
        let before = driver.windows().await?;
        self.browser
            .click(&format!("{widget_css} #mfa-continue"))
            .await?;
        let popup = self.wait_for_new_window(&before).await?;
        self.switch_to_popup(popup).await?;
        self.tenant.advance_clock(30).await?;
        self.tenant_second_factor(&self.tenant.totp(secret)?)
            .await?;
        driver.switch_to_window(page).await?;
        Ok(())
    }
}
