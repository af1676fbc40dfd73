//! Accessibility checks: axe-core's WCAG 2.2 AA rules run inside the page, and keyboard-only
//! navigation helpers.

use crate::harness::Harness;
use crate::TestResult;
use serde_json::Value;
use std::path::PathBuf;
use thirtyfour::Key;

/// The axe-core browser build installed by `cargo xtask setup`.
fn axe_script() -> TestResult<String> {
    let path = std::env::var_os("AXE_SCRIPT")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../.tools/node_modules/axe-core/axe.min.js")
        });
    std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read axe-core at {} ({e}): run `cargo xtask setup`",
            path.display()
        )
        .into()
    })
}

/// Rule tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']";

impl Harness {
    /// Runs axe-core on the current page and fails with the violations, naming `screen`.
    pub async fn assert_accessible(&self, screen: &str) -> TestResult {
        let driver = &self.browser.driver;
        let loaded: bool = driver
            .execute("return typeof window.axe !== 'undefined';", Vec::new())
            .await?
            .convert()?;
        if !loaded {
            driver.execute(&axe_script()?, Vec::new()).await?;
        }
        let script = format!(
            "const done = arguments[arguments.length - 1];
             axe.run(document, {{ runOnly: {{ type: 'tag', values: {WCAG_TAGS} }} }})
               .then(r => done(r.violations.map(v => ({{
                   id: v.id, impact: v.impact, help: v.help,
                   nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)
               }}))))
               .catch(e => done([{{ id: 'axe-error', help: String(e) }}]));"
        );
        let violations = driver
            .execute_async(&script, Vec::new())
            .await?
            .json()
            .clone();
        match violations.as_array() {
            Some(list) if list.is_empty() => Ok(()),
            _ => Err(format!("{screen}: accessibility violations: {violations:#}").into()),
        }
    }

    /// Presses Tab until the focused element's text or id matches `target` (at most 60 times).
    pub async fn tab_to(&self, target: &str) -> TestResult {
        for _ in 0..60 {
            if self.focused_matches(target).await? {
                return Ok(());
            }
            self.press(Key::Tab).await?;
        }
        Err(format!("Tab never reached {target:?}").into())
    }

    /// True once the focused element's id or text is `target`, waiting a moment for focus
    /// the page moves on its next frame (a newly opened panel's heading).
    pub async fn focus_arrives(&self, target: &str) -> TestResult<bool> {
        for _ in 0..40 {
            if self.focused_matches(target).await? {
                return Ok(true);
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        Ok(false)
    }

    /// True when the focused element's id or text is `target`.
    pub async fn focused_matches(&self, target: &str) -> TestResult<bool> {
        let focused: Value = self
            .browser
            .driver
            .execute(
                "const e = document.activeElement;
                 return e ? { id: e.id, text: (e.innerText || e.value || '').trim() } : null;",
                Vec::new(),
            )
            .await?
            .json()
            .clone();
        Ok(focused["id"] == target || focused["text"] == target)
    }

    /// Sends one key to the focused element.
    pub async fn press(&self, key: Key) -> TestResult {
        self.browser
            .driver
            .active_element()
            .await?
            .send_keys(key)
            .await?;
        Ok(())
    }

    /// Types text into the focused element.
    pub async fn type_text(&self, text: &str) -> TestResult {
        self.browser
            .driver
            .active_element()
            .await?
            .send_keys(text)
            .await?;
        Ok(())
    }
}
