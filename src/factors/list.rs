//! The list of sign-in methods with its loading, error and empty states.

use super::api_error::ApiErrorView;
use super::context::{Factors, Panel};
use super::row::{rows, FactorKind, FactorRow};
use leptos::prelude::*;

/// Loads and shows the user's sign-in methods and the buttons to add more.
#[component]
pub fn FactorList() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let listed = LocalResource::new(move || {
        factors.version.track();
        let api = factors.api();
        async move { api.0.list().await }
    });
    view! {
        <div class="mfa-list" aria-busy=move || listed.get().is_none().to_string()>
            {move || match listed.get() {
                None => view! { <p class="mfa-status" role="status">"Loading your sign-in methods…"</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ApiErrorView error />
                    <button type="button" class="mfa-button" on:click=move |_| listed.refetch()>"Try again"</button>
                }.into_any(),
                Some(Ok(list)) => {
                    let rows = rows(&list);
                    factors.rows.set(rows.clone());
                    if rows.is_empty() {
                        view! {
                            <p class="mfa-empty" id="mfa-empty">
                                "You have no extra sign-in methods yet. Multi-factor authentication asks for a second proof, like a code from your phone, so a stolen password alone is not enough."
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <ul class="mfa-factors" aria-label="Your sign-in methods">
                                {rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            }}
        </div>
        <div class="mfa-add" role="group" aria-label="Add a sign-in method">
            <button type="button" class="mfa-button" id="mfa-add-app" on:click=move |_| factors.panel.set(Panel::AddApp)>"Add authenticator app"</button>
            <button type="button" class="mfa-button" id="mfa-add-phone" on:click=move |_| factors.panel.set(Panel::AddPhone)>"Add phone"</button>
            <button type="button" class="mfa-button" id="mfa-add-email" on:click=move |_| factors.panel.set(Panel::AddEmail)>"Add email"</button>
            <button type="button" class="mfa-button" id="mfa-add-push" on:click=move |_| factors.panel.set(Panel::AddPush)>"Add push notifications"</button>
        </div>
    }
}

/// The panel that sets up a method of this kind again.
fn setup_panel(kind: FactorKind) -> Option<Panel> {
    match kind {
        FactorKind::AuthenticatorApp => Some(Panel::AddApp),
        FactorKind::Phone => Some(Panel::AddPhone),
        FactorKind::Email => Some(Panel::AddEmail),
        FactorKind::Push => Some(Panel::AddPush),
        FactorKind::RecoveryCode => None,
    }
}

/// One sign-in method.
#[component]
fn Row(row: FactorRow) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let status = if row.active {
        "Active"
    } else {
        "Setup not finished"
    };
    let finish = (!row.active).then(|| setup_panel(row.kind)).flatten().map(|panel| {
        view! {
            <button type="button" class="mfa-button" on:click=move |_| factors.panel.set(panel.clone())>
                "Finish setup"
            </button>
        }
    });
    let removal = match &row.removal {
        super::row::Removal::Allowed => {
            let target = row.clone();
            view! {
                <button type="button" class="mfa-button mfa-danger" data-remove=row.ids.first().map(|i| i.0.clone()).unwrap_or_default()
                    on:click=move |_| factors.panel.set(Panel::Remove(target.clone()))>
                    "Remove"
                </button>
            }.into_any()
        }
        super::row::Removal::NotAllowed(why) => {
            view! { <p class="mfa-hint mfa-why">{why.clone()}</p> }.into_any()
        }
    };
    view! {
        <li class="mfa-factor" data-active=row.active.to_string()>
            <div class="mfa-factor-text">
                <p class="mfa-factor-title">{row.title.clone()}</p>
                <p class="mfa-hint">{row.detail.clone()}</p>
            </div>
            <span class=if row.active { "mfa-badge" } else { "mfa-badge mfa-badge-pending" }>{status}</span>
            <div class="mfa-factor-actions">{finish}{removal}</div>
        </li>
    }
}
