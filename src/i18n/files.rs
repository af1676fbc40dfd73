//! The tables of the release page's other languages, as files of the build: the page compiles
//! in English only, and `cargo xtask dist` writes every other table as
//! `texts/STEM-HASH.json` (a JSON array of its texts in key order, see
//! [`Texts::from_list`]) and names those files in the script below, each as
//! `new URL("…", import.meta.url)` with a literal name (so a bundler that copies the npm
//! package into a host app's build copies them too). Each file is fetched once,
//! relative to this module (so a widget mounted from another folder finds it too), and the
//! page waits for it before its first screen; a file that cannot be loaded leaves the page
//! in English, with a warning in the console.
//!
//! The script starts fetching the language of the page URL's `?lang=` or else of the
//! browser's preferences as soon as the page's module is evaluated, while the wasm is still
//! downloading; [`load`] takes over that fetch when it asks for the same language.

use super::Texts;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const FILES = /*mfa-text-files*/{}/*mfa-text-files*/;
const loads = new Map();
export function load_texts(stem) {
  let load = loads.get(stem);
  if (!load) {
    const file = FILES[stem];
    load = file
      ? fetch(file()).then((r) => {
          if (!r.ok) throw new Error(`HTTP ${r.status} for ${r.url}`);
          return r.json();
        })
      : Promise.reject(new Error(`this build has no file for ${stem}`));
    loads.set(stem, load);
    load.catch(() => loads.delete(stem));
  }
  return load;
}
const asked = [new URLSearchParams(location.search).get("lang") || "", ...navigator.languages];
for (const tag of asked) {
  const primary = tag.split(/[-_]/)[0].toLowerCase();
  if (primary === "en") break;
  const stem = Object.keys(FILES).find((s) => s.split("_")[0] === primary);
  if (stem) {
    load_texts(stem).catch(() => {});
    break;
  }
}
"#)]
extern "C" {
    /// A promise of the texts of the language whose file is named `stem`: an array of
    /// strings, as fetched and parsed by the browser.
    fn load_texts(stem: &str) -> js_sys::Promise;
}

thread_local! {
    /// The tables loaded so far (never more than the few languages a page shows).
    static LOADED: RefCell<Vec<(&'static str, &'static Texts)>> = const { RefCell::new(Vec::new()) };
}

/// The table of the language whose file is named `stem`, once [`load`] has brought it.
pub fn loaded(stem: &str) -> Option<&'static Texts> {
    LOADED.with_borrow(|tables| {
        tables
            .iter()
            .find(|(loaded, _)| *loaded == stem)
            .map(|(_, table)| *table)
    })
}

/// Fetches the table of the language whose file is named `stem` (tag `tag`, for the
/// console) unless it is here already. A file that cannot be fetched or read leaves the
/// language in English and says why in the console; the next call tries again.
pub async fn load(stem: &'static str, tag: &str) {
    if loaded(stem).is_some() {
        return;
    }
    let table = JsFuture::from(load_texts(stem))
        .await
        .map_err(|e| crate::browser::js_error::message(&e))
        .and_then(|list| {
            let texts = js_sys::Array::from(&list)
                .iter()
                .map(|text| text.as_string().map(|t| &*t.leak()))
                .collect::<Option<Vec<&'static str>>>()
                .ok_or("it holds something other than texts")?;
            Texts::from_list(texts).ok_or_else(|| "it does not have one text per key".to_owned())
        });
    match table {
        Ok(table) => {
            let table: &'static Texts = Box::leak(Box::new(table));
            LOADED.with_borrow_mut(|tables| tables.push((stem, table)));
        }
        Err(why) => leptos::logging::warn!(
            "mfa-manager: the {tag} texts could not be loaded ({why}); showing English"
        ),
    }
}
