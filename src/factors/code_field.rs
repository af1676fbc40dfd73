//! The "Verification code" field: numeric keyboard, one-time-code autofill, paste-friendly.

use super::button_text::button_text;
use super::describe::code_problem;
use super::secret::normalize_code;
use crate::browser::focus_when_mounted;
use crate::i18n::texts;
use leptos::prelude::*;

/// A form with the verification code field and a "Verify" button. `on_code` receives the
/// normalised 6-digit code; typing mistakes are explained without a request.
#[component]
pub fn CodeForm(
    /// Field id (unique on the page).
    id: &'static str,
    /// Help text under the label.
    help: String,
    /// Whether a verification is in flight.
    #[prop(into)]
    busy: Signal<bool>,
    /// Seconds left before a rate-limited verification is sent again by itself.
    #[prop(optional, into)]
    waiting: Option<Signal<Option<u64>>>,
    /// Called with the normalised code.
    on_code: impl Fn(String) + 'static,
    /// Moves keyboard focus to the field when it appears: for a field that a user's action
    /// brings up (the button they pressed is gone, so focus would drop to the page).
    #[prop(optional)]
    take_focus: bool,
) -> impl IntoView {
    let t = texts();
    let field = NodeRef::<leptos::html::Input>::new();
    if take_focus {
        focus_when_mounted(field);
    }
    let value = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<String>);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match normalize_code(&value.get_untracked()) {
            Ok(code) => {
                problem.set(None);
                on_code(code);
            }
            Err(e) => problem.set(Some(code_problem(&e, t))),
        }
    };
    let described = {
        let (help_id, error_id) = (help_id.clone(), error_id.clone());
        move || {
            if problem.get().is_some() {
                format!("{help_id} {error_id}")
            } else {
                help_id.clone()
            }
        }
    };
    view! {
        <form class="mfa-code-form" on:submit=submit novalidate>
            <label for=id>{t.code_label}</label>
            <p class="mfa-hint" id=help_id>{help}</p>
            <input
                id=id
                node_ref=field
                name="code"
                type="text"
                inputmode="numeric"
                autocomplete="one-time-code"
                maxlength="20"
                spellcheck="false"
                aria-invalid=move || problem.get().is_some().to_string()
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {move || problem.get().map(|p| view! { <p class="mfa-field-error" id=error_id.clone()>{p}</p> })}
            <button type="submit" class="mfa-button mfa-primary" disabled=move || busy.get()>
                {move || button_text(waiting.and_then(|w| w.get()), busy.get(), (t.verifying, t.verify), t)}
            </button>
        </form>
    }
}
