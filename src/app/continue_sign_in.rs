//! In popup mode, a renewal the tenant answers only interactively (the session is gone, or it
//! asks for a step-up): the signed-in screen stays, says why, and offers "Continue", which
//! opens the sign-in popup; whatever the user was doing waits and then completes.

use super::describe::auth_message;
use super::flow::Flow;
use crate::i18n::texts;
use leptos::prelude::*;

/// The question, while a renewal waits for the user.
#[component]
pub fn ContinueSignIn() -> impl IntoView {
    let flow = expect_context::<Flow>();
    let t = texts();
    move || {
        flow.reauth.get().map(|why| {
            view! {
                <div class="mfa-session mfa-warning" id="mfa-reauth" role="alert">
                    <p>{why}</p>
                    {move || flow.error.get().map(|e| view! {
                        <p class="mfa-error-message" id="mfa-reauth-error">{auth_message(&e, t)}</p>
                    })}
                    <div class="mfa-actions">
                        <button type="button" class="mfa-button mfa-primary" id="mfa-reauth-continue"
                            on:click=move |_| flow.continue_sign_in()>
                            {t.continue_}
                        </button>
                        <button type="button" class="mfa-button" id="mfa-reauth-cancel"
                            on:click=move |_| flow.give_up_sign_in()>
                            {t.cancel}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
