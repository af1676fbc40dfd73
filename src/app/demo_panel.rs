//! Demo mode's panel: what the in-page tenant "sent" (codes by text, call and email, push
//! requests to approve or reject), clearly marked as not real.

use crate::api::demo::{DemoApi, DemoMessage};
use crate::i18n::{around, fill, texts};
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
    let t = texts();
    let answer = move |id: u64, approve: bool| {
        let _ = demo.with_value(|d| d.answer_push(id, approve));
        refresh();
    };
    view! {
        <aside class="mfa-demo" aria-labelledby="mfa-demo-title" id="mfa-demo-panel">
            <h3 id="mfa-demo-title">{t.demo_title}</h3>
            <p class="mfa-hint">{t.demo_intro}</p>
            {move || {
                let list = messages.get();
                if list.is_empty() {
                    view! { <p class="mfa-hint">{t.demo_empty}</p> }.into_any()
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
    let t = texts();
    let what = match message.channel.as_str() {
        "sms" => t.demo_sms,
        "voice" => t.demo_voice,
        "email" => t.demo_email,
        _ => t.demo_push,
    };
    let heading = match &message.to {
        Some(to) => fill(t.demo_to, &[("what", what), ("to", to)]),
        None => what.to_owned(),
    };
    let (code_before, code_after) = around(t.demo_code, "code");
    let id = message.id;
    view! {
        <li class="mfa-demo-message" data-channel=message.channel.clone()>
            <span>{heading}</span>
            {message.code.clone().map(|c| view! { <span>{code_before}<strong class="mfa-demo-code">{c}</strong>{code_after}</span> })}
            {message.pending_push.then(|| view! {
                <button type="button" class="mfa-button mfa-demo-approve" on:click=move |_| on_answer(id, true)>{t.approve}</button>
                <button type="button" class="mfa-button mfa-demo-reject" on:click=move |_| on_answer(id, false)>{t.reject}</button>
            })}
        </li>
    }
}
