//! Loading demo mode's tenant module (`mfa-demo-tenant`, built into `demo/` beside
//! `index.html`) with a dynamic `import()`, and calling it.

use super::answer::Answer;
use super::demo_tenant::{DemoTenant, OutboxTexts};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The module's script, relative to this crate's generated snippet
/// (`snippets/<crate>/inline*.js`, two folders below the page's files).
const MODULE_FROM_SNIPPET: &str = "../../demo/mfa_demo_tenant.js";

#[wasm_bindgen(inline_js = "export function import_demo_tenant(path) { \
    return import(new URL(path, import.meta.url).href) \
        .then(async (module) => { await module.default(); return new module.DemoTenant(); }); }")]
extern "C" {
    /// Imports the module, instantiates its wasm and creates a tenant.
    #[wasm_bindgen(catch)]
    fn import_demo_tenant(path: &str) -> Result<js_sys::Promise, JsValue>;

    /// The module's `DemoTenant` class.
    type JsTenant;
    #[wasm_bindgen(method)]
    fn list(this: &JsTenant) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn associate(this: &JsTenant, body: &str) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn confirm_otp(this: &JsTenant, otp: &str) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn confirm_oob(this: &JsTenant, oob_code: &str, binding_code: Option<String>) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn remove(this: &JsTenant, id: &str) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn my_account(
        this: &JsTenant,
        method: &str,
        path: &str,
        body: Option<String>,
        origin: &str,
        user_agent: &str,
    ) -> JsAnswer;
    #[wasm_bindgen(method)]
    fn show_outbox(this: &JsTenant, panel: web_sys::Element, texts: &js_sys::Object);

    /// `{status, body, retry_after, location}` as the module returns it.
    type JsAnswer;
    #[wasm_bindgen(method, getter)]
    fn status(this: &JsAnswer) -> u16;
    #[wasm_bindgen(method, getter)]
    fn body(this: &JsAnswer) -> String;
    #[wasm_bindgen(method, getter)]
    fn retry_after(this: &JsAnswer) -> Option<f64>;
    #[wasm_bindgen(method, getter)]
    fn location(this: &JsAnswer) -> Option<String>;
}

impl From<JsAnswer> for Answer {
    fn from(answer: JsAnswer) -> Answer {
        Answer {
            status: answer.status(),
            body: answer.body(),
            retry_after: answer.retry_after().map(|s| s as u64),
            location: answer.location(),
        }
    }
}

impl DemoTenant for JsTenant {
    fn list(&self) -> Answer {
        JsTenant::list(self).into()
    }
    fn associate(&self, body: &str) -> Answer {
        JsTenant::associate(self, body).into()
    }
    fn confirm_otp(&self, otp: &str) -> Answer {
        JsTenant::confirm_otp(self, otp).into()
    }
    fn confirm_oob(&self, oob_code: &str, binding_code: Option<&str>) -> Answer {
        JsTenant::confirm_oob(self, oob_code, binding_code.map(str::to_owned)).into()
    }
    fn remove(&self, id: &str) -> Answer {
        JsTenant::remove(self, id).into()
    }
    fn my_account(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        origin: &str,
        user_agent: &str,
    ) -> Answer {
        let body = body.map(str::to_owned);
        JsTenant::my_account(self, method, path, body, origin, user_agent).into()
    }
    fn show_outbox(&self, panel: web_sys::Element, texts: &OutboxTexts) {
        JsTenant::show_outbox(self, panel, &panel_texts(texts));
    }
}

/// The outbox panel's texts as the module reads them.
fn panel_texts(t: &OutboxTexts) -> js_sys::Object {
    let texts = js_sys::Object::new();
    for (key, text) in t {
        let _ = js_sys::Reflect::set(&texts, &JsValue::from_str(key), &JsValue::from_str(text));
    }
    texts
}

/// Loads the module; the error says which file failed and why, in the browser's words.
pub async fn load() -> Result<Rc<dyn DemoTenant>, String> {
    let failed = |e: JsValue| {
        let why = crate::browser::js_error::message(&e);
        format!("demo/mfa_demo_tenant.js: {why}")
    };
    let promise = import_demo_tenant(MODULE_FROM_SNIPPET).map_err(failed)?;
    let tenant = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(failed)?;
    Ok(Rc::new(tenant.unchecked_into::<JsTenant>()))
}
