//! Waits and countdowns in the reader's language, written by the browser's `Intl`
//! (`NumberFormat` with units, `ListFormat`, `DateTimeFormat`): its plural forms, digits and
//! separators are right for every language without a table of our own. Outside a browser
//! (the native tests) there is no `Intl`: there they read as English.

/// A unit of a wait, by its `Intl` name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
}

impl Unit {
    /// The unit's identifier for `Intl.NumberFormat`.
    fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
        }
    }
}

/// A wait cut into what a reader wants to hear, rounded up so nobody retries too early:
/// seconds under a minute, whole minutes under an hour, else hours and the minutes left.
pub fn wait_parts(seconds: u64) -> Vec<(u64, Unit)> {
    if seconds < 60 {
        return vec![(seconds, Unit::Second)];
    }
    let minutes = seconds.div_ceil(60);
    if minutes < 60 {
        return vec![(minutes, Unit::Minute)];
    }
    match (minutes / 60, minutes % 60) {
        (hours, 0) => vec![(hours, Unit::Hour)],
        (hours, minutes) => vec![(hours, Unit::Hour), (minutes, Unit::Minute)],
    }
}

/// A wait in words in the language `locale` (a BCP 47 tag): "40 seconds", "2 Minuten",
/// "ساعة واحدة و30 دقيقة".
pub fn wait(seconds: u64, locale: &str) -> String {
    let words: Vec<String> = wait_parts(seconds)
        .into_iter()
        .map(|(count, unit)| amount(count, unit, locale))
        .collect();
    list(&words, locale)
}

/// What is left of a countdown under an hour, as minutes and seconds on a clock ("09:05") in
/// the language `locale`.
pub fn clock(seconds: i64, locale: &str) -> String {
    clock_text(seconds.max(0), locale)
}

#[cfg(target_arch = "wasm32")]
fn amount(count: u64, unit: Unit, locale: &str) -> String {
    let format = js_sys::Intl::NumberFormat::new(
        &locales(locale),
        &options(&[
            ("style", "unit"),
            ("unit", unit.name()),
            ("unitDisplay", "long"),
        ]),
    );
    format
        .format()
        .call1(&wasm_bindgen::JsValue::UNDEFINED, &(count as f64).into())
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| count.to_string())
}

#[cfg(target_arch = "wasm32")]
fn list(words: &[String], locale: &str) -> String {
    let format = js_sys::Intl::ListFormat::new(
        &locales(locale),
        &options(&[("type", "unit"), ("style", "long")]),
    );
    let words: js_sys::Array = words
        .iter()
        .map(|w| wasm_bindgen::JsValue::from_str(w))
        .collect();
    format.format(&words).into()
}

#[cfg(target_arch = "wasm32")]
fn clock_text(seconds: i64, locale: &str) -> String {
    let date = js_sys::Date::new(&((seconds * 1000) as f64).into());
    date.to_locale_string(
        locale,
        &options(&[
            ("minute", "2-digit"),
            ("second", "2-digit"),
            ("timeZone", "UTC"),
        ]),
    )
    .into()
}

/// `[locale]`, as `Intl`'s constructors take it.
#[cfg(target_arch = "wasm32")]
fn locales(locale: &str) -> js_sys::Array {
    js_sys::Array::of1(&locale.into())
}

/// An options object of string values.
#[cfg(target_arch = "wasm32")]
fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

#[cfg(not(target_arch = "wasm32"))]
fn amount(count: u64, unit: Unit, _locale: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {}{plural}", unit.name())
}

#[cfg(not(target_arch = "wasm32"))]
fn list(words: &[String], _locale: &str) -> String {
    words.join(" ")
}

#[cfg(not(target_arch = "wasm32"))]
fn clock_text(seconds: i64, _locale: &str) -> String {
    format!("{:02}:{:02}", seconds / 60 % 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_are_rounded_up_into_readable_parts() {
        assert_eq!(wait_parts(0), [(0, Unit::Second)]);
        assert_eq!(wait_parts(40), [(40, Unit::Second)]);
        assert_eq!(wait_parts(60), [(1, Unit::Minute)]);
        assert_eq!(wait_parts(61), [(2, Unit::Minute)]);
        assert_eq!(wait_parts(3600), [(1, Unit::Hour)]);
        assert_eq!(wait_parts(5400), [(1, Unit::Hour), (30, Unit::Minute)]);
        assert_eq!(wait_parts(7260), [(2, Unit::Hour), (1, Unit::Minute)]);
        assert_eq!(wait_parts(u64::MAX)[0].1, Unit::Hour);
    }

    #[test]
    fn outside_a_browser_waits_and_clocks_read_as_english() {
        assert_eq!(wait(1, "de"), "1 second");
        assert_eq!(wait(5400, "de"), "1 hour 30 minutes");
        assert_eq!(clock(545, "de"), "09:05");
        assert_eq!(clock(-3, "de"), "00:00");
    }
}
