//! The engines `cargo xtask test` runs the journeys in, and the journeys that need a feature
//! only Chromium's driver offers (the DevTools protocol, its console log), which run in
//! Chromium alone. Everything a user does runs in all three engines; a Chromium-only journey
//! run by hand in another engine fails with "Chromium only" rather than passing.

use std::fmt;

/// A browser engine of the end-to-end journeys (`MFA_ENGINE` of the e2e harness).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    /// Debian's Chromium through ChromeDriver.
    Chromium,
    /// Debian's Firefox ESR through geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser through WebKitWebDriver, on an Xvfb display.
    Webkit,
}

impl Engine {
    /// Every engine, in the order the journeys run.
    pub const ALL: [Engine; 3] = [Engine::Chromium, Engine::Firefox, Engine::Webkit];

    /// The value of `MFA_ENGINE`.
    pub fn variable(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::Webkit => "webkit",
        }
    }

    /// The name of the e2e stage in the summary table.
    pub fn stage(self) -> &'static str {
        match self {
            Engine::Chromium => "e2e Chromium",
            Engine::Firefox => "e2e Firefox",
            Engine::Webkit => "e2e WebKit",
        }
    }

    /// The journeys this engine leaves out, with why: none for Chromium.
    pub fn left_out(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Engine::Chromium => &[],
            Engine::Firefox | Engine::Webkit => CHROMIUM_ONLY,
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Engine::Chromium => "Chromium",
            Engine::Firefox => "Firefox",
            Engine::Webkit => "WebKit",
        })
    }
}

/// Journeys (test names, as `cargo test` matches them) that run in Chromium only, and the
/// Chromium-only feature each needs.
pub const CHROMIUM_ONLY: &[(&str, &str)] = &[(
    "dark_theme_",
    "emulates prefers-color-scheme and forced-colors through the DevTools protocol",
)];

/// `--skip NAME` for every journey `engine` leaves out, for the test runner.
pub fn skip_args(engine: Engine) -> Vec<String> {
    engine
        .left_out()
        .iter()
        .flat_map(|(name, _)| ["--skip".to_owned(), (*name).to_owned()])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_other_engines_skip_and_each_skip_says_why() {
        assert!(skip_args(Engine::Chromium).is_empty());
        let skips = skip_args(Engine::Webkit);
        assert_eq!(skips.len(), 2 * CHROMIUM_ONLY.len());
        assert!(CHROMIUM_ONLY.iter().all(|(name, why)| {
            !name.is_empty() && why.len() > 10 && skips.contains(&(*name).to_owned())
        }));
    }
}
