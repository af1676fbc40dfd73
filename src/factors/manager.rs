//! The factor management area of the signed-in screen: list, enrollment panels, removal
//! dialog and the status line announcing changes.

use super::add_app::AddApp;
use super::add_oob::{AddOob, Destination};
use super::add_push::AddPush;
use super::context::{Factors, Panel};
use super::list::FactorList;
use super::recovery::RecoveryCode;
use super::remove::RemoveDialog;
use crate::app::flow::Flow;
use leptos::prelude::*;

/// Lists, adds and removes the user's sign-in methods.
#[component]
pub fn FactorManager() -> impl IntoView {
    let factors = expect_context::<Factors>();
    // Reopen what the user was doing before a sign-in round trip, and remember the open
    // panel in case one is needed.
    if let Some(flow) = use_context::<Flow>() {
        if let Some(screen) = flow.resume.try_update(Option::take).flatten() {
            factors.panel.set(Panel::from_screen(&screen));
        }
        Effect::new(move |_| flow.screen.set(factors.panel.get().screen().to_owned()));
    }
    view! {
        <p class="mfa-note" role="status" aria-live="polite" id="mfa-announce">
            {move || factors.announcement.get()}
        </p>
        {move || match factors.panel.get() {
            Panel::List => view! { <FactorList /> }.into_any(),
            Panel::AddApp => view! { <AddApp /> }.into_any(),
            Panel::AddPhone => view! { <AddOob destination=Destination::Phone /> }.into_any(),
            Panel::AddEmail => view! { <AddOob destination=Destination::Email /> }.into_any(),
            Panel::AddPush => view! { <AddPush /> }.into_any(),
            Panel::Remove(row) => view! { <FactorList /> <RemoveDialog row /> }.into_any(),
            Panel::Recovery(code) => view! { <RecoveryCode code /> }.into_any(),
        }}
    }
}
