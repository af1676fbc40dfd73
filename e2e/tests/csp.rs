//! The page under the deployment's Content-Security-Policy (no `'unsafe-inline'`): the static
//! host sends it on every response, and whole journeys run without a single violation, seen
//! both by a `securitypolicyviolation` listener and (in Chromium, whose console the driver
//! reads) in the browser console. A negative control proves the check does catch violations.

use e2e::site::{content_security_policy, dist_dir};
use e2e::{Harness, Setup, TestResult};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Installs a listener recording every violation in `window.__cspViolations` (once per page).
const LISTEN: &str = r#"
if (!window.__cspViolations) {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || '?'}`
      + ` at ${e.sourceFile || document.URL}:${e.lineNumber} sample ${JSON.stringify(e.sample)}`);
  });
}
return true;"#;

/// Returns and forgets the violations recorded so far on this page.
const TAKE: &str = "return window.__cspViolations ? window.__cspViolations.splice(0) : null;";

/// Violations seen over a whole journey, across page loads.
#[derive(Default)]
struct Violations {
    seen: Vec<String>,
}

impl Violations {
    /// Collects what the page recorded, then listens on the page now loaded. Call it right
    /// after every page load: violations before it are caught by the console check.
    async fn watch(&mut self, h: &Harness) -> TestResult {
        self.collect(h).await?;
        h.browser.driver.execute(LISTEN, Vec::new()).await?;
        Ok(())
    }

    /// Adds the listener's and the console's reports to `seen`.
    async fn collect(&mut self, h: &Harness) -> TestResult {
        let recorded = h.browser.driver.execute(TAKE, Vec::new()).await?;
        if let Value::Array(list) = recorded.json() {
            self.seen.extend(
                list.iter()
                    .map(|v| format!("listener: {}", v.as_str().unwrap_or_default())),
            );
        }
        // Only Chromium's driver reads the console; elsewhere the listener alone reports.
        if h.browser.engine.reads_console() {
            for line in h.browser.console_log().await? {
                if line.contains("Content Security Policy") {
                    self.seen.push(format!("console: {line}"));
                }
            }
        }
        Ok(())
    }

    /// Fails with every violation seen during `journey`.
    async fn assert_none(self, h: &Harness, journey: &str) -> TestResult {
        self.assert_none_after(h, journey, Ok(())).await
    }

    /// Fails with every violation seen during `journey`, and with its `outcome` (a failed step
    /// then lists the violations too: a blocked resource is often why it failed).
    async fn assert_none_after(
        mut self,
        h: &Harness,
        journey: &str,
        outcome: TestResult,
    ) -> TestResult {
        let collected = self.collect(h).await;
        match (outcome, collected) {
            (Err(e), _) => {
                Err(format!("{journey}: {e}; CSP violations seen: {:#?}", self.seen).into())
            }
            (Ok(()), Err(e)) => Err(e),
            (Ok(()), Ok(())) if self.seen.is_empty() => Ok(()),
            (Ok(()), Ok(())) => Err(format!("{journey}: CSP violations: {:#?}", self.seen).into()),
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_host_sends_the_policy_on_every_response_and_the_page_has_no_inline_script(
) -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    let expected = content_security_policy(&h.tenant.origin);
    assert!(!expected.contains("unsafe-inline"), "{expected}");
    let mut paths = vec![
        String::new(),
        "config.json".into(),
        "widget.html".into(),
        "widget-host.js".into(),
        "no-such-file".into(),
    ];
    for entry in std::fs::read_dir(dist_dir()?)? {
        paths.push(entry?.file_name().to_string_lossy().into_owned());
    }
    let http = reqwest::Client::new();
    for path in &paths {
        let url = format!("{}{path}", h.site.url);
        let response = http.get(&url).send().await?;
        let csp = response
            .headers()
            .get("content-security-policy")
            .map(|v| v.to_str().unwrap_or_default().to_owned());
        assert_eq!(csp.as_deref(), Some(expected.as_str()), "{url}");
    }
    let index = http.get(&h.site.url).send().await?.text().await?;
    let inline = index
        .split("<script")
        .skip(1)
        .filter(|tag| !tag.split('>').next().unwrap_or_default().contains("src="))
        .count();
    assert_eq!(inline, 0, "index.html has an inline script: {index}");
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_out_page_renders_without_violations() -> TestResult {
    let h = Harness::start(Setup {
        base_path: "/account/security/".into(),
        ..Setup::default()
    })
    .await?;
    let mut violations = Violations::default();
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    violations.watch(&h).await?;
    // The stylesheet applies (style-src 'self'): the sign-in button is not unstyled.
    let styled: bool = h
        .browser
        .eval(
            "return document.styleSheets.length > 0 \
             && document.styleSheets[0].cssRules.length > 0;",
        )
        .await?;
    assert!(styled, "the stylesheet did not load");
    violations.assert_none(&h, "signed-out page").await?;
    h.finish().await
}

/// Marks the current page, so that [`still_same_page`] tells whether it was left since.
async fn mark_page(h: &Harness) -> TestResult {
    h.browser
        .driver
        .execute("window.__samePage = true;", Vec::new())
        .await?;
    Ok(())
}

/// True when the page marked by [`mark_page`] is still the one shown (no navigation).
async fn still_same_page(h: &Harness) -> TestResult<bool> {
    h.browser.eval("return window.__samePage === true;").await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_enroll_an_app_and_done_without_violations() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let mut violations = Violations::default();
    let journey = async {
        h.open_app().await?;
        h.browser.find("#mfa-sign-in").await?;
        violations.watch(&h).await?;

        h.sign_in_new_user().await?;
        violations.watch(&h).await?;

        let secret = h.enroll_authenticator_app().await?;
        violations.collect(&h).await?;

        // Done tries the hidden iframe first (frame-src); the tenant session predates the new
        // factor, so the tenant wants it and the page signs in again at the tenant.
        h.browser.click("#mfa-done").await?;
        h.browser.find("#code").await?;
        h.tenant.advance_clock(30).await?;
        h.tenant_second_factor(&h.tenant.totp(&secret)?).await?;
        h.browser.wait_text("#mfa-finished", "All set").await?;
        violations.watch(&h).await?;
        TestResult::Ok(())
    }
    .await;
    violations
        .assert_none_after(&h, "sign-in, authenticator app, done", journey)
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn done_re_authorizes_silently_in_the_hidden_iframe_without_violations() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let mut violations = Violations::default();
    let journey = async {
        h.open_app().await?;
        h.browser.find("#mfa-sign-in").await?;
        violations.watch(&h).await?;
        h.sign_in_enrolled_user().await?;
        violations.watch(&h).await?;
        mark_page(&h).await?;
        h.browser.click("#mfa-done").await?;
        h.browser.wait_text("#mfa-finished", "All set").await?;
        if !still_same_page(&h).await? {
            return Err("Done left the page instead of re-authorizing in the iframe".into());
        }
        TestResult::Ok(())
    }
    .await;
    violations
        .assert_none_after(&h, "silent done", journey)
        .await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn widget_host_page_renders_without_violations() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let mut violations = Violations::default();
    h.browser
        .open(&format!("{}widget.html", h.site.url))
        .await?;
    h.browser.find("#widget #mfa-sign-in").await?;
    violations.watch(&h).await?;
    violations.assert_none(&h, "widget host page").await?;
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn negative_control_inline_script_and_style_are_reported() -> TestResult {
    let h = Harness::start(Setup::default()).await?;
    let mut violations = Violations::default();
    h.open_app().await?;
    h.browser.find("#mfa-sign-in").await?;
    violations.watch(&h).await?;
    h.browser
        .driver
        .execute(
            "const s = document.createElement('script');
             s.textContent = 'window.__inlineRan = true;';
             document.head.appendChild(s);
             const st = document.createElement('style');
             st.textContent = 'body { outline: 1px solid red; }';
             document.head.appendChild(st);",
            Vec::new(),
        )
        .await?;
    // Reports arrive asynchronously: wait for the listener to see both and the console the script.
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        violations.collect(&h).await?;
        let listener = |directive: &str| {
            violations
                .seen
                .iter()
                .any(|v| v.starts_with(&format!("listener: {directive} ")))
        };
        let console = violations
            .seen
            .iter()
            .any(|v| v.starts_with("console: ") && v.contains("inline script"));
        if listener("script-src-elem") && listener("style-src-elem") && console {
            break;
        }
        if Instant::now() > deadline {
            return Err(format!(
                "the injected inline script and style were not both reported by the listener, or the \
                 console did not report the script: {:#?}",
                violations.seen
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let ran: bool = h
        .browser
        .eval("return window.__inlineRan === true;")
        .await?;
    assert!(!ran, "the injected inline script ran");
    h.finish().await
}
