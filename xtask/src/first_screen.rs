//! The last step of trunk's post-build hook: the page's first screen before its app. It takes
//! the tags that start the app out of `index.html` (trunk's loader, now a file, and the
//! preloads of the glue and the wasm), writes the first-screen script (`src/first_screen/`:
//! the screen shared with the widget's entry module, `screen.js`, with every language's texts
//! of the signed-out screen at its marker, then the page's part, `page.js`, with those tags at
//! its marker) as `first-screen-HASH.js`, and links that script instead. A cold visitor then
//! downloads the page, its stylesheet, `config.json` and this small script before the
//! signed-out screen is interactive; the app follows.

use crate::content_hash::hashed_name;
use crate::externalize::{scan, Element};
use crate::integrity::sha384;
use crate::paths;
use crate::texts;
use serde_json::{json, Map, Value};
use std::fs;
use std::path::Path;

/// The screen's source, shared by the page's script and the widget's entry module, relative
/// to the workspace root.
pub const SCREEN_SOURCE: &str = "src/first_screen/screen.js";
/// The page's part of the script, relative to the workspace root.
pub const SOURCE: &str = "src/first_screen/page.js";
/// Start of the script's file name in the build (`first-screen-HASH.js`).
pub const PREFIX: &str = "first-screen-";
/// Where the script expects its texts (`{locale: {dir, texts}}`).
const TEXTS_MARKER: &str = "/*mfa-first-screen-texts*/";
/// Where the script expects the tags that start the app (`[[name, {attribute: value}]]`).
const APP_MARKER: &str = "/*mfa-first-screen-app*/";
/// The keys of the signed-out screen's texts, in the order the script reads them.
pub const KEYS: [&str; 7] = [
    "heading",
    "signed_out_title",
    "signed_out_intro",
    "sign_in_at",
    "sign_in",
    "taking_you_to_sign_in",
    "part_unavailable",
];
/// Locales written right to left (as `Lang::dir` says in the page).
const RIGHT_TO_LEFT: &[&str] = &["ar"];

/// Writes the first-screen script into the build in `dir` (minified for `release`) and links
/// it from `index.html`.
pub fn run(dir: &Path, release: bool) -> Result<(), String> {
    let index = dir.join("index.html");
    let html =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let (html, app) = take_app_tags(&html).map_err(|e| format!("{}: {e}", index.display()))?;
    let page = fill(&source(SOURCE)?, &[(APP_MARKER, app.to_string())])?;
    let script = format!("{}\n{page}", screen()?);
    let plain = dir.join("first-screen.js");
    fs::write(&plain, &script).map_err(|e| format!("cannot write {}: {e}", plain.display()))?;
    if release {
        crate::minify::js(&plain)?;
    }
    let script = fs::read(&plain).map_err(|e| format!("cannot read {}: {e}", plain.display()))?;
    let name = hashed_name(&plain, "first-screen.js")?;
    fs::rename(&plain, dir.join(&name))
        .map_err(|e| format!("cannot rename {}: {e}", plain.display()))?;
    let tag = format!(
        "<script type=\"module\" src=\"./{name}\" integrity=\"{}\" crossorigin=\"anonymous\"></script>",
        sha384(&script)
    );
    let html = html.replacen("</head>", &format!("  {tag}\n  </head>"), 1);
    fs::write(&index, html).map_err(|e| format!("cannot write {}: {e}", index.display()))
}

/// True for a tag that starts the app: trunk's loader (a file after `externalize.rs`), the
/// preload of its glue module and of its wasm.
fn starts_app(element: &Element) -> bool {
    let rel = element.attr("rel").unwrap_or_default();
    match element.name.as_str() {
        "script" => element.attr("src").is_some_and(|src| src.contains("init-")),
        "link" => {
            rel == "modulepreload"
                || (rel == "preload" && element.attr("type") == Some("application/wasm"))
        }
        _ => false,
    }
}

/// `html` without the tags that start the app, and those tags as `[name, {attribute: value}]`.
fn take_app_tags(html: &str) -> Result<(String, Value), String> {
    let mut out = String::with_capacity(html.len());
    let mut tags = Vec::new();
    let mut copied = 0;
    for element in scan(html)?.iter().filter(|e| starts_app(e)) {
        let attributes: Map<String, Value> = element
            .attrs
            .iter()
            .map(|(name, value)| (name.clone(), json!(value.clone().unwrap_or_default())))
            .collect();
        tags.push(json!([element.name, attributes]));
        // The tag and the whitespace before it on its line.
        let start = html[..element.open.start]
            .trim_end_matches([' ', '\t'])
            .len();
        out.push_str(&html[copied..start]);
        copied = element.end;
        if html[copied..].starts_with('\n') {
            copied += 1;
        }
    }
    out.push_str(&html[copied..]);
    if !tags.iter().any(|t| t[0] == "script") {
        return Err(
            "no <script src=\"…init-….js\"> loader to start the app from \
             (did the post-build hook's first step run?)"
                .into(),
        );
    }
    Ok((out, Value::Array(tags)))
}

/// The signed-out screen's texts of every language, by locale: `{dir, texts}` with the texts
/// in [`KEYS`] order.
fn first_screen_texts() -> Result<Value, String> {
    let mut by_locale = Map::new();
    for table in texts::every_table()? {
        let text = |key: &str| {
            table
                .get(key)
                .cloned()
                .ok_or_else(|| format!("a language table has no {key}"))
        };
        let locale = text("locale")?;
        let dir = if RIGHT_TO_LEFT.contains(&locale.as_str()) {
            "rtl"
        } else {
            "ltr"
        };
        let list = KEYS
            .iter()
            .map(|k| text(k))
            .collect::<Result<Vec<_>, _>>()?;
        by_locale.insert(locale, json!({ "dir": dir, "texts": list }));
    }
    Ok(Value::Object(by_locale))
}

/// The text of the source file `relative` to the workspace root.
pub fn source(relative: &str) -> Result<String, String> {
    let path = paths::root().join(relative);
    fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// The screen shared by the page's script and the widget's entry module, with every
/// language's texts.
pub fn screen() -> Result<String, String> {
    let texts = first_screen_texts()?.to_string();
    fill(&source(SCREEN_SOURCE)?, &[(TEXTS_MARKER, texts)])
}

/// `source` with each `(marker, value)`'s value written in place of the marker, the value
/// between its two occurrences and the marker itself.
pub fn fill(source: &str, values: &[(&str, String)]) -> Result<String, String> {
    let mut script = source.to_owned();
    for (marker, value) in values {
        let start = script
            .find(marker)
            .ok_or_else(|| format!("a script source has no {marker}"))?;
        let end = script[start + marker.len()..]
            .find(marker)
            .map(|i| start + marker.len() + i + marker.len())
            .ok_or_else(|| format!("a script source has {marker} once, not around a value"))?;
        script.replace_range(start..end, value);
    }
    Ok(script)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_HEAD: &str = r#"<head>
    <link rel="modulepreload" href="./m-1.js" crossorigin="anonymous" integrity="sha384-a">
    <link rel="preload" href="./m-1_bg.wasm" crossorigin="anonymous" integrity="sha384-b" as="fetch" type="application/wasm">
    <link rel="preload" href="config.json" as="fetch" crossorigin />
    <link rel="stylesheet" href="./main-2.css" integrity="sha384-c"/>
    <script src="./init-3.js" type="module" integrity="sha384-d"></script>
  </head><body></body>"#;

    #[test]
    fn the_tags_that_start_the_app_move_into_the_script() {
        let (html, app) = take_app_tags(TRUNK_HEAD).unwrap();
        assert!(!html.contains("m-1") && !html.contains("init-3"), "{html}");
        assert!(
            html.contains("config.json") && html.contains("main-2.css"),
            "{html}"
        );
        assert_eq!(app.as_array().unwrap().len(), 3);
        assert_eq!(app[0][1]["href"], "./m-1.js");
        assert_eq!(app[1][1]["type"], "application/wasm");
        assert_eq!(app[2][0], "script");
        assert_eq!(app[2][1]["integrity"], "sha384-d");
    }

    #[test]
    fn a_page_without_trunks_loader_is_refused() {
        let err = take_app_tags("<head></head>").unwrap_err();
        assert!(err.contains("init-"), "{err}");
    }

    #[test]
    fn every_language_has_the_first_screens_texts() {
        let texts = first_screen_texts().unwrap();
        let locales: Vec<&String> = texts.as_object().unwrap().keys().collect();
        assert_eq!(locales.len(), 7, "{locales:?}");
        assert_eq!(texts["ar"]["dir"], "rtl");
        assert_eq!(texts["pt-BR"]["dir"], "ltr");
        assert_eq!(texts["en"]["texts"][4], "Sign in");
        assert!(texts["de"]["texts"][3].as_str().unwrap().contains("{host}"));
    }

    #[test]
    fn the_scripts_get_their_values_between_the_markers() {
        let page = fill(
            &source(SOURCE).unwrap(),
            &[(APP_MARKER, json!([["script", {}]]).to_string())],
        )
        .unwrap();
        assert!(!page.contains("mfa-first-screen-"), "{page}");
        assert!(page.contains(r#"const APP = [["script",{}]];"#), "{page}");
        let screen = screen().unwrap();
        assert!(!screen.contains("mfa-first-screen-"), "{screen}");
        assert!(screen.contains(r#"const TEXTS = {"#), "{screen}");
        assert!(screen.contains(r#""Sign in""#), "{screen}");
    }

    #[test]
    fn a_missing_or_lone_marker_is_named() {
        let err = fill("const A = 1;", &[("/*m*/", "2".into())]).unwrap_err();
        assert!(err.contains("no /*m*/"), "{err}");
        let err = fill("const A = /*m*/ 1;", &[("/*m*/", "2".into())]).unwrap_err();
        assert!(err.contains("once"), "{err}");
    }
}
