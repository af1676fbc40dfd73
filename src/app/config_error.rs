//! Screen shown when the runtime configuration is missing or wrong.

use super::events::dispatch_error;
use crate::config::ConfigError;
use crate::i18n::{fill, texts};
use crate::reactive::effect;
use leptos::prelude::*;

/// Lists every configuration problem, each naming its field, as plain text.
#[component]
pub fn ConfigErrorView(
    /// The problems found while loading and validating the configuration.
    errors: Vec<ConfigError>,
) -> impl IntoView {
    // The embedding page hears about the problems too (`mfa-manager:error`, bubbling from here).
    let section = NodeRef::<leptos::html::Section>::new();
    let t = texts();
    let message = fill(
        t.config_error_event,
        &[(
            "errors",
            &errors
                .iter()
                .map(|e| e.message_in(t))
                .collect::<Vec<_>>()
                .join(" "),
        )],
    );
    effect(move || {
        if let Some(section) = section.get() {
            dispatch_error(&section, &message);
        }
    });
    view! {
        <section class="mfa-card mfa-error" role="alert" aria-labelledby="mfa-config-error-title"
            node_ref=section>
            <h2 id="mfa-config-error-title">{t.config_error_title}</h2>
            <p>{t.config_error_intro}</p>
            <ul class="mfa-config-errors">
                {errors
                    .into_iter()
                    .map(|e| view! { <li data-field=e.field().unwrap_or("file")>{e.message_in(t)}</li> })
                    .collect_view()}
            </ul>
            <p class="mfa-hint">
                {t.config_error_hint}
            </p>
        </section>
    }
}
