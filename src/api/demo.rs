//! `DemoApi`: the MFA API answered by a tenant inside the page (demo mode).
//!
//! The tenant is the development emulator's model, built as its own wasm module
//! (`mfa-demo-tenant`) that only demo mode loads, so visitors of a real deployment never
//! download it. It answers every call as the endpoint would on the wire — status, JSON body,
//! `Retry-After` — and this side reads those answers with the same code as real ones, so the
//! screens cannot tell the two apart. The visitor is signed in already as the seeded user
//! without factors; the module shows the codes the tenant would "send" in a panel the page
//! makes room for, and push requests are answered there.

use std::fmt;
use std::future::Future;
use std::rc::Rc;

use super::demo_tenant::{DemoTenant, OutboxTexts};
use super::error::ApiError;
use super::types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};
use super::wire::{Wire, WireFuture};
use super::{ApiFuture, MfaApi};
use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Method;

/// The tenant once loaded, or why it could not be.
type Loaded = Result<Rc<dyn DemoTenant>, String>;

/// The MFA API of the tenant inside the page, with the visitor signed in already.
pub struct DemoApi {
    tenant: Shared<LocalBoxFuture<'static, Loaded>>,
}

impl fmt::Debug for DemoApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The tenant holds TOTP secrets, codes and the visitor's token: never printed.
        f.write_str("DemoApi { .. }")
    }
}

impl DemoApi {
    /// Demo mode on the tenant that `load` yields; calls wait for it.
    pub fn new(load: impl Future<Output = Loaded> + 'static) -> DemoApi {
        DemoApi {
            tenant: load.boxed_local().shared(),
        }
    }

    /// Demo mode on the demo tenant module, which starts loading now.
    #[cfg(target_arch = "wasm32")]
    pub fn load() -> DemoApi {
        let api = DemoApi::new(super::demo_loader::load());
        // Start the download at once rather than at the first call.
        leptos::task::spawn_local(api.tenant.clone().map(|_| ()));
        api
    }

    /// Outside the browser there is no module to load: every call says so.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn load() -> DemoApi {
        DemoApi::new(std::future::ready(Err(
            "the demo tenant module runs only in a browser".to_owned(),
        )))
    }

    async fn tenant(&self) -> Result<Rc<dyn DemoTenant>, ApiError> {
        self.tenant.clone().await.map_err(ApiError::DemoUnavailable)
    }

    /// Shows the tenant's outbox in `panel` once the tenant has loaded (nothing if it cannot
    /// load: every call then says why).
    pub async fn show_outbox(&self, panel: web_sys::Element, texts: OutboxTexts) {
        if let Ok(tenant) = self.tenant().await {
            tenant.show_outbox(panel, &texts);
        }
    }
}

/// The origin of the in-page tenant's URLs (`.invalid` never resolves).
pub const DEMO_ORIGIN: &str = "https://demo.mfa-manager.invalid";

/// Demo mode's My Account API: each call goes to the in-page tenant as the page would send
/// it, from the page's origin and browser.
impl Wire for DemoApi {
    fn origin(&self) -> &str {
        DEMO_ORIGIN
    }

    fn send<'a>(&'a self, method: Method, url: &'a str, body: Option<&'a str>) -> WireFuture<'a> {
        Box::pin(async move {
            let path = url
                .strip_prefix(DEMO_ORIGIN)
                .and_then(|rest| rest.strip_prefix("/me/v1"))
                .ok_or_else(|| ApiError::Network(format!("{url} is not the demo tenant")))?;
            let (origin, agent) = page_origin_and_agent();
            Ok(self
                .tenant()
                .await?
                .my_account(method.as_str(), path, body, &origin, &agent))
        })
    }
}

/// The page's origin and the browser's user agent, as a request from the page would carry.
#[cfg(target_arch = "wasm32")]
fn page_origin_and_agent() -> (String, String) {
    let window = web_sys::window();
    let origin = window
        .as_ref()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    let agent = window
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    (origin, agent)
}

/// Outside the browser (native tests): a fixed page and browser.
#[cfg(not(target_arch = "wasm32"))]
fn page_origin_and_agent() -> (String, String) {
    (
        "https://app.example".into(),
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0".into(),
    )
}

impl MfaApi for DemoApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move { self.tenant().await?.list().json() })
    }

    fn associate(&self, request: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move {
            let body = request.body();
            self.tenant().await?.associate(&body).json()
        })
    }

    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(async move {
            let tenant = self.tenant().await?;
            let answer = match &confirm {
                Confirm::Otp { otp } => tenant.confirm_otp(otp),
                Confirm::Oob {
                    oob_code,
                    binding_code,
                } => tenant.confirm_oob(oob_code, binding_code.as_deref()),
            };
            answer.json()
        })
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move { self.tenant().await?.remove(&id.0).success() })
    }
}

#[cfg(test)]
mod tests;
