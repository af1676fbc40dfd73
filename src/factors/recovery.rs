//! Showing a recovery code exactly once, with Copy and Download, until the user confirms they
//! saved it. The code lives only in this panel's state.

use super::context::{Factors, Panel};
use super::secret::group_secret;
use crate::browser::{download, focus_first, use_clipboard};
use crate::i18n::fill;
use leptos::prelude::*;

/// The recovery-code screen.
#[component]
pub fn RecoveryCode(
    /// The code issued by the tenant.
    code: String,
) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let saved = RwSignal::new(false);
    let clipboard = use_clipboard();
    let grouped = group_secret(&code);
    let copy_code = code.clone();
    let download_code = code.clone();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-recovery-title">
            <h2 id="mfa-recovery-title" class="mfa-panel-title" tabindex="-1">{t.recovery_title}</h2>
            <p>{t.recovery_intro}</p>
            <p class="mfa-secret" id="mfa-recovery-code">{grouped}</p>
            <div class="mfa-actions">
                <button type="button" class="mfa-button" id="mfa-copy-recovery"
                    on:click=move |_| { clipboard.copy(&copy_code); }>
                    {move || if clipboard.copied.get() { t.copied } else { t.copy }}
                </button>
                <button type="button" class="mfa-button" id="mfa-download-recovery"
                    on:click=move |_| download("recovery-code.txt", &format!("{}\n", fill(t.recovery_file, &[("code", &download_code)])))>
                    {t.download}
                </button>
            </div>
            <label class="mfa-check">
                <input type="checkbox" id="mfa-saved-recovery"
                    prop:checked=move || saved.get()
                    on:change=move |ev| saved.set(event_target_checked(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" {
                        // Enter toggles too, so the whole screen works with Tab and Enter.
                        ev.prevent_default();
                        saved.update(|s| *s = !*s);
                    } />
                {t.recovery_saved}
            </label>
            <button type="button" class="mfa-button mfa-primary" id="mfa-recovery-continue"
                disabled=move || !saved.get()
                on:click=move |_| {
                    factors.panel.set(Panel::List);
                    // This button is gone with the panel: focus goes to the announcement of
                    // what was added, not to the page, where the next Tab would start after
                    // the list (in Firefox, past its end and out of the page).
                    focus_first("#mfa-announce");
                }>
                {t.continue_}
            </button>
        </section>
    }
}
