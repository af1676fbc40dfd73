//! Shared state of the factor screens: the API, which panel is open, list refreshes and the
//! live-region announcements.

use super::change::FactorChange;
use super::pending::Pending;
use super::row::{FactorKind, FactorRow};
use crate::api::ApiHandle;
use crate::api::{ApiError, Authenticator};
use crate::browser::focus_first;
use crate::i18n::{fill, texts, Texts};
use futures_util::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// A listing of the methods under way, which more than one can wait for.
pub type Listing = Shared<LocalBoxFuture<'static, Result<Vec<Authenticator>, ApiError>>>;

/// What the factor screens tell the page around them (see [`Factors::set_on_event`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FactorEvent<'a> {
    /// The list was changed on this page.
    Changed(FactorChange),
    /// An error is shown, with this message.
    ErrorShown(&'a str),
}

/// Told about every [`FactorEvent`].
pub type OnEvent = Rc<dyn Fn(FactorEvent<'_>)>;

/// The panel shown under the heading.
#[derive(Clone, Debug, PartialEq)]
pub enum Panel {
    /// The list of sign-in methods.
    List,
    /// Enrolling an authenticator app.
    AddApp,
    /// Enrolling a phone (text message or call).
    AddPhone,
    /// Enrolling an email address.
    AddEmail,
    /// Enrolling push notifications.
    AddPush,
    /// Adding a passkey.
    AddPasskey,
    /// Confirming the removal of a row.
    Remove(FactorRow),
    /// Showing a new recovery code once.
    Recovery(String),
}

impl Panel {
    /// Name of the panel in a sign-in round trip (only panels worth reopening have one).
    pub fn screen(&self) -> &'static str {
        match self {
            Panel::AddApp => "add-app",
            Panel::AddPhone => "add-phone",
            Panel::AddEmail => "add-email",
            Panel::AddPush => "add-push",
            Panel::AddPasskey => "add-passkey",
            Panel::List | Panel::Remove(_) | Panel::Recovery(_) => "manage",
        }
    }

    /// The panel to reopen for a remembered screen name.
    pub fn from_screen(screen: &str) -> Panel {
        match screen {
            "add-app" => Panel::AddApp,
            "add-phone" => Panel::AddPhone,
            "add-email" => Panel::AddEmail,
            "add-push" => Panel::AddPush,
            "add-passkey" => Panel::AddPasskey,
            _ => Panel::List,
        }
    }
}

/// Context of the factor screens.
#[derive(Clone, Copy)]
pub struct Factors {
    /// The MFA API (HTTP or demo).
    pub api: StoredValue<ApiHandle, LocalStorage>,
    /// The open panel.
    pub panel: RwSignal<Panel>,
    /// Bumped whenever the list must be fetched again.
    pub version: RwSignal<u32>,
    /// Polite announcement for screen readers (and a visible status line).
    pub announcement: RwSignal<String>,
    /// The rows last listed (read by the removal dialog's last-method warning).
    pub rows: RwSignal<Vec<FactorRow>>,
    /// The action under way that a sign-in round trip must not lose (see
    /// [`super::pending`]).
    pub pending: RwSignal<Option<Pending>>,
    /// An action a round trip interrupted, to finish once the list is loaded.
    pub resumed: RwSignal<Option<Pending>>,
    /// Told about every change made here and every error shown (host page events, other
    /// tabs).
    pub on_event: StoredValue<Option<OnEvent>, LocalStorage>,
    /// The listing asked for as soon as the signed-in screens were set up, which the list
    /// takes when it first shows (see [`Factors::list_early`]).
    pub early_listing: StoredValue<Option<Listing>, LocalStorage>,
    /// The texts of the language provided as context when the factors were created.
    pub texts: &'static Texts,
    /// Demo mode: the screens run against the in-page demo tenant, and the removal dialog
    /// says so too (see [`super::demo_banner`]).
    pub demo: bool,
}

impl Factors {
    /// Creates the context around an API, in the language provided as context (English
    /// without one).
    pub fn new(api: ApiHandle) -> Factors {
        Factors {
            api: StoredValue::new_local(api),
            panel: RwSignal::new(Panel::List),
            version: RwSignal::new(0),
            announcement: RwSignal::new(String::new()),
            rows: RwSignal::new(Vec::new()),
            pending: RwSignal::new(None),
            resumed: RwSignal::new(None),
            on_event: StoredValue::new_local(None),
            early_listing: StoredValue::new_local(None),
            texts: texts(),
            demo: false,
        }
    }

    /// Sets the hook told about every change to the list made on this page and every error
    /// the factor screens show.
    pub fn set_on_event(&self, hook: impl Fn(FactorEvent<'_>) + 'static) {
        self.on_event.set_value(Some(Rc::new(hook)));
    }

    /// Tells the [`on_event`](Self::on_event) hook about `event`.
    pub fn tell(&self, event: FactorEvent<'_>) {
        if let Some(hook) = self.on_event.try_get_value().flatten() {
            hook(event);
        }
    }

    /// Tells the hook that `message` is shown.
    pub fn report_error(&self, message: &str) {
        self.tell(FactorEvent::ErrorShown(message));
    }

    /// The API handle.
    pub fn api(&self) -> ApiHandle {
        self.api.get_value()
    }

    /// Asks for the list of methods now, while the signed-in screen is still being built, so
    /// the request is not held up by the rendering before the list (on a slow phone that is a
    /// good part of the wait after signing in).
    pub fn list_early(&self) {
        let api = self.api();
        let listing = async move { api.0.list().await }.boxed_local().shared();
        spawn_local(listing.clone().map(|_| ()));
        self.early_listing.set_value(Some(listing));
    }

    /// The early listing, taken once, while nothing has changed since it was asked for.
    pub fn take_early_listing(&self) -> Option<Listing> {
        let listing = self.early_listing.try_update_value(Option::take).flatten();
        listing.filter(|_| self.version.get_untracked() == 0)
    }

    /// Back to the list, refreshed, announcing `what` happened, and tells the
    /// [`on_event`](Self::on_event) hook about `change`.
    pub fn changed(&self, change: FactorChange, what: impl Into<String>) {
        self.announcement.set(what.into());
        self.version.update(|v| *v += 1);
        self.panel.set(Panel::List);
        self.tell(FactorEvent::Changed(change));
    }

    /// The list was changed somewhere else (another tab): fetches it again without leaving
    /// the open panel. Does nothing once the screens are gone.
    pub fn changed_elsewhere(&self) {
        if self.version.try_update(|v| *v += 1).is_some() {
            self.announcement.set(self.texts.changed_elsewhere.into());
        }
    }

    /// An enrollment of a `kind` method succeeded: show the recovery code first if the tenant
    /// issued one. Keyboard focus goes to the announcement (the panel's buttons are gone), or
    /// to the recovery code's panel, which takes it on its next frame.
    pub fn enrolled(&self, kind: FactorKind, what: &str, recovery_code: Option<String>) {
        self.changed(
            FactorChange::added(kind),
            fill(self.texts.added, &[("what", what)]),
        );
        focus_first("#mfa-announce");
        if let Some(code) = recovery_code {
            self.panel.set(Panel::Recovery(code));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enrollment_panels_survive_a_round_trip_by_name() {
        for panel in [
            Panel::AddApp,
            Panel::AddPhone,
            Panel::AddEmail,
            Panel::AddPush,
            Panel::AddPasskey,
            Panel::List,
        ] {
            assert_eq!(Panel::from_screen(panel.screen()), panel);
        }
        assert_eq!(Panel::Recovery("x".into()).screen(), "manage");
        assert_eq!(Panel::from_screen("<unknown>"), Panel::List);
    }
}
