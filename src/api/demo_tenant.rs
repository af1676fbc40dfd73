//! What demo mode asks of the in-page tenant (`mfa-demo-tenant`), whichever way it is
//! reached: the module loaded into the page, or the model itself in native tests.

use super::answer::Answer;

/// What demo mode asks of the in-page tenant; every call answers as its endpoint would.
pub trait DemoTenant {
    /// `GET /mfa/authenticators`.
    fn list(&self) -> Answer;
    /// `POST /mfa/associate` with a JSON body.
    fn associate(&self, body: &str) -> Answer;
    /// `POST /oauth/token` with the `mfa-otp` grant.
    fn confirm_otp(&self, otp: &str) -> Answer;
    /// `POST /oauth/token` with the `mfa-oob` grant.
    fn confirm_oob(&self, oob_code: &str, binding_code: Option<&str>) -> Answer;
    /// `DELETE /mfa/authenticators/{id}`.
    fn remove(&self, id: &str) -> Answer;
    /// A My Account API call: `method` on `path` below `/me/v1`, with a JSON `body`, from the
    /// page at `origin` in the browser `user_agent`.
    fn my_account(
        &self,
        method: &str,
        path: &str,
        body: Option<&str>,
        origin: &str,
        user_agent: &str,
    ) -> Answer;
    /// Shows the outbox in `panel` (keeping it current while `panel` is in the document),
    /// with the panel's texts from `texts`.
    fn show_outbox(&self, panel: web_sys::Element, texts: &OutboxTexts);
}

/// The outbox panel's texts in the page's language, as (field, text) pairs named as the
/// module's `PanelTexts` fields. Filled by the screens, so this layer carries no texts.
pub type OutboxTexts = [(&'static str, &'static str); 11];
