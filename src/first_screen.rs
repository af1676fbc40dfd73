//! Taking over from a first screen. The page's first-screen script and the widget's entry
//! module (`src/first_screen/*.js`, written into the build by `cargo xtask`) draw the
//! signed-out screen before the app is fetched and share an object with it,
//! `{screen, clicked, popup}` (the page's also `config`, its answer to `config.json`). The app
//! keeps its own screen hidden until it is drawn, then takes the first screen away and carries
//! out a Sign in clicked on it meanwhile, in the sign-in window the click opened for a popup
//! sign-in. Without a first screen (a build without the script, the glue module used
//! directly) there is nothing to take over.

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

/// Name of the page's shared object on `window`.
const PAGE: &str = "mfaManagerFirstScreen";

/// The object a first screen shares with the app.
#[derive(Clone, Debug)]
pub struct FirstScreen(JsValue);

/// A Sign in clicked on the first screen before the app was here.
#[derive(Clone, Debug)]
pub struct Clicked {
    /// The sign-in window the click opened, for a popup sign-in (`None` for a redirect, or
    /// when the browser refused the window).
    pub popup: Option<web_sys::Window>,
}

impl FirstScreen {
    /// The page's, when its script ran.
    pub fn page() -> Option<FirstScreen> {
        let window: JsValue = web_sys::window()?.into();
        FirstScreen::given(Reflect::get(&window, &PAGE.into()).ok()?)
    }

    /// The one a widget's entry module passed along, if `value` is one.
    pub fn given(value: JsValue) -> Option<FirstScreen> {
        value.is_object().then_some(FirstScreen(value))
    }

    fn member(&self, name: &str) -> JsValue {
        Reflect::get(&self.0, &name.into()).unwrap_or_default()
    }

    fn set_member(&self, name: &str, value: &JsValue) {
        let _ = Reflect::set(&self.0, &name.into(), value);
    }

    /// The first screen on show, if any.
    fn screen(&self) -> Option<Element> {
        self.member("screen")
            .dyn_into::<Element>()
            .ok()
            .filter(|screen| screen.is_connected())
    }

    /// True while the first screen is on show.
    pub fn showing(&self) -> bool {
        self.screen().is_some()
    }

    /// The script's answer to `config.json`, when it asked for it: the status and, for a
    /// successful status, the text; `Err` with the browser's words when the request failed.
    /// Taken once: a later reading (a retry) asks the network.
    pub async fn config_answer(&self) -> Option<Result<(u16, Option<String>), String>> {
        let promise = self.member("config").dyn_into::<Promise>().ok()?;
        self.set_member("config", &JsValue::NULL);
        Some(match JsFuture::from(promise).await {
            Ok(answer) => {
                let field = |name: &str| Reflect::get(&answer, &name.into()).unwrap_or_default();
                let status = field("status").as_f64().unwrap_or_default() as u16;
                Ok((status, field("text").as_string()))
            }
            Err(e) => Err(crate::browser::js_error::message(&e)),
        })
    }

    /// Takes the first screen away once the app's own screen is drawn in `app` (shown from
    /// now on). The keyboard focus, when it was on the first screen, moves to the app's Sign
    /// in button or else to `app`. Says, once, whether Sign in was clicked on the first
    /// screen, with the window the click opened.
    pub fn hand_over(&self, app: &HtmlElement) -> Option<Clicked> {
        let screen = self.screen()?;
        let document = web_sys::window().and_then(|w| w.document());
        let had_focus = document
            .as_ref()
            .and_then(|d| d.active_element())
            .is_some_and(|active| screen.contains(Some(&active)));
        let _ = app.remove_attribute("hidden");
        screen.remove();
        self.set_member("screen", &JsValue::NULL);
        if had_focus {
            let target = app
                .query_selector("#mfa-sign-in")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .unwrap_or_else(|| app.clone());
            let _ = target.focus();
        }
        let clicked = self.member("clicked").is_truthy();
        // Another window's object, which `instanceof Window` does not recognise.
        let popup = Some(self.member("popup"))
            .filter(JsValue::is_object)
            .map(JsCast::unchecked_into::<web_sys::Window>);
        self.set_member("clicked", &JsValue::FALSE);
        self.set_member("popup", &JsValue::NULL);
        clicked.then_some(Clicked { popup })
    }
}
