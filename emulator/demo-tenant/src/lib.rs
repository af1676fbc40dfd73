//! The demo tenant: the `mfa-emulator` tenant model running inside the page, built as its own
//! wasm module so that only demo mode downloads it.
//!
//! The visitor is signed in already as the seeded user without factors. Every call answers
//! as the tenant's endpoint would on the wire — status, JSON body and `Retry-After` — so
//! mfa-manager reads demo answers with the same code as real ones. Codes the tenant would
//! "send" are kept in its outbox, which this module shows in a panel the page makes room for
//! ([`outbox_panel`]); push requests are answered there too.

pub mod outbox_panel;

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use mfa_emulator::model::api::MY_ACCOUNT_SCOPES;
use mfa_emulator::model::enrollment::AssociateRequest;
use mfa_emulator::model::my_account::{MeBody, MeRequest, MeToken, Problem};
use mfa_emulator::model::outbox::PushAnswerError;
use mfa_emulator::model::seed::{default_seed, default_tenant, TenantSeed, CLIENT_ID, NEW_USER};
use mfa_emulator::model::tokens::{AccessClaims, TokenSet};
use mfa_emulator::model::{Domain, Domains, Error, Tenant};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

/// Host of the in-page tenant; `.invalid` never resolves, so nothing can reach a network.
pub const DEMO_HOST: &str = "demo.mfa-manager.invalid";
/// Tenant name shown as the issuer in authenticator apps.
pub const DEMO_TENANT_NAME: &str = "mfa-manager-demo";
/// Scope of the demo visitor's MFA-audience token: what the page asks for at sign-in.
pub const DEMO_SCOPE: &str = "openid profile enroll read:authenticators remove:authenticators";
/// A token with less life left than this is replaced before a call, so a demo never expires.
const RENEW_MARGIN_SECONDS: u64 = 60;
/// Stands in for the signed tokens of a token response: the page never reads them.
const DEMO_TOKEN: &str = "demo-mode-token";

/// Current unix time in seconds.
pub type Clock = Rc<dyn Fn() -> u64>;

/// An endpoint's answer: what `fetch` would have returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// The JSON body (empty for 204).
    pub body: String,
    /// Seconds from the `Retry-After` header of a rate-limited answer.
    pub retry_after: Option<u64>,
    /// The `Location` header (a started or verified My Account API enrollment).
    pub location: Option<String>,
}

/// The MFA API of a tenant running inside the page, with the visitor signed in already.
#[wasm_bindgen]
pub struct DemoTenant {
    tenant: Rc<RefCell<Tenant>>,
    claims: RefCell<Option<AccessClaims>>,
    me_claims: RefCell<Option<AccessClaims>>,
    clock: Clock,
    /// Redraws the outbox panel, once one is shown.
    redraw_outbox: RefCell<Option<Box<dyn Fn()>>>,
}

impl fmt::Debug for DemoTenant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The tenant holds TOTP secrets, codes and the visitor's token: never printed.
        f.write_str("DemoTenant { .. }")
    }
}

impl Default for DemoTenant {
    fn default() -> Self {
        DemoTenant::new()
    }
}

/// The page's interface (JavaScript names are the Rust names).
#[wasm_bindgen]
impl DemoTenant {
    /// A fresh demo tenant on the real clock (so codes from a real authenticator app work),
    /// with unpredictable secrets and codes.
    #[wasm_bindgen(constructor)]
    pub fn new() -> DemoTenant {
        DemoTenant::with_clock(Rc::new(system_now), random_seed())
    }

    /// `GET /mfa/authenticators`, as `{status, body, retry_after}`.
    #[wasm_bindgen(js_name = list)]
    pub fn list_js(&self) -> js_sys::Object {
        to_js(self.list())
    }

    /// `POST /mfa/associate` with a JSON body.
    #[wasm_bindgen(js_name = associate)]
    pub fn associate_js(&self, body: &str) -> js_sys::Object {
        to_js(self.associate(body))
    }

    /// `POST /oauth/token` with the `mfa-otp` grant.
    #[wasm_bindgen(js_name = confirm_otp)]
    pub fn confirm_otp_js(&self, otp: &str) -> js_sys::Object {
        to_js(self.confirm_otp(otp))
    }

    /// `POST /oauth/token` with the `mfa-oob` grant.
    #[wasm_bindgen(js_name = confirm_oob)]
    pub fn confirm_oob_js(&self, oob_code: &str, binding_code: Option<String>) -> js_sys::Object {
        to_js(self.confirm_oob(oob_code, binding_code.as_deref()))
    }

    /// A call to the My Account API: `method` (`GET`, `POST`, `PATCH`, `DELETE`) on `path`
    /// below `/me/v1` (percent-encoded, `?type=` allowed), with a JSON `body`, from the page
    /// at `origin` in the browser `user_agent`; as `{status, body, retry_after, location}`.
    #[wasm_bindgen(js_name = my_account)]
    pub fn my_account_js(
        &self,
        method: &str,
        path: &str,
        body: Option<String>,
        origin: &str,
        user_agent: &str,
    ) -> js_sys::Object {
        to_js(self.my_account(method, path, body.as_deref(), origin, user_agent))
    }

    /// `DELETE /mfa/authenticators/{id}`.
    #[wasm_bindgen(js_name = remove)]
    pub fn remove_js(&self, id: &str) -> js_sys::Object {
        to_js(self.remove(id))
    }

    /// Everything the tenant "sent", newest first, as the emulator's `GET /__emulator/outbox`
    /// lists it (JSON).
    pub fn outbox(&self) -> String {
        let mut messages = self.tenant.borrow().outbox().to_vec();
        messages.reverse();
        serde_json::to_string(&messages).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Shows the outbox in `panel` and keeps it current while `panel` is in the document;
    /// push requests are approved or rejected there. `texts` holds the panel's texts in the
    /// page's language, named as the fields of [`outbox_panel::PanelTexts`].
    #[cfg(target_arch = "wasm32")]
    pub fn show_outbox(&self, panel: web_sys::Element, texts: &JsValue) {
        let text = |key: &str| {
            js_sys::Reflect::get(texts, &JsValue::from_str(key))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default()
        };
        let texts = outbox_panel::PanelTexts {
            title: text("title"),
            intro: text("intro"),
            empty: text("empty"),
            sms: text("sms"),
            voice: text("voice"),
            email: text("email"),
            push: text("push"),
            to: text("to"),
            code: text("code"),
            approve: text("approve"),
            reject: text("reject"),
        };
        *self.redraw_outbox.borrow_mut() =
            outbox_panel::show(Rc::clone(&self.tenant), panel, texts);
    }

    /// Approves or rejects a pending push request, as the visitor would on their phone;
    /// returns why not when it cannot. Approving an enrollment activates it at once.
    pub fn answer_push(&self, id: u32, approve: bool) -> Option<String> {
        let answered = self.tenant.borrow_mut().answer_push(u64::from(id), approve);
        self.outbox_changed();
        match answered {
            Ok(()) => None,
            Err(PushAnswerError::NotFound) => Some(format!("There is no demo message {id}.")),
            Err(PushAnswerError::NotPending) => Some(format!(
                "Demo message {id} is not a push request waiting for an answer."
            )),
        }
    }
}

impl DemoTenant {
    /// A fresh demo tenant on `clock` (unix seconds), its randomness seeded with `rng_seed`:
    /// the same seed and clock give the same secrets and codes.
    pub fn with_clock(clock: Clock, rng_seed: u64) -> DemoTenant {
        let now = clock();
        let domains = Domains {
            scheme: "https".to_owned(),
            canonical: DEMO_HOST.to_owned(),
            custom: None,
        };
        let seed = TenantSeed {
            name: DEMO_TENANT_NAME.to_owned(),
            ..default_seed(&[])
        };
        let tenant = Tenant::from_seed(&seed, domains.clone(), rng_seed, now)
            .unwrap_or_else(|_| default_tenant(&[], domains, rng_seed, now));
        let demo = DemoTenant {
            tenant: Rc::new(RefCell::new(tenant)),
            claims: RefCell::new(None),
            me_claims: RefCell::new(None),
            clock,
            redraw_outbox: RefCell::new(None),
        };
        // Signed in from the start; a failure here is retried (and reported) at the first call.
        let _ = demo.claims(now);
        demo
    }

    /// `GET /mfa/authenticators`.
    pub fn list(&self) -> Answer {
        self.answer(|tenant, claims, now| {
            let views = tenant.list_authenticators(claims, now)?;
            Ok(ok_json(&views))
        })
    }

    /// `POST /mfa/associate` with a JSON body.
    pub fn associate(&self, body: &str) -> Answer {
        self.answer(|tenant, claims, now| {
            // As at the endpoint: token and scope failures win over body problems.
            tenant.bearer_user(claims, "enroll", now)?;
            let request = associate_request(body)?;
            let enrollment = tenant.associate(claims, &request, now)?;
            Ok(ok_json(&enrollment))
        })
    }

    /// `POST /oauth/token` with the `mfa-otp` grant.
    pub fn confirm_otp(&self, otp: &str) -> Answer {
        self.answer(|tenant, claims, now| {
            let tokens =
                tenant.exchange_otp(CLIENT_ID, claims, Some(otp), Domain::Canonical, now)?;
            Ok(ok_json(&token_response(&tokens)))
        })
    }

    /// `POST /oauth/token` with the `mfa-oob` grant.
    pub fn confirm_oob(&self, oob_code: &str, binding_code: Option<&str>) -> Answer {
        self.answer(|tenant, claims, now| {
            let tokens = tenant.exchange_oob(
                CLIENT_ID,
                claims,
                Some(oob_code),
                binding_code,
                Domain::Canonical,
                now,
            )?;
            Ok(ok_json(&token_response(&tokens)))
        })
    }

    /// `DELETE /mfa/authenticators/{id}`.
    pub fn remove(&self, id: &str) -> Answer {
        self.answer(|tenant, claims, now| {
            tenant.delete_authenticator(claims, id, now)?;
            Ok(Answer {
                status: 204,
                body: String::new(),
                retry_after: None,
                location: None,
            })
        })
    }

    /// A call to the My Account API as the signed-in visitor, answered as the endpoint would
    /// (see [`DemoTenant::my_account_js`]).
    pub fn my_account(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        origin: &str,
        user_agent: &str,
    ) -> Answer {
        let now = (self.clock)();
        let claims = self.me_claims(now);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let type_filter = query.split('&').find_map(|pair| pair.strip_prefix("type="));
        let parsed = body.map(serde_json::from_str::<Value>);
        let refused = Problem::MalformedBody;
        let body = match &parsed {
            None => MeBody::None,
            Some(Ok(value)) => MeBody::Json(value),
            Some(Err(_)) => MeBody::Refused(&refused),
        };
        let request = MeRequest {
            method,
            path,
            type_filter,
            token: claims.as_ref().map_or(MeToken::Missing, MeToken::Claims),
            domain: Domain::Canonical,
            body,
            origin: Some(origin),
            user_agent: Some(user_agent),
        };
        let mut tenant = self.tenant.borrow_mut();
        // The page this tenant runs in is where its passkey ceremonies run.
        tenant.allow_web_origin(origin);
        let answer = tenant.my_account(&request, now);
        drop(tenant);
        self.outbox_changed();
        Answer {
            status: answer.status,
            body: answer.body.map(|b| b.to_string()).unwrap_or_default(),
            retry_after: (answer.status == 429).then_some(answer.rate_limit.retry_after),
            location: answer.location,
        }
    }

    /// Runs one call as the signed-in visitor; a refusal becomes the endpoint's error answer.
    fn answer(
        &self,
        call: impl FnOnce(&mut Tenant, &AccessClaims, u64) -> Result<Answer, Error>,
    ) -> Answer {
        let now = (self.clock)();
        let Some(claims) = self.claims(now) else {
            return refusal(&Error::InvalidBearer);
        };
        let answer =
            call(&mut self.tenant.borrow_mut(), &claims, now).unwrap_or_else(|e| refusal(&e));
        self.outbox_changed();
        answer
    }

    /// Redraws the outbox panel (if one is shown) after a call that may have "sent" something.
    fn outbox_changed(&self) {
        if let Some(redraw) = self.redraw_outbox.borrow().as_ref() {
            redraw();
        }
    }

    /// The visitor's MFA-audience claims, renewed when they are about to expire.
    fn claims(&self, now: u64) -> Option<AccessClaims> {
        let audience = self.tenant.borrow().mfa_audience();
        self.fresh_claims(&self.claims, &audience, DEMO_SCOPE, now)
    }

    /// The visitor's claims for the My Account API (`/me/`), renewed likewise.
    fn me_claims(&self, now: u64) -> Option<AccessClaims> {
        let audience = self.tenant.borrow().my_account_audience(Domain::Canonical);
        self.fresh_claims(
            &self.me_claims,
            &audience,
            &MY_ACCOUNT_SCOPES.join(" "),
            now,
        )
    }

    /// The claims kept in `slot` while they have life left, else new ones for `audience`.
    fn fresh_claims(
        &self,
        slot: &RefCell<Option<AccessClaims>>,
        audience: &str,
        scope: &str,
        now: u64,
    ) -> Option<AccessClaims> {
        let mut claims = slot.borrow_mut();
        if let Some(current) = claims.as_ref() {
            if now.saturating_add(RENEW_MARGIN_SECONDS) < current.exp {
                return Some(current.clone());
            }
        }
        let tokens = self.tenant.borrow().issue_tokens_for(
            NEW_USER,
            CLIENT_ID,
            Some(audience),
            scope,
            Domain::Canonical,
            now,
        )?;
        *claims = Some(tokens.access.clone());
        Some(tokens.access)
    }
}

/// A 200 answer with `value` as its JSON body.
fn ok_json<T: Serialize>(value: &T) -> Answer {
    Answer {
        status: 200,
        body: serde_json::to_string(value).unwrap_or_default(),
        retry_after: None,
        location: None,
    }
}

/// A tenant refusal as the endpoint sends it: its status, its error envelope and the
/// `Retry-After` of a rate limit.
pub fn refusal(error: &Error) -> Answer {
    Answer {
        status: error.status(),
        body: error.envelope().to_string(),
        retry_after: error.rate_limit().map(|limit| limit.retry_after),
        location: None,
    }
}

/// The body of a successful MFA grant at `/oauth/token`; the in-page tenant signs nothing,
/// so the tokens are placeholders.
fn token_response(tokens: &TokenSet) -> Value {
    tokens.response_body(DEMO_TOKEN.to_owned(), Some(DEMO_TOKEN.to_owned()))
}

/// Reads an associate body as the endpoint does (a non-object body has no members).
fn associate_request(body: &str) -> Result<AssociateRequest, Error> {
    match serde_json::from_str::<Value>(body) {
        Ok(Value::Object(object)) => AssociateRequest::from_json(&object),
        Ok(_) => AssociateRequest::from_json(&serde_json::Map::new()),
        Err(_) => Err(Error::MalformedJson),
    }
}

/// An answer as a plain JavaScript object `{status, body, retry_after}`.
fn to_js(answer: Answer) -> js_sys::Object {
    let object = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
    };
    set("status", JsValue::from(answer.status));
    set(
        "location",
        answer.location.map_or(JsValue::NULL, JsValue::from),
    );
    set("body", JsValue::from(answer.body));
    set(
        "retry_after",
        answer
            .retry_after
            .map_or(JsValue::NULL, |s| JsValue::from(s as f64)),
    );
    object
}

/// The real clock in unix seconds: the browser's in the page.
#[cfg(target_arch = "wasm32")]
fn system_now() -> u64 {
    (js_sys::Date::now() / 1000.0) as u64
}

/// The real clock in unix seconds.
#[cfg(not(target_arch = "wasm32"))]
fn system_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// A seed for the demo tenant's secrets (demo only: nothing it protects is real).
#[cfg(target_arch = "wasm32")]
fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let low = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (high << 32) ^ low ^ (js_sys::Date::now() as u64)
}

/// A seed for the demo tenant's secrets (demo only: nothing it protects is real).
#[cfg(not(target_arch = "wasm32"))]
fn random_seed() -> u64 {
    use std::hash::BuildHasher;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    std::collections::hash_map::RandomState::new().hash_one(nanos)
}
