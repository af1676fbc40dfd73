//! Dates from the tenant (ISO 8601) in the reader's language, by the browser's `Intl`.

use js_sys::{Date, Object, Reflect};
use wasm_bindgen::JsValue;

/// `iso` as a date and time in the language `lang` (a BCP 47 tag): `2 Dec 2026, 17:20` in
/// English, `02.12.2026, 17:20` in German. A text that is not a date is shown as it is.
pub fn date_time_text(iso: &str, lang: &str) -> String {
    let date = Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_owned();
    }
    let options = Object::new();
    let _ = Reflect::set(&options, &"dateStyle".into(), &"medium".into());
    let _ = Reflect::set(&options, &"timeStyle".into(), &"short".into());
    String::from(date.to_locale_string(lang, &options))
}
