//! Adding a passkey: the tenant's creation options, the browser's WebAuthn prompt, the
//! tenant's verification, then a name from the passkey's provider (or the device).
//!
//! Writes are budgeted (free tenants allow two a minute): the browser's support is checked
//! before anything is sent, and a started enrollment is reused when the user retries after
//! closing the prompt, while its challenge is fresh.

use super::api_error::ApiErrorView;
use super::context::{Factors, Panel};
use super::describe::new_passkey_name;
use super::row::FactorKind;
use crate::api::{ApiError, AuthenticatorId, PasskeyChallenge};
use crate::browser::sleep;
use crate::browser::webauthn::{self, CeremonyError};
use crate::i18n::{fill, Texts};
use crate::reactive::{effect, Submit};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

/// How long a started enrollment is reused for a retry (the tenant's session lasts 5 minutes,
/// the browser's prompt 1).
const REUSE_FOR_MS: f64 = 3.0 * 60.0 * 1000.0;

/// Why no passkey was added.
#[derive(Clone, Debug, PartialEq)]
enum AddError {
    /// The tenant refused or failed.
    Api(ApiError),
    /// The browser made no credential.
    Ceremony(CeremonyError),
}

/// The message for a ceremony that made no credential, in the language of `t`.
fn ceremony_message(error: &CeremonyError, t: &Texts) -> String {
    match error {
        CeremonyError::Unavailable => t.passkey_unavailable.into(),
        CeremonyError::Cancelled => t.passkey_cancelled.into(),
        CeremonyError::Duplicate => t.passkey_duplicate.into(),
        CeremonyError::WrongSite => t.passkey_wrong_site.into(),
        CeremonyError::Failed(why) => fill(t.passkey_failed, &[("why", why)]),
    }
}

/// The add-a-passkey panel.
#[component]
pub fn AddPasskey() -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let started = StoredValue::new_local(None::<(PasskeyChallenge, f64)>);
    let add = Submit::new(move |_: &()| {
        let api = factors.api();
        async move {
            if !webauthn::available() {
                return Err(AddError::Ceremony(CeremonyError::Unavailable));
            }
            let now = js_sys::Date::now();
            let reusable = started
                .get_value()
                .filter(|(_, at)| now - at < REUSE_FOR_MS)
                .map(|(challenge, _)| challenge);
            let challenge = match reusable {
                Some(challenge) => challenge,
                None => {
                    let challenge = api.0.start_passkey().await.map_err(AddError::Api)?;
                    started.set_value(Some((challenge.clone(), now)));
                    challenge
                }
            };
            let credential = webauthn::create(&challenge.options)
                .await
                .map_err(AddError::Ceremony)?;
            started.set_value(None);
            let added = api
                .0
                .finish_passkey(challenge, credential)
                .await
                .map_err(AddError::Api)?;
            let agent = window().navigator().user_agent().unwrap_or_default();
            let aaguid = added.passkey.as_ref().and_then(|p| p.aaguid.as_deref());
            let name = new_passkey_name(aaguid, &agent, t);
            name_later(factors, added.id, name.clone());
            Ok(name)
        }
    });
    effect(move || {
        if let Some(Ok(name)) = add.value().get() {
            factors.enrolled(FactorKind::Passkey, &name, None);
        }
    });
    view! {
        <section class="mfa-card" aria-labelledby="mfa-add-passkey-title">
            <h2 id="mfa-add-passkey-title" class="mfa-panel-title" tabindex="-1">{t.add_passkey_title}</h2>
            <p>{t.passkey_intro}</p>
            {move || match add.value().get() {
                Some(Err(AddError::Api(error))) => Some(view! { <ApiErrorView error /> }.into_any()),
                Some(Err(AddError::Ceremony(error))) => {
                    let message = ceremony_message(&error, t);
                    factors.report_error(&message);
                    Some(view! {
                        <div class="mfa-error mfa-inline-error" role="alert" id="mfa-passkey-error">
                            <p class="mfa-error-message">{message}</p>
                        </div>
                    }.into_any())
                }
                _ => None,
            }}
            <div class="mfa-actions">
                <button type="button" class="mfa-button mfa-primary" id="mfa-create-passkey"
                    disabled=move || add.pending().get()
                    on:click=move |_| add.dispatch(())>
                    {move || if add.pending().get() { t.passkey_waiting } else { t.passkey_create }}
                </button>
                <button type="button" class="mfa-button" id="mfa-cancel-passkey"
                    on:click=move |_| factors.panel.set(Panel::List)>
                    {t.cancel}
                </button>
            </div>
        </section>
    }
}

/// Names the new passkey at the tenant. The list shows the same name from the provider table
/// meanwhile, so a refusal changes nothing the user sees; a rate limit is waited out once.
fn name_later(factors: Factors, id: AuthenticatorId, name: String) {
    spawn_local(async move {
        let api = factors.api();
        let first = api.0.rename(id.clone(), name.clone()).await;
        if let Err(ApiError::RateLimited { retry_after, .. }) = first {
            sleep(Duration::from_secs(retry_after.unwrap_or(60))).await;
            let _ = api.0.rename(id, name).await;
        }
    });
}
