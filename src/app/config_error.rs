//! Screen shown when the runtime configuration is missing or wrong.

use super::events::dispatch_error;
use crate::config::ConfigError;
use leptos::prelude::*;

/// Lists every configuration problem, each naming its field, as plain text.
#[component]
pub fn ConfigErrorView(
    /// The problems found while loading and validating the configuration.
    errors: Vec<ConfigError>,
) -> impl IntoView {
    // The embedding page hears about the problems too (`mfa-manager:error`, bubbling from here).
    let section = NodeRef::<leptos::html::Section>::new();
    let message = format!(
        "The configuration has a problem: {}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    );
    Effect::new(move |_| {
        if let Some(section) = section.get() {
            dispatch_error(&section, &message);
        }
    });
    view! {
        <section class="mfa-card mfa-error" role="alert" aria-labelledby="mfa-config-error-title"
            node_ref=section>
            <h2 id="mfa-config-error-title">"This page is not set up correctly"</h2>
            <p>"The site's configuration (config.json) has a problem, so sign-in cannot start:"</p>
            <ul class="mfa-config-errors">
                {errors
                    .into_iter()
                    .map(|e| view! { <li data-field=e.field().unwrap_or("file")>{e.to_string()}</li> })
                    .collect_view()}
            </ul>
            <p class="mfa-hint">
                "If you run this site, fix config.json and reload. If you are a visitor, please tell the site's support team."
            </p>
        </section>
    }
}
