//! The factor management area of the signed-in screen: list, enrollment panels, removal
//! dialog and the status line announcing changes.

use super::add_app::AddApp;
use super::add_oob::{AddOob, Destination};
use super::add_passkey::AddPasskey;
use super::add_push::AddPush;
use super::context::{Factors, Panel};
use super::list::FactorList;
use super::recovery::RecoveryCode;
use super::remove::RemoveDialog;
use crate::browser::focus_first;
use crate::reactive::effect;
use leptos::prelude::*;

/// Lists, adds and removes the user's sign-in methods.
#[component]
pub fn FactorManager() -> impl IntoView {
    let factors = expect_context::<Factors>();
    // The list stays mounted under the removal dialog so focus can return to its buttons.
    let list_visible =
        Memo::new(move |_| matches!(factors.panel.get(), Panel::List | Panel::Remove(_)));
    let removing = Memo::new(move |_| match factors.panel.get() {
        Panel::Remove(row) => Some(row),
        _ => None,
    });
    let other = Memo::new(move |_| match factors.panel.get() {
        Panel::List | Panel::Remove(_) => None,
        panel => Some(panel),
    });
    // Keyboard and screen-reader users start at the top of a newly opened panel.
    effect(move || {
        if other.get().is_some() {
            request_animation_frame(|| focus_first(".mfa-panel-title"));
        }
    });
    view! {
        <p class="mfa-note" role="status" aria-live="polite" id="mfa-announce" tabindex="-1">
            {move || factors.announcement.get()}
        </p>
        <Show when=move || list_visible.get()>
            <FactorList />
        </Show>
        {move || other.get().map(|panel| match panel {
            Panel::AddApp => view! { <AddApp /> }.into_any(),
            Panel::AddPhone => view! { <AddOob destination=Destination::Phone /> }.into_any(),
            Panel::AddEmail => view! { <AddOob destination=Destination::Email /> }.into_any(),
            Panel::AddPush => view! { <AddPush /> }.into_any(),
            Panel::AddPasskey => view! { <AddPasskey /> }.into_any(),
            Panel::Recovery(code) => view! { <RecoveryCode code /> }.into_any(),
            Panel::List | Panel::Remove(_) => ().into_any(),
        })}
        {move || removing.get().map(|row| view! { <RemoveDialog row /> })}
    }
}
