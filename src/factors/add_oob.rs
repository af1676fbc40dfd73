//! Adding a phone (text message or call) or an email address: send a code, type it back.

use super::api_error::ApiErrorView;
use super::button_text::button_text;
use super::code_field::CodeForm;
use super::context::{Factors, Panel};
use super::describe::phone_problem;
use super::phone::normalize_e164;
use super::row::FactorKind;
use crate::api::{ApiError, Associate, Confirm, Enrollment};
use crate::browser::use_timestamp;
use crate::i18n::fill;
use crate::i18n::intl::clock;
use crate::reactive::{effect, Submit};
use leptos::prelude::*;
use std::time::Duration;

/// Seconds before a new code may be requested when the tenant names no wait.
const RESEND_AFTER_SECONDS: f64 = 30.0;

/// What is being added.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Destination {
    /// A phone number, by text message or call.
    Phone,
    /// An email address.
    Email,
}

/// The phone or email enrollment panel.
#[component]
pub fn AddOob(
    /// Phone or email.
    destination: Destination,
) -> impl IntoView {
    let factors = expect_context::<Factors>();
    let t = factors.texts;
    let input = RwSignal::new(String::new());
    let by_call = RwSignal::new(false);
    let problem = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<(Enrollment, String)>);
    let now = use_timestamp(Duration::from_secs(1));
    let resend_at = RwSignal::new(0.0);

    let send = Submit::new(move |request: &(Associate, String)| {
        let api = factors.api();
        let (associate, shown) = request.clone();
        async move { api.0.associate(associate).await.map(|e| (e, shown)) }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    effect(move || match send.value().get() {
        Some(Ok(enrollment)) => {
            resend_at.set(js_sys::Date::now() + RESEND_AFTER_SECONDS * 1000.0);
            sent.set(Some(enrollment));
        }
        Some(Err(error)) => {
            if let Some(wait) = error.retry_after() {
                resend_at.set(js_sys::Date::now() + wait as f64 * 1000.0);
            }
        }
        None => {}
    });
    let request = move || -> Result<(Associate, String), String> {
        let value = input.get_untracked();
        match destination {
            Destination::Phone => {
                let phone = normalize_e164(&value).map_err(|e| phone_problem(&e, t))?;
                let associate = if by_call.get_untracked() {
                    Associate::Voice(phone.clone())
                } else {
                    Associate::Sms(phone.clone())
                };
                Ok((associate, phone))
            }
            Destination::Email => {
                let email = value.trim().to_owned();
                let plausible = email
                    .split_once('@')
                    .is_some_and(|(user, domain)| !user.is_empty() && domain.contains('.'));
                if plausible {
                    Ok((Associate::Email(email.clone()), email))
                } else {
                    Err(t.email_invalid.into())
                }
            }
        }
    };
    // Once a code is on its way the destination is fixed: pressing Enter in the field must
    // not send another code (new codes go through "Send a new code" and its wait), and the
    // note says where the code went. "Use a different number" unlocks it.
    let locked = move || sent.with(Option::is_some);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sent.with_untracked(Option::is_some) {
            return;
        }
        match request() {
            Ok(r) => {
                problem.set(None);
                send.dispatch(r);
            }
            Err(p) => problem.set(Some(p)),
        }
    };

    let verify = Submit::new(move |code: &String| {
        let api = factors.api();
        let oob_code = sent.with_untracked(|s| s.as_ref().and_then(|(e, _)| e.oob_code.clone()));
        let binding_code = Some(code.clone());
        async move {
            let oob_code = oob_code.ok_or(ApiError::CodeExpired)?;
            let recovery = sent.with_untracked(|s| {
                s.as_ref()
                    .and_then(|(e, _)| e.recovery_codes.first().cloned())
            });
            let confirmed = api
                .0
                .confirm(Confirm::Oob {
                    oob_code,
                    binding_code,
                })
                .await?;
            Ok::<_, ApiError>(recovery.or(confirmed.recovery_code))
        }
    })
    .resending(|result| result.as_ref().err().and_then(ApiError::resend_after));
    let (factor_kind, what) = match destination {
        Destination::Phone => (FactorKind::Phone, t.title_phone),
        Destination::Email => (FactorKind::Email, t.title_email),
    };
    effect(move || {
        if let Some(Ok(recovery)) = verify.value().get() {
            factors.enrolled(factor_kind, what, recovery);
        }
    });

    let (title, label, kind, autocomplete, help, change) = match destination {
        Destination::Phone => (
            t.add_phone_title,
            t.phone_label,
            "tel",
            "tel",
            t.phone_help,
            t.change_phone,
        ),
        Destination::Email => (
            t.add_email_title,
            t.email_label,
            "email",
            "email",
            t.email_help,
            t.change_email,
        ),
    };
    let destination_field = NodeRef::<leptos::html::Input>::new();
    let change_destination = move |_| {
        sent.set(None);
        if let Some(field) = destination_field.get_untracked() {
            let _ = field.focus();
        }
    };
    let seconds_to_resend = move || ((resend_at.get() - now.get()) / 1000.0).ceil() as i64;
    view! {
        <section class="mfa-card" aria-labelledby="mfa-add-oob-title">
            <h2 id="mfa-add-oob-title" class="mfa-panel-title" tabindex="-1">{title}</h2>
            <form class="mfa-form" on:submit=submit novalidate>
                {(destination == Destination::Phone).then(|| view! {
                    <fieldset class="mfa-choice">
                        <legend>{t.how_to_send}</legend>
                        <label><input type="radio" name="mfa-channel" id="mfa-channel-sms" disabled=locked prop:checked=move || !by_call.get() on:change=move |_| by_call.set(false) />{t.channel_sms}</label>
                        <label><input type="radio" name="mfa-channel" id="mfa-channel-voice" disabled=locked prop:checked=move || by_call.get() on:change=move |_| by_call.set(true) />{t.channel_voice}</label>
                    </fieldset>
                })}
                <label for="mfa-destination">{label}</label>
                <p class="mfa-hint" id="mfa-destination-help">{help}</p>
                <input id="mfa-destination" type=kind autocomplete=autocomplete node_ref=destination_field
                    readonly=locked
                    aria-describedby="mfa-destination-help"
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev)) />
                {move || problem.get().map(|p| view! { <p class="mfa-field-error" id="mfa-destination-error" role="alert">{p}</p> })}
                {move || sent.get().is_none().then(|| view! {
                    <button type="submit" class="mfa-button mfa-primary" id="mfa-send-code" disabled=move || send.pending().get()>
                        {move || button_text(send.waiting().get(), send.pending().get(), (t.sending, t.send_code), t)}
                    </button>
                })}
            </form>
            {move || match send.value().get() {
                Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                _ => None,
            }}
            {move || sent.get().map(|(_, shown)| view! {
                <p class="mfa-note" role="status" id="mfa-code-sent">{fill(t.code_sent, &[("to", &shown)])}</p>
                <CodeForm
                    id="mfa-oob-code"
                    help=t.oob_help.into()
                    busy=verify.pending()
                    waiting=verify.waiting()
                    on_code=move |code| { verify.dispatch(code); }
                    take_focus=true
                />
                {move || match verify.value().get() {
                    Some(Err(error)) => Some(view! { <ApiErrorView error /> }),
                    _ => None,
                }}
                <button type="button" class="mfa-button" id="mfa-resend"
                    disabled=move || { seconds_to_resend() > 0 || send.pending().get() }
                    on:click=move |_| { if let Ok(r) = request() { send.dispatch(r); } }>
                    {move || match seconds_to_resend() {
                        s if s > 0 => fill(t.send_new_code_in, &[("clock", &clock(s, t.locale))]),
                        _ => t.send_new_code.to_owned(),
                    }}
                </button>
                <button type="button" class="mfa-button" id="mfa-change-destination" on:click=change_destination>{change}</button>
            })}
            <button type="button" class="mfa-button" on:click=move |_| factors.panel.set(Panel::List)>{t.cancel}</button>
        </section>
    }
}
