//! Steps shared by the journeys: signing in at the tenant, and the token-leak audit.

use crate::harness::Harness;
use crate::TestResult;
use mfa_emulator::model::seed;
use serde_json::Value;

/// True when a token's `aud` claim (a string or an array) names `wanted`.
pub fn aud_contains(aud: &Value, wanted: &str) -> bool {
    match aud {
        Value::String(s) => s == wanted,
        Value::Array(items) => items.iter().any(|a| a == wanted),
        _ => false,
    }
}

/// Heading of the signed-in screen.
pub const SIGNED_IN_HEADING: &str = "Your sign-in methods";

impl Harness {
    /// Fills the tenant's login form.
    pub async fn tenant_login(&self, email: &str) -> TestResult {
        let b = &self.browser;
        b.find("#username").await?.send_keys(email).await?;
        b.find("#password").await?.send_keys(seed::PASSWORD).await?;
        b.find("#continue").await?.click().await?;
        Ok(())
    }

    /// Answers the tenant's second-factor prompt with a code.
    pub async fn tenant_second_factor(&self, code: &str) -> TestResult {
        let b = &self.browser;
        b.find("#code").await?.send_keys(code).await?;
        b.find("#continue").await?.click().await?;
        Ok(())
    }

    /// From the signed-out screen: signs in as the seeded user without factors.
    pub async fn sign_in_new_user(&self) -> TestResult {
        self.browser.find("#mfa-sign-in").await?.click().await?;
        self.tenant_login(seed::NEW_USER).await?;
        self.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
        Ok(())
    }

    /// From the signed-out screen: signs in as the seeded enrolled user, with a TOTP code.
    pub async fn sign_in_enrolled_user(&self) -> TestResult {
        self.browser.find("#mfa-sign-in").await?.click().await?;
        self.tenant_login(seed::ENROLLED_USER).await?;
        self.tenant_second_factor(&self.tenant.enrolled_totp()?)
            .await?;
        self.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
        Ok(())
    }

    /// On the open phone or email panel: types `destination`, sends a code and waits until
    /// the page says it went to `shown` (the number as normalised, or the address).
    pub async fn send_code(&self, destination: &str, shown: &str) -> TestResult {
        self.browser
            .type_into("#mfa-destination", destination)
            .await?;
        self.browser.click("#mfa-send-code").await?;
        self.browser.wait_text("#mfa-code-sent", shown).await?;
        Ok(())
    }

    /// Types `code` into the phone or email panel's code field and submits it.
    pub async fn enter_oob_code(&self, code: &str) -> TestResult {
        self.browser.type_into("#mfa-oob-code", code).await?;
        self.browser
            .click("#mfa-oob-code ~ button[type=submit]")
            .await
    }

    /// The code demo mode's outbox panel shows for its newest message on `channel`
    /// (`sms`, `voice` or `email`).
    pub async fn demo_code(&self, channel: &str) -> TestResult<String> {
        let css = format!(".mfa-demo-message[data-channel={channel}] .mfa-demo-code");
        Ok(self.browser.find(&css).await?.text().await?)
    }

    /// On the open authenticator-app panel: types the code for the page's setup key (by the
    /// tenant's clock) and verifies it. Returns the setup key without spaces.
    pub async fn verify_app_code(&self) -> TestResult<String> {
        let secret = self
            .browser
            .find("#mfa-otp-secret")
            .await?
            .text()
            .await?
            .replace(' ', "");
        let code = self.tenant.totp(&secret)?;
        self.browser.type_into("#mfa-otp-code", &code).await?;
        self.browser
            .click("#mfa-otp-code ~ button[type=submit]")
            .await?;
        Ok(secret)
    }

    /// On the recovery-code screen: checks that Continue waits for "I have saved this code",
    /// confirms and continues. Returns the code without spaces.
    pub async fn save_recovery_code(&self) -> TestResult<String> {
        let code = self
            .browser
            .find("#mfa-recovery-code")
            .await?
            .text()
            .await?;
        let continue_button = self.browser.find("#mfa-recovery-continue").await?;
        if continue_button.is_enabled().await? {
            return Err("Continue must wait for 'I have saved this code'".into());
        }
        self.browser.click("#mfa-saved-recovery").await?;
        continue_button.click().await?;
        Ok(code.replace(' ', ""))
    }

    /// From the list: adds an authenticator app (the user's first method, so a recovery code
    /// is shown and saved). Returns the setup key.
    pub async fn enroll_authenticator_app(&self) -> TestResult<String> {
        self.browser.click("#mfa-add-app").await?;
        let secret = self.verify_app_code().await?;
        self.save_recovery_code().await?;
        self.browser
            .wait_text("#mfa-announce", "Authenticator app added.")
            .await?;
        Ok(secret)
    }

    /// Asserts that no token (any JWT, `eyJ…`) is in storage, cookies, the URL, the DOM or the
    /// browser console (in Chromium, whose console the driver reads). Tokens must live in
    /// memory only.
    pub async fn audit_no_token_leak(&self, step: &str) -> TestResult {
        let places = self
            .browser
            .driver
            .execute(
                r#"return {
                    localStorage: JSON.stringify(Object.assign({}, localStorage)),
                    sessionStorage: JSON.stringify(Object.assign({}, sessionStorage)),
                    cookie: document.cookie,
                    location: location.href,
                    dom: document.documentElement.outerHTML
                };"#,
                Vec::new(),
            )
            .await?;
        let mut found = Vec::new();
        if let Value::Object(map) = places.json() {
            for (place, text) in map {
                if text.as_str().unwrap_or_default().contains("eyJ") {
                    found.push(place.clone());
                }
            }
        }
        // Only Chromium's driver reads the console; elsewhere the audit covers the rest.
        if self.browser.engine.reads_console() {
            for line in self.browser.console_log().await? {
                if line.contains("eyJ") {
                    found.push(format!("console: {line}"));
                }
            }
        }
        if found.is_empty() {
            Ok(())
        } else {
            Err(format!("{step}: a token is visible in {found:?}").into())
        }
    }
}
