//! The `config.json` a test puts beside the app. The static host serves it and the examples'
//! placeholders are filled in from it, so it sits apart from both.

/// What the host serves as `config.json`.
#[derive(Clone, Debug)]
pub enum ConfigFile {
    /// A JSON document.
    Json(serde_json::Value),
    /// Any text, e.g. broken JSON.
    Raw(String),
    /// No config file at all (404).
    Missing,
}
