//! Taking over from the page's first screen in a real browser: the app takes the screen away,
//! keeps the keyboard focus on Sign in, carries out a click made on it once, and reads the
//! script's answer to `config.json` once.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use mfa_manager::first_screen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const SHARED: &str = "mfaManagerFirstScreen";

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// An element from `html`, added to the document's body.
fn add(html: &str) -> HtmlElement {
    let holder = document().create_element("div").unwrap();
    holder.set_inner_html(html);
    let element: HtmlElement = holder.first_element_child().unwrap().unchecked_into();
    document().body().unwrap().append_child(&element).unwrap();
    element
}

/// What the first-screen script leaves on `window`.
fn share(members: &[(&str, JsValue)]) {
    let shared = Object::new();
    for (name, value) in members {
        Reflect::set(&shared, &(*name).into(), value).unwrap();
    }
    Reflect::set(&web_sys::window().unwrap(), &SHARED.into(), &shared).unwrap();
}

fn unshare() {
    let window: Object = web_sys::window().unwrap().unchecked_into();
    Reflect::delete_property(&window, &SHARED.into()).unwrap();
}

#[wasm_bindgen_test]
fn the_app_takes_the_first_screen_away_with_the_focus_and_the_click() {
    let screen = add(r#"<main id="first"><button id="first-sign-in">Sign in</button></main>"#);
    share(&[
        ("screen", screen.clone().into()),
        ("clicked", JsValue::TRUE),
    ]);
    let button: HtmlElement = document()
        .get_element_by_id("first-sign-in")
        .unwrap()
        .unchecked_into();
    button.focus().unwrap();
    let app = add(r#"<main hidden><button id="mfa-sign-in">Sign in</button></main>"#);
    assert!(first_screen::showing());

    assert!(
        first_screen::hand_over(&app),
        "the click made on the first screen"
    );
    assert!(!screen.is_connected(), "the first screen is gone");
    assert!(!app.hidden(), "the app's screen shows");
    assert_eq!(document().active_element().unwrap().id(), "mfa-sign-in");
    assert!(!first_screen::showing());
    assert!(
        !first_screen::hand_over(&app),
        "a click is carried out once"
    );
    app.remove();
    unshare();
}

#[wasm_bindgen_test]
fn without_the_script_there_is_nothing_to_take_over() {
    unshare();
    let app = add("<main><p>app</p></main>");
    assert!(!first_screen::showing());
    assert!(!first_screen::hand_over(&app));
    app.remove();
}

#[wasm_bindgen_test]
async fn the_configuration_the_script_read_is_taken_once() {
    let answer = Object::new();
    Reflect::set(&answer, &"status".into(), &200.into()).unwrap();
    Reflect::set(&answer, &"text".into(), &r#"{"domain":"a"}"#.into()).unwrap();
    share(&[("config", Promise::resolve(&answer).into())]);
    let read = first_screen::config_answer().await;
    assert_eq!(read, Some(Ok((200, Some(r#"{"domain":"a"}"#.to_owned())))));
    assert_eq!(
        first_screen::config_answer().await,
        None,
        "a retry asks the network"
    );

    let failed = Promise::reject(&js_sys::Error::new("Failed to fetch").into());
    share(&[("config", failed.into())]);
    assert_eq!(
        first_screen::config_answer().await,
        Some(Err("Failed to fetch".to_owned()))
    );
    unshare();
}
