//! Setup shared by the component tests in headless Chromium, included by each test file with
//! `mod support;` (cargo compiles a folder under `tests/` only as part of the files that
//! include it). It gives every test the same fresh container on the page, the same lookups,
//! and waits that end as soon as the condition a test goes on to assert holds, instead of
//! fixed sleeps that are slow when generous and flaky when not.

// Each test file is its own crate and uses only some of these helpers.
#![allow(dead_code)]

use mfa_manager::browser::sleep;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};

/// How often [`settle_until`] looks at its condition again.
const POLL_EVERY: Duration = Duration::from_millis(5);
/// How long [`settle_until`] waits before it fails the test: far longer than any redraw or
/// scripted answer takes, so only a condition that never comes true reaches it.
const GIVE_UP_AFTER_MS: f64 = 3_000.0;
/// How many macrotask turns [`let_pending_tasks_run`] yields.
const PENDING_TASK_TURNS: usize = 5;

/// The test page's document.
pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh, empty `div` appended to the page's `<body>`, to mount a component or the widget in.
pub fn container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// The widget mounted with the JSON configuration `json` in a fresh [`container`], as a host
/// page's `mount(element, config)` call does: the container and the handle that unmounts it.
pub fn mount_widget(json: &str) -> (web_sys::HtmlElement, mfa_manager::MountHandle) {
    let element = container();
    let config = js_sys::JSON::parse(json).unwrap();
    let handle = mfa_manager::mount(element.clone(), config, None, JsValue::UNDEFINED);
    (element, handle)
}

/// The text shown under `root` (empty when there is none).
pub fn text(root: &web_sys::Element) -> String {
    root.text_content().unwrap_or_default()
}

/// Whether an element under `root` matches `css`.
pub fn has(root: &web_sys::Element, css: &str) -> bool {
    root.query_selector(css).unwrap().is_some()
}

/// The element under `root` matching `css`, which the test expects to be there.
pub fn find<T: JsCast>(root: &web_sys::Element, css: &str) -> T {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no `{css}` in: {}", text(root)))
        .unchecked_into()
}

/// Waits until `condition` holds, looking again every few milliseconds while the page redraws
/// and answers arrive; returns at once when it already holds. Fails the test, naming `what`
/// was awaited, when it still does not hold after a few seconds.
pub async fn settle_until(what: &str, condition: impl Fn() -> bool) {
    let started = js_sys::Date::now();
    while !condition() {
        if js_sys::Date::now() - started > GIVE_UP_AFTER_MS {
            panic!("gave up after {GIVE_UP_AFTER_MS} ms waiting for {what}");
        }
        sleep(POLL_EVERY).await;
    }
}

/// Waits until the text under `root` contains `wanted`, as [`settle_until`] does.
pub async fn settle_until_shows(root: &web_sys::Element, wanted: &str) {
    settle_until(&format!("{wanted:?} to show"), || {
        text(root).contains(wanted)
    })
    .await;
}

/// Waits until `root` lists a configuration error (`li[data-field=…]`) for each of `fields`,
/// then checks each one, naming the field that has none.
pub async fn expect_field_errors(root: &web_sys::Element, fields: &[&str]) {
    let listed = |field: &&str| has(root, &format!("li[data-field={field}]"));
    settle_until(&format!("an error for each of {fields:?}"), || {
        fields.iter().all(listed)
    })
    .await;
    for field in fields {
        assert!(listed(field), "no error for {field}: {}", text(root));
    }
}

/// Lets the tasks already queued (redraws, effects, answers that are ready) run, by yielding a
/// few macrotask turns. A fixed wait on purpose: it serves the tests that assert something did
/// NOT happen, which no condition can wait for. Everything else waits with [`settle_until`].
pub async fn let_pending_tasks_run() {
    for _ in 0..PENDING_TASK_TURNS {
        sleep(Duration::ZERO).await;
    }
}
