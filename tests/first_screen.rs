//! Taking over from a first screen in a real browser: the app takes the screen away, keeps the
//! keyboard focus on Sign in, carries out a click made on it once (with the sign-in window it
//! opened), and reads the page script's answer to `config.json` once.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use mfa_manager::first_screen::FirstScreen;
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

/// An object shared by a first screen, with `members`.
fn shared(members: &[(&str, JsValue)]) -> Object {
    let shared = Object::new();
    for (name, value) in members {
        Reflect::set(&shared, &(*name).into(), value).unwrap();
    }
    shared
}

/// What the page's first-screen script leaves on `window`; the page's first screen.
fn share(members: &[(&str, JsValue)]) -> FirstScreen {
    Reflect::set(
        &web_sys::window().unwrap(),
        &SHARED.into(),
        &shared(members),
    )
    .unwrap();
    FirstScreen::page().unwrap()
}

fn unshare() {
    let window: Object = web_sys::window().unwrap().unchecked_into();
    Reflect::delete_property(&window, &SHARED.into()).unwrap();
}

#[wasm_bindgen_test]
fn the_app_takes_the_first_screen_away_with_the_focus_and_the_click() {
    let screen = add(r#"<main id="first"><button id="first-sign-in">Sign in</button></main>"#);
    let first = share(&[
        ("screen", screen.clone().into()),
        ("clicked", JsValue::TRUE),
    ]);
    let button: HtmlElement = document()
        .get_element_by_id("first-sign-in")
        .unwrap()
        .unchecked_into();
    button.focus().unwrap();
    let app = add(r#"<main hidden><button id="mfa-sign-in">Sign in</button></main>"#);
    assert!(first.showing());

    let clicked = first
        .hand_over(&app)
        .expect("the click made on the first screen");
    assert!(clicked.popup.is_none(), "no window was opened");
    assert!(!screen.is_connected(), "the first screen is gone");
    assert!(!app.hidden(), "the app's screen shows");
    assert_eq!(document().active_element().unwrap().id(), "mfa-sign-in");
    assert!(!first.showing());
    assert!(
        first.hand_over(&app).is_none(),
        "a click is carried out once"
    );
    app.remove();
    unshare();
}

#[wasm_bindgen_test]
fn a_widgets_first_screen_hands_over_the_window_its_click_opened() {
    let screen = add(r#"<main id="widget-first"><button>Sign in</button></main>"#);
    // Any object stands for the window here: the app only passes it on to the sign-in.
    let window = Object::new();
    let first = FirstScreen::given(
        shared(&[
            ("screen", screen.clone().into()),
            ("clicked", JsValue::TRUE),
            ("popup", window.clone().into()),
        ])
        .into(),
    )
    .unwrap();
    let app = add("<main hidden><p>app</p></main>");
    let clicked = first.hand_over(&app).unwrap();
    let popup: JsValue = clicked.popup.expect("the window the click opened").into();
    assert_eq!(popup, JsValue::from(window));
    assert!(!screen.is_connected());
    assert!(first.hand_over(&app).is_none());
    app.remove();
}

#[wasm_bindgen_test]
fn without_the_script_there_is_nothing_to_take_over() {
    unshare();
    assert!(FirstScreen::page().is_none());
    assert!(FirstScreen::given(JsValue::UNDEFINED).is_none());
    let app = add("<main><p>app</p></main>");
    let nothing_shown = FirstScreen::given(Object::new().into()).unwrap();
    assert!(!nothing_shown.showing());
    assert!(nothing_shown.hand_over(&app).is_none());
    app.remove();
}

#[wasm_bindgen_test]
async fn the_configuration_the_script_read_is_taken_once() {
    let answer = Object::new();
    Reflect::set(&answer, &"status".into(), &200.into()).unwrap();
    Reflect::set(&answer, &"text".into(), &r#"{"domain":"a"}"#.into()).unwrap();
    let first = share(&[("config", Promise::resolve(&answer).into())]);
    let read = first.config_answer().await;
    assert_eq!(read, Some(Ok((200, Some(r#"{"domain":"a"}"#.to_owned())))));
    assert_eq!(
        first.config_answer().await,
        None,
        "a retry asks the network"
    );

    let failed = Promise::reject(&js_sys::Error::new("Failed to fetch").into());
    let first = share(&[("config", failed.into())]);
    assert_eq!(
        first.config_answer().await,
        Some(Err("Failed to fetch".to_owned()))
    );
    unshare();
}
