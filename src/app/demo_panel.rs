//! Demo mode's panel: what the in-page tenant "sent" (codes by text, call and email, push
//! requests to approve or reject), clearly marked as not real. The demo tenant module draws
//! it; the page only makes room for it, so visitors of a real deployment download no code
//! for it.

use crate::api::demo::DemoApi;
use crate::api::demo_tenant::OutboxTexts;
use crate::i18n::{texts, Texts};
use crate::reactive::effect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// The in-page demo tenant, provided as context in demo mode only.
#[derive(Clone, Copy)]
pub struct DemoHandle(pub StoredValue<Rc<DemoApi>, LocalStorage>);

/// The demo tenant's outbox; renders nothing outside demo mode.
#[component]
pub fn DemoPanel() -> impl IntoView {
    let Some(DemoHandle(demo)) = use_context::<DemoHandle>() else {
        return ().into_any();
    };
    let t = texts();
    let panel = NodeRef::<leptos::html::Aside>::new();
    effect(move || {
        if let Some(aside) = panel.get() {
            let demo = demo.get_value();
            spawn_local(async move { demo.show_outbox(aside.into(), outbox_texts(t)).await });
        }
    });
    // Labelled by the page (not by the module's heading), so the landmark keeps its name even
    // when the module could not be loaded.
    view! { <aside class="mfa-demo" aria-label=t.demo_title id="mfa-demo-panel" node_ref=panel></aside> }
        .into_any()
}

/// The outbox panel's texts in the language of `t`.
fn outbox_texts(t: &'static Texts) -> OutboxTexts {
    [
        ("title", t.demo_title),
        ("intro", t.demo_intro),
        ("empty", t.demo_empty),
        ("sms", t.demo_sms),
        ("voice", t.demo_voice),
        ("email", t.demo_email),
        ("push", t.demo_push),
        ("to", t.demo_to),
        ("code", t.demo_code),
        ("approve", t.approve),
        ("reject", t.reject),
    ]
}
