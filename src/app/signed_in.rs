//! The signed-in screen: the session status and the way back to the app.

use super::continue_sign_in::ContinueSignIn;
use super::demo_panel::DemoPanel;
use super::flow::Flow;
use super::session_bar::SessionBar;
use crate::factors::manager::FactorManager;
use crate::i18n::texts;
use leptos::prelude::*;

/// Signed in for the MFA API.
#[component]
pub fn SignedInScreen() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let t = texts();
    view! {
        <section class="mfa-card" aria-labelledby="mfa-signed-in-title">
            <h2 id="mfa-signed-in-title">{t.signed_in_title}</h2>
            <SessionBar />
            <ContinueSignIn />
            <DemoPanel />
            <FactorManager />
            <div class="mfa-actions mfa-finish">
                <button type="button" class="mfa-button mfa-primary" id="mfa-done"
                    on:click=move |_| flow.done()>
                    {t.done}
                </button>
            </div>
        </section>
    }
}
