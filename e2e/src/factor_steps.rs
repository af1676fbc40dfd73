//! Factor journeys' steps that run the same on either API the page can manage methods with
//! (the MFA API and the My Account API), so each backend's journeys say only what differs.

use crate::harness::{Harness, Setup};
use crate::TestResult;
use serde_json::{json, Value};
use thirtyfour::Key;

impl Harness {
    /// Starts a world whose page manages methods with `api` (`mfa` or `my-account`), and
    /// signs in as the seeded user without factors, up to the listed (empty) methods: a fault
    /// a journey injects next then meets the journey's own request, not the first listing.
    pub async fn signed_in_new_user_on(api: &str) -> TestResult<Harness> {
        let h = Harness::start(Setup {
            config_extra: json!({ "api": api }),
            ..Setup::default()
        })
        .await?;
        h.open_app().await?;
        h.sign_in_new_user().await?;
        h.browser.find("#mfa-add-app").await?;
        h.browser
            .wait_text("#mfa-empty", "no extra sign-in methods")
            .await?;
        Ok(h)
    }

    /// On the authenticator-app panel: `attempts` wrong codes, each explained, and the hint
    /// to check the phone's clock from the second one on.
    pub async fn wrong_app_codes(&self, attempts: u32) -> TestResult {
        for attempt in 1..=attempts {
            self.browser.type_into("#mfa-otp-code", "000000").await?;
            self.browser
                .click("#mfa-otp-code ~ button[type=submit]")
                .await?;
            self.browser.wait_text("[role=alert]", "code").await?;
            if attempt >= 2 {
                self.browser
                    .wait_text("#mfa-clock-hint", "date and time")
                    .await?;
            }
        }
        Ok(())
    }

    /// From the list: asks for push notifications, waits for the enrollment QR code and the
    /// waiting state, and returns the id of the push request the tenant "sent".
    pub async fn start_push(&self) -> TestResult<u64> {
        self.browser.click("#mfa-add-push").await?;
        self.browser.find("svg.mfa-qr").await?;
        self.browser
            .wait_text("#mfa-push-waiting", "Waiting for your approval")
            .await?;
        let message = self.tenant.last_message("push").await?;
        message["id"]
            .as_u64()
            .ok_or_else(|| "push message has no id".into())
    }

    /// From the list: asks for push notifications and answers the request on the "phone"
    /// (`approve` or reject it).
    pub async fn answer_push_enrollment(&self, approve: bool) -> TestResult {
        let id = self.start_push().await?;
        let answer = if approve { "approve" } else { "reject" };
        self.tenant
            .control("POST", &format!("push/{id}/{answer}"), None)
            .await
            .map(drop)
    }

    /// From the list: adds `address` as an email method with the code the tenant sent,
    /// typed as `typed` makes it from the code.
    pub async fn enroll_email(&self, address: &str, typed: impl Fn(&str) -> String) -> TestResult {
        self.browser.click("#mfa-add-email").await?;
        self.send_code(address, address).await?;
        let message: Value = self.tenant.last_message("email").await?;
        let code = message["code"].as_str().ok_or("no code")?.to_owned();
        self.enter_oob_code(&typed(&code)).await
    }

    /// The tenant refuses the next call below `path_prefix` with a 6-minute rate limit; the
    /// authenticator-app panel says how long to wait, and "Try again" then works.
    pub async fn rate_limited_app_enrollment(&self, path_prefix: &str) -> TestResult {
        self.tenant
            .inject(
                json!({"kind": "rate_limit", "retry_after_seconds": 360, "count": 1,
                           "path_prefix": path_prefix}),
            )
            .await?;
        self.browser.click("#mfa-add-app").await?;
        self.browser.wait_text("[role=alert]", "6 minutes").await?;
        self.browser.wait_text("button", "Try again").await?;
        self.browser
            .click(".mfa-card .mfa-actions .mfa-button")
            .await?;
        self.browser.find("#mfa-otp-secret").await?;
        Ok(())
    }

    /// Renames the method whose Rename button matches `rename_css` to `name` (the field
    /// emptied as a user would, `name` typed, then Save).
    pub async fn rename(&self, rename_css: &str, name: &str) -> TestResult {
        self.browser.click(rename_css).await?;
        let field = self.browser.find("#mfa-rename-field").await?;
        field.send_keys(Key::Control + "a").await?;
        field.send_keys(Key::Backspace).await?;
        if !name.is_empty() {
            field.send_keys(name).await?;
        }
        self.browser.click("#mfa-rename-save").await
    }
}
