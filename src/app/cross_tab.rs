//! Keeps the page's open tabs in step: a tab that changed the user's sign-in methods says so on
//! a `BroadcastChannel`, and the other tabs fetch their list again. Only a fixed "changed"
//! notice is ever posted: no token, no factor detail.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Name of the channel shared by every mfa-manager page and widget of an origin.
pub const CHANNEL_NAME: &str = "mfa-manager";
/// The only message posted on the channel.
pub const CHANGED_NOTICE: &str = "factors-changed";

/// This tab's end of the channel; dropping it (or [`CrossTab::close`]) stops listening.
pub struct CrossTab {
    channel: web_sys::BroadcastChannel,
    _listener: Closure<dyn Fn(web_sys::MessageEvent)>,
}

impl CrossTab {
    /// Joins the channel; `on_changed` runs when another tab (or another widget on this page)
    /// changed the user's sign-in methods. `None` when the browser has no `BroadcastChannel`.
    pub fn open(on_changed: impl Fn() + 'static) -> Option<CrossTab> {
        let channel = web_sys::BroadcastChannel::new(CHANNEL_NAME).ok()?;
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if event.data().as_string().as_deref() == Some(CHANGED_NOTICE) {
                    on_changed();
                }
            });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Some(CrossTab {
            channel,
            _listener: listener,
        })
    }

    /// Tells the other tabs that the list changed.
    pub fn notify_changed(&self) {
        let _ = self
            .channel
            .post_message(&JsValue::from_str(CHANGED_NOTICE));
    }

    /// Leaves the channel.
    pub fn close(self) {}
}

impl Drop for CrossTab {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
