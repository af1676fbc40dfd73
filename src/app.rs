//! The top-level component: loads the configuration, then shows the matching screen.

pub mod config_error;
pub mod signed_out;

use crate::config::{self, Config};
use config_error::ConfigErrorView;
use leptos::prelude::*;
use signed_out::SignedOut;

/// The whole mfa-manager page.
#[component]
pub fn App() -> impl IntoView {
    let loaded = LocalResource::new(config::load);
    view! {
        <main class="mfa-manager" aria-busy=move || loaded.get().is_none().to_string()>
            <header class="mfa-header">
                <h1>"Security settings"</h1>
            </header>
            {move || match loaded.get() {
                None => view! { <p class="mfa-status" role="status">"Loading…"</p> }.into_any(),
                Some(Ok(config)) => screen(config).into_any(),
                Some(Err(errors)) => view! { <ConfigErrorView errors /> }.into_any(),
            }}
        </main>
    }
}

/// The screen shown once a valid configuration is loaded.
fn screen(config: Config) -> impl IntoView {
    view! { <SignedOut config /> }
}
