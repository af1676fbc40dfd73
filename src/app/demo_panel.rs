//! Demo mode's panel: what the in-page tenant "sent" (codes by text, call and email, push
//! requests to approve or reject), clearly marked as not real.

use crate::api::demo::{DemoApi, DemoMessage};
use leptos::prelude::*;
use std::rc::Rc;
use std::time::Duration;

/// The in-page demo tenant, provided as context in demo mode only.
#[derive(Clone, Copy)]
pub struct DemoHandle(pub StoredValue<Rc<DemoApi>, LocalStorage>);

/// Shows the demo outbox; renders nothing outside demo mode.
#[component]
pub fn DemoPanel() -> impl IntoView {
    let Some(DemoHandle(demo)) = use_context::<DemoHandle>() else {
        return ().into_any();
    };
    let messages = RwSignal::new(Vec::<DemoMessage>::new());
    let refresh = move || messages.set(demo.with_value(|d| d.outbox()));
    refresh();
    if let Ok(tick) = set_interval_with_handle(refresh, Duration::from_secs(1)) {
        on_cleanup(move || tick.clear());
    }
    let answer = move |id: u64, approve: bool| {
        let _ = demo.with_value(|d| d.answer_push(id, approve));
        refresh();
    };
    view! {
        <aside class="mfa-demo" aria-labelledby="mfa-demo-title" id="mfa-demo-panel">
            <h3 id="mfa-demo-title">"Demo mode"</h3>
            <p class="mfa-hint">
                "Nothing leaves this page: a tenant runs inside it. Codes it would send appear here. "
                "Authenticator-app codes are real: scan the QR code with your app."
            </p>
            {move || {
                let list = messages.get();
                if list.is_empty() {
                    view! { <p class="mfa-hint">"No messages sent yet."</p> }.into_any()
                } else {
                    view! {
                        <ul class="mfa-demo-outbox">
                            {list.into_iter().map(|m| view! { <DemoMessageItem message=m on_answer=answer /> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </aside>
    }
    .into_any()
}

/// One demo message.
#[component]
fn DemoMessageItem(
    message: DemoMessage,
    on_answer: impl Fn(u64, bool) + Copy + 'static,
) -> impl IntoView {
    let what = match message.channel.as_str() {
        "sms" => "Text message",
        "voice" => "Phone call",
        "email" => "Email",
        _ => "Push request",
    };
    let to = message
        .to
        .clone()
        .map(|t| format!(" to {t}"))
        .unwrap_or_default();
    let id = message.id;
    view! {
        <li class="mfa-demo-message" data-channel=message.channel.clone()>
            <span>{format!("{what}{to}")}</span>
            {message.code.clone().map(|c| view! { <span>": code "<strong class="mfa-demo-code">{c}</strong></span> })}
            {message.pending_push.then(|| view! {
                <button type="button" class="mfa-button mfa-demo-approve" on:click=move |_| on_answer(id, true)>"Approve"</button>
                <button type="button" class="mfa-button mfa-demo-reject" on:click=move |_| on_answer(id, false)>"Reject"</button>
            })}
        </li>
    }
}
