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
    /// Shows the outbox in `panel` (keeping it current while `panel` is in the document),
    /// with the panel's texts from `texts`.
    fn show_outbox(&self, panel: web_sys::Element, texts: &OutboxTexts);
}

/// The outbox panel's texts in the page's language, named as the module's `PanelTexts`
/// fields. Filled by the screens, so this layer carries no texts of its own.
#[derive(Clone, Copy, Debug)]
pub struct OutboxTexts {
    /// The panel's heading.
    pub title: &'static str,
    /// What the panel is (not real messages).
    pub intro: &'static str,
    /// Shown before anything was sent.
    pub empty: &'static str,
    /// Label of a text message.
    pub sms: &'static str,
    /// Label of a voice call.
    pub voice: &'static str,
    /// Label of an email.
    pub email: &'static str,
    /// Label of a push request.
    pub push: &'static str,
    /// "to" before a destination.
    pub to: &'static str,
    /// Label of a code.
    pub code: &'static str,
    /// The button approving a push request.
    pub approve: &'static str,
    /// The button rejecting a push request.
    pub reject: &'static str,
}

impl OutboxTexts {
    /// Each text under its field name.
    pub fn entries(&self) -> [(&'static str, &'static str); 11] {
        [
            ("title", self.title),
            ("intro", self.intro),
            ("empty", self.empty),
            ("sms", self.sms),
            ("voice", self.voice),
            ("email", self.email),
            ("push", self.push),
            ("to", self.to),
            ("code", self.code),
            ("approve", self.approve),
            ("reject", self.reject),
        ]
    }
}
