//! The list of sign-in methods with its loading, error and empty states.

use super::add_recovery::AddRecoveryButton;
use super::api_error::ApiErrorView;
use super::context::{Factors, Panel};
use super::describe::{row_detail, row_facts, row_title, why_kept};
use super::rename::RenameForm;
use super::row::{rows, FactorKind, FactorRow, Removal};
use super::try_again::try_again;
use crate::browser::dates::date_time_text;
use crate::browser::{focus_first, sleep};
use crate::i18n::Lang;
use crate::reactive::{effect, Load};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// Loads and shows the user's sign-in methods and the buttons to add more.
#[component]
pub fn FactorList() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let features = factors.api().0.features();
    let listed = Load::new(move || {
        factors.version.track();
        let api = factors.api();
        let early = factors.take_early_listing();
        async move {
            match early {
                Some(listing) => listing.await,
                None => api.0.list().await,
            }
        }
    });
    // A rate-limited listing is fetched again by itself once the tenant's wait is over.
    let live = RwSignal::new(true);
    on_cleanup(move || live.set(false));
    effect(move || {
        let wait = listed.with(|l| match l {
            Some(Err(error)) => error.resend_after(),
            _ => None,
        });
        if let Some(seconds) = wait {
            spawn_local(async move {
                sleep(Duration::from_secs(seconds.max(1))).await;
                if live.try_get_untracked() == Some(true) {
                    listed.reload();
                }
            });
        }
    });
    view! {
        <div class="mfa-list" id="mfa-list" tabindex="-1" aria-busy=move || listed.get().is_none().to_string()>
            {move || match listed.get() {
                None => view! { <p class="mfa-status" role="status">{t.loading_methods}</p> }.into_any(),
                Some(Err(error)) => view! {
                    <ApiErrorView error />
                    <button type="button" class="mfa-button" on:click=move |_| try_again("#mfa-list", || listed.reload())>{t.try_again}</button>
                }.into_any(),
                Some(Ok(list)) => {
                    let rows = rows(&list);
                    factors.rows.set(rows.clone());
                    if let Some(pending) = factors.resumed.try_update(Option::take).flatten() {
                        factors.finish_pending(pending, &rows);
                    }
                    if rows.is_empty() {
                        view! {
                            <p class="mfa-empty" id="mfa-empty">
                                {t.no_methods}
                            </p>
                        }.into_any()
                    } else {
                        view! {
                            <ul class="mfa-factors" aria-label=t.methods_label>
                                {rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            }}
        </div>
        <div class="mfa-add" role="group" aria-label=t.add_group_label>
            <button type="button" class="mfa-button" id="mfa-add-app" on:click=move |_| factors.panel.set(Panel::AddApp)>{t.add_app}</button>
            <button type="button" class="mfa-button" id="mfa-add-phone" on:click=move |_| factors.panel.set(Panel::AddPhone)>{t.add_phone}</button>
            <button type="button" class="mfa-button" id="mfa-add-email" on:click=move |_| factors.panel.set(Panel::AddEmail)>{t.add_email}</button>
            <button type="button" class="mfa-button" id="mfa-add-push" on:click=move |_| factors.panel.set(Panel::AddPush)>{t.add_push}</button>
            {features.passkeys.then(|| view! {
                <button type="button" class="mfa-button" id="mfa-add-passkey" on:click=move |_| factors.panel.set(Panel::AddPasskey)>{t.add_passkey}</button>
            })}
            {features.recovery_code_on_request.then(|| view! { <AddRecoveryButton /> })}
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
        FactorKind::Passkey | FactorKind::RecoveryCode => None,
    }
}

/// One sign-in method.
#[component]
fn Row(row: FactorRow) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let status = if row.active {
        t.status_active
    } else {
        t.status_pending
    };
    let finish = (!row.active).then(|| setup_panel(row.kind)).flatten().map(|panel| {
        view! {
            <button type="button" class="mfa-button" on:click=move |_| factors.panel.set(panel.clone())>
                {t.finish_setup}
            </button>
        }
    });
    let lang = use_context::<Lang>().unwrap_or_default();
    let facts = row_facts(&row, t, &|iso| date_time_text(iso, lang.tag()));
    let editing = RwSignal::new(false);
    let rename_id = format!(
        "mfa-rename-{}",
        row.ids.first().map(|i| i.0.as_str()).unwrap_or_default()
    )
    .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-");
    let rename = row.renamable.then(|| {
        let rename_id = rename_id.clone();
        view! {
            <button type="button" class="mfa-button" id=rename_id
                on:click=move |_| editing.set(true)>
                {t.rename}
            </button>
        }
    });
    let close_rename = Callback::new(move |()| {
        editing.set(false);
        let selector = format!("#{rename_id}");
        request_animation_frame(move || focus_first(&selector));
    });
    let title = row_title(&row, t);
    let form_row = row.clone();
    let removal = match row.removal {
        Removal::Allowed => {
            let target = row.clone();
            view! {
                <button type="button" class="mfa-button mfa-danger" data-remove=row.ids.first().map(|i| i.0.clone()).unwrap_or_default()
                    on:click=move |_| factors.panel.set(Panel::Remove(target.clone()))>
                    {t.remove}
                </button>
            }.into_any()
        }
        Removal::NotAllowed(why) => {
            view! { <p class="mfa-hint mfa-why">{why_kept(why, t)}</p> }.into_any()
        }
    };
    view! {
        <li class="mfa-factor" data-active=row.active.to_string()>
            <div class="mfa-factor-text">
                {move || if editing.get() {
                    view! { <RenameForm row=form_row.clone() on_close=close_rename /> }.into_any()
                } else {
                    view! { <p class="mfa-factor-title">{title.clone()}</p> }.into_any()
                }}
                <p class="mfa-hint">{row_detail(&row, t)}</p>
                {(!facts.is_empty()).then(|| view! {
                    <p class="mfa-hint mfa-facts">{facts.join(" · ")}</p>
                })}
            </div>
            <span class=if row.active { "mfa-badge" } else { "mfa-badge mfa-badge-pending" }>{status}</span>
            <div class="mfa-factor-actions">{finish}{rename}{removal}</div>
        </li>
    }
}
