//! Taking over from the page's first screen. The page's script (`first_screen.js`, written
//! into the build by `cargo xtask`) shows the signed-out screen before the app is fetched and
//! reads `config.json` for it; the app reads that answer instead of asking again, keeps its
//! own screen hidden until it is drawn, then takes the first screen away and carries out a
//! Sign in clicked on it meanwhile. Without the script (a widget, a build without it) every
//! function here says there is nothing to take over.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

/// The object the script shares with the app: `{config, screen, clicked}`.
const SHARED: &str = "mfaManagerFirstScreen";

/// The shared object, when the script ran.
fn shared() -> Option<JsValue> {
    let window: JsValue = web_sys::window()?.into();
    Reflect::get(&window, &SHARED.into())
        .ok()
        .filter(JsValue::is_object)
}

/// One member of the shared object, when the script ran.
fn member(name: &str) -> Option<JsValue> {
    Reflect::get(&shared()?, &name.into()).ok()
}

/// Sets one member of the shared object (nothing without the script).
fn set_member(name: &str, value: &JsValue) {
    if let Some(shared) = shared() {
        let _ = Reflect::set(&shared, &name.into(), value);
    }
}

/// The first screen on show, if any.
fn screen() -> Option<Element> {
    member("screen")?
        .dyn_into::<Element>()
        .ok()
        .filter(|screen| screen.is_connected())
}

/// True while the page's first screen is on show.
pub fn showing() -> bool {
    screen().is_some()
}

/// The script's answer to `config.json`, when it asked for it: the status and, for a
/// successful status, the text; `Err` with the browser's words when the request failed.
/// Taken once: a later reading (a retry) asks the network.
pub async fn config_answer() -> Option<Result<(u16, Option<String>), String>> {
    let promise = member("config")?.dyn_into::<Promise>().ok()?;
    set_member("config", &JsValue::NULL);
    Some(match JsFuture::from(promise).await {
        Ok(answer) => {
            let field = |name: &str| Reflect::get(&answer, &name.into()).unwrap_or_default();
            let status = field("status").as_f64().unwrap_or_default() as u16;
            Ok((status, field("text").as_string()))
        }
        Err(e) => Err(crate::browser::js_error::message(&e)),
    })
}

/// Takes the first screen away once the app's own screen is drawn in `app` (shown from now
/// on). The keyboard focus, when it was on the first screen, moves to the app's Sign in
/// button or else to `app`. True, once, when Sign in was clicked on the first screen.
pub fn hand_over(app: &HtmlElement) -> bool {
    let Some(screen) = screen() else {
        return false;
    };
    let document = web_sys::window().and_then(|w| w.document());
    let had_focus = document
        .as_ref()
        .and_then(|d| d.active_element())
        .is_some_and(|active| screen.contains(Some(&active)));
    let _ = app.remove_attribute("hidden");
    screen.remove();
    set_member("screen", &JsValue::NULL);
    if had_focus {
        let target = app
            .query_selector("#mfa-sign-in")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .unwrap_or_else(|| app.clone());
        let _ = target.focus();
    }
    let clicked = member("clicked").is_some_and(|c| c.is_truthy());
    set_member("clicked", &JsValue::FALSE);
    clicked
}
