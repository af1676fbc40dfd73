//! The removal confirmation: names exactly what goes (twins included) and warns when the
//! tenant would then ask for the password alone.

use super::api_error::ApiErrorView;
use super::change::FactorChange;
use super::context::{Factors, Panel};
use super::demo_banner::DemoBanner;
use super::describe::{removal_summary, remove_warning};
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
    let warning = factors
        .rows
        .with_untracked(|all| remove_warning(&row, all, t));
    let remove = Submit::new(move |_: &()| {
        let api = factors.api();
        let id = id.clone();
        async move {
            match id {
                Some(id) => api.0.remove(id).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
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
                {warning.map(|w| view! { <p class="mfa-warning" id="mfa-last-warning">{w}</p> })}
                {move || match remove.value().get() {
                    Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                    _ => None,
                }}
                <div class="mfa-actions">
                    <button type="button" class="mfa-button mfa-danger" id="mfa-confirm-remove"
                        disabled=move || remove.pending().get()
                        on:click=move |_| { remove.dispatch(()); }>
                        {move || if remove.pending().get() { t.removing } else { t.remove }}
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
