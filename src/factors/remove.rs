//! The removal confirmation: names exactly what goes (twins included), says which ways in
//! are left, warns when the tenant would then ask for the password alone, and makes the user
//! type the method's name before removing their last way to pass the second step.

use super::api_error::ApiErrorView;
use super::button_text::button_text;
use super::change::FactorChange;
use super::context::{Factors, Panel};
use super::demo_banner::DemoBanner;
use super::describe::{confirm_word, removal_summary, remove_warning, ways_left_text};
use super::pending::Pending;
use super::row::FactorRow;
use crate::api::ApiError;
use crate::browser::{focus_first, focus_when_mounted, trap_focus};
use crate::i18n::{around, fill};
use crate::reactive::{effect, Submit};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A modal dialog confirming the removal of `row`.
#[component]
pub fn RemoveDialog(
    /// The method to remove.
    row: FactorRow,
) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let summary = removal_summary(&row, t);
    let (removes_before, removes_after) = around(t.removes, "what");
    let id = row.ids.first().cloned();
    let kind = row.kind;
    // The list under the dialog is current, so the warning needs no extra round trip.
    let (warning, ways) = factors
        .rows
        .with_untracked(|all| (remove_warning(&row, all, t), ways_left_text(&row, all, t)));
    // Removing the last way in takes the method's name, typed.
    let word = (row.active && ways.is_none()).then(|| confirm_word(&row, t));
    let typed = RwSignal::new(String::new());
    let mismatch = RwSignal::new(false);
    let expected = word.clone();
    let typed_matches = move || {
        expected
            .as_ref()
            .is_none_or(|w| typed.get_untracked().trim().to_lowercase() == w.to_lowercase())
    };
    let remove = Submit::new(move |_: &()| {
        let api = factors.api();
        let id = id.clone();
        factors
            .pending
            .set(id.as_ref().map(|id| Pending::Remove { id: id.0.clone() }));
        async move {
            let removed = match id {
                Some(id) => api.0.remove(id).await,
                None => Err(ApiError::NotFound),
            };
            factors.pending.try_set(None);
            removed
        }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    // Focus goes back where it came from on Cancel/Escape, and to the announcement after a
    // removal (the button that opened the dialog is gone then).
    let opener = StoredValue::new_local(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    let done_summary = summary.clone();
    effect(move || {
        if let Some(Ok(())) = remove.value().get() {
            factors.changed(
                FactorChange::removed(kind),
                fill(t.removed, &[("what", &done_summary)]),
            );
            focus_first("#mfa-announce");
        }
    });
    let cancel_button = NodeRef::<leptos::html::Button>::new();
    focus_when_mounted(cancel_button);
    let close = move || {
        factors.panel.set(Panel::List);
        if let Some(opener) = opener.get_value() {
            let _ = opener.focus();
        }
    };
    let dialog = NodeRef::<leptos::html::Div>::new();
    let keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Escape" => close(),
        "Tab" => {
            if let Some(dialog) = dialog.get() {
                trap_focus(&dialog, &ev);
            }
        }
        _ => {}
    };
    view! {
        <div class="mfa-backdrop">
            <div
                class="mfa-card mfa-dialog"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="mfa-remove-title"
                aria-describedby="mfa-remove-text"
                node_ref=dialog
                on:keydown=keydown
            >
                {factors.demo.then(|| view! { <DemoBanner /> })}
                <h2 id="mfa-remove-title">{t.remove_title}</h2>
                <p id="mfa-remove-text">{removes_before} <strong>{summary}</strong> {removes_after}</p>
                {ways.map(|w| view! { <p id="mfa-ways-left">{w}</p> })}
                {warning.map(|w| view! { <p class="mfa-warning" id="mfa-last-warning">{w}</p> })}
                {word.map(|word| {
                    let label = fill(t.type_name_to_confirm, &[("name", &word)]);
                    let wrong = fill(t.type_name_mismatch, &[("name", &word)]);
                    view! {
                        <p class="mfa-warning" id="mfa-no-way-left">{t.no_way_left}</p>
                        <label for="mfa-confirm-name">{label}</label>
                        <input id="mfa-confirm-name" type="text" autocomplete="off" spellcheck="false"
                            aria-invalid=move || mismatch.get().to_string()
                            aria-describedby="mfa-confirm-name-error"
                            prop:value=move || typed.get()
                            on:input=move |ev| { typed.set(event_target_value(&ev)); mismatch.set(false); } />
                        {move || mismatch.get().then(|| view! {
                            <p class="mfa-field-error" id="mfa-confirm-name-error">{wrong.clone()}</p>
                        })}
                    }
                })}
                {move || match remove.value().get() {
                    Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                    _ => None,
                }}
                <div class="mfa-actions">
                    <button type="button" class="mfa-button mfa-danger" id="mfa-confirm-remove"
                        disabled=move || remove.pending().get()
                        on:click=move |_| {
                            if typed_matches() {
                                remove.dispatch(());
                            } else {
                                mismatch.set(true);
                                focus_first("#mfa-confirm-name");
                            }
                        }>
                        {move || button_text(remove.waiting().get(), remove.pending().get(), (t.removing, t.remove), t)}
                    </button>
                    <button type="button" class="mfa-button" id="mfa-cancel-remove" node_ref=cancel_button
                        on:click=move |_| close()>
                        {t.cancel}
                    </button>
                </div>
            </div>
        </div>
    }
}
