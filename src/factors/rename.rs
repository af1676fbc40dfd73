//! Renaming a method in place: the row's title becomes a field; Enter saves, Escape cancels,
//! and the length is checked before anything is sent.

use super::api_error::ApiErrorView;
use super::button_text::button_text;
use super::change::FactorChange;
use super::context::Factors;
use super::describe::row_title;
use super::method_name::{check_name, NameError, MAX_NAME_CHARS};
use super::pending::Pending;
use super::row::FactorRow;
use crate::api::ApiError;
use crate::browser::focus_when_mounted;
use crate::i18n::fill;
use crate::reactive::{effect, Submit};
use leptos::prelude::*;

/// The inline rename form of `row`; `on_close` runs when it is left without saving.
#[component]
pub fn RenameForm(
    /// The method to rename.
    row: FactorRow,
    /// Leaves the form (Escape, Cancel).
    on_close: Callback<()>,
) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let current = row_title(&row, t);
    let value = RwSignal::new(current.clone());
    let problem = RwSignal::new(None::<String>);
    let field = NodeRef::<leptos::html::Input>::new();
    focus_when_mounted(field);
    let id = row.ids.first().cloned();
    let kind = row.kind;
    let save = Submit::new(move |name: &String| {
        let api = factors.api();
        let (id, name) = (id.clone(), name.clone());
        factors.pending.set(id.as_ref().map(|id| Pending::Rename {
            id: id.0.clone(),
            name: name.clone(),
        }));
        async move {
            let renamed = match id {
                Some(id) => api.0.rename(id, name.clone()).await.map(|()| name),
                None => Err(ApiError::NotFound),
            };
            factors.pending.try_set(None);
            renamed
        }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    effect(move || {
        if let Some(Ok(name)) = save.value().get() {
            factors.changed(
                FactorChange::renamed(kind),
                fill(t.renamed, &[("name", &name)]),
            );
        }
    });
    let unchanged = current.clone();
    let submit = move || match check_name(&value.get_untracked()) {
        // The same name again is no change: no write is spent on it.
        Ok(name) if name == unchanged => on_close.run(()),
        Ok(name) => {
            problem.set(None);
            save.dispatch(name);
        }
        Err(NameError::Empty) => problem.set(Some(t.name_empty.into())),
        Err(NameError::TooLong(count)) => problem.set(Some(fill(
            t.name_too_long,
            &[
                ("max", &MAX_NAME_CHARS.to_string()),
                ("count", &count.to_string()),
            ],
        ))),
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ev.stop_propagation();
            on_close.run(());
        }
    };
    let label = fill(t.rename_label, &[("what", &current)]);
    view! {
        <form class="mfa-rename" novalidate
            on:submit=move |ev| { ev.prevent_default(); submit(); }
            on:keydown=keydown>
            <label for="mfa-rename-field" class="mfa-rename-label">{label}</label>
            <input id="mfa-rename-field" node_ref=field type="text" autocomplete="off"
                maxlength=(MAX_NAME_CHARS * 2).to_string()
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby="mfa-rename-error"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev)) />
            {move || problem.get().map(|p| view! { <p class="mfa-field-error" id="mfa-rename-error">{p}</p> })}
            {move || match save.value().get() {
                Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                _ => None,
            }}
            <div class="mfa-actions">
                <button type="submit" class="mfa-button mfa-primary" id="mfa-rename-save"
                    disabled=move || save.pending().get()>
                    {move || button_text(save.waiting().get(), save.pending().get(), (t.saving, t.save), t)}
                </button>
                <button type="button" class="mfa-button" id="mfa-rename-cancel"
                    on:click=move |_| on_close.run(())>
                    {t.cancel}
                </button>
            </div>
        </form>
    }
}
