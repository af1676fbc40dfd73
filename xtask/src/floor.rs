//! The bundle's floor: `xtask/floor`, a page that uses Leptos and each crate mfa-manager's page
//! requires once and nothing else, built and shrunk exactly like the page. `cargo xtask bench`
//! reports it beside the page, so the share of the bundle that is the project's own code is a
//! measured figure, and what each required piece costs: the floor is built again without it
//! (each piece is a cargo feature of the reference page) and the difference is its cost.

use crate::sizes::{self, Totals};
use crate::wasm_module::{self, Target};
use crate::{minify, paths};
use serde_json::{json, Value};
use std::fs;

/// The reference page's package.
const PACKAGE: &str = "mfa-bundle-floor";
/// Its wasm file name as cargo writes it.
const WASM: &str = "mfa-bundle-floor.wasm";

/// The reference page's features, one per piece of work (`xtask/floor/Cargo.toml`).
const FEATURES: [&str; 4] = ["authorize", "exchange", "api", "qr"];

/// The pieces measured by leaving them out: key in `bench.json`, what the piece is, and the
/// features it leaves out.
const PIECES: [(&str, &str, &[&str]); 4] = [
    (
        "oauth2",
        "oauth2: PKCE, /authorize URL, code exchange",
        &["authorize", "exchange"],
    ),
    (
        "oauth2_exchange",
        "  of which the code exchange",
        &["exchange"],
    ),
    ("json_get", "gloo-net + serde_json: one JSON GET", &["api"]),
    ("qr", "qrcode: one QR code", &["qr"]),
];

/// The cargo argument selecting every feature but those in `left_out`.
fn features_without(left_out: &[&str]) -> String {
    let kept: Vec<&str> = FEATURES
        .into_iter()
        .filter(|f| !left_out.contains(f))
        .collect();
    format!("--features={}", kept.join(","))
}

/// The floor's size and what its pieces cost, in brotli bytes.
pub struct Floor {
    /// The whole reference page (wasm and glue).
    pub total: Totals,
    /// The reference page with no piece: Leptos, wasm-bindgen and web-sys alone.
    pub leptos_alone: usize,
    /// Each piece's description and what leaving it out saves.
    pub pieces: Vec<(&'static str, &'static str, usize)>,
}

impl Floor {
    /// The figures as `bench.json` keeps them.
    pub fn to_json(&self) -> Value {
        let pieces: serde_json::Map<String, Value> = self
            .pieces
            .iter()
            .map(|(key, _, saved)| (key.to_string(), json!(saved)))
            .collect();
        json!({
            "raw": self.total.raw,
            "gzip": self.total.gzip,
            "brotli": self.total.brotli,
            "leptos_alone_brotli": self.leptos_alone,
            "piece_cost_brotli": pieces,
        })
    }
}

/// Builds the reference page without each piece in turn, then whole (left in `target/floor/`).
pub fn measure() -> Result<Floor, String> {
    let leptos_alone = build(&["--no-default-features"])?.brotli;
    let mut without = Vec::new();
    for (key, label, left_out) in PIECES {
        let features = features_without(left_out);
        without.push((
            key,
            label,
            build(&["--no-default-features", &features])?.brotli,
        ));
    }
    let total = build(&[])?;
    let pieces = without
        .into_iter()
        .map(|(key, label, brotli)| (key, label, total.brotli.saturating_sub(brotli)))
        .collect();
    Ok(Floor {
        total,
        leptos_alone,
        pieces,
    })
}

/// One release build of the reference page with `features`, shrunk like the page; its sizes.
fn build(features: &[&str]) -> Result<Totals, String> {
    let out = paths::root().join("target/floor");
    let _ = fs::remove_dir_all(&out);
    wasm_module::build(PACKAGE, Target::Bin, WASM, &out, true, features)?;
    minify::glue(&out, true)?;
    Ok(sizes::totals(&sizes::measure(&out)?, |_| true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_piece_is_left_out_alone() {
        assert_eq!(
            features_without(&["exchange"]),
            "--features=authorize,api,qr"
        );
        assert_eq!(
            features_without(&["authorize", "exchange"]),
            "--features=api,qr"
        );
        assert_eq!(
            features_without(&[]),
            "--features=authorize,exchange,api,qr"
        );
    }

    #[test]
    fn the_reference_page_has_exactly_these_features_by_default() {
        let manifest = include_str!("../floor/Cargo.toml");
        let default = manifest
            .lines()
            .find_map(|l| l.strip_prefix("default = "))
            .expect("a default feature list");
        let listed: Vec<String> = serde_json::from_str(default).expect("a list of names");
        assert_eq!(listed, FEATURES);
        for (_, _, left_out) in PIECES {
            assert!(
                left_out.iter().all(|f| FEATURES.contains(f)),
                "{left_out:?}"
            );
        }
    }
}
