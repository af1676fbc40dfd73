//! The signed-in part of the page — the MFA API client, the factor list, its enrollment panels
//! and dialogs — as a chunk of its own, loaded when the visitor is signed in (and prefetched
//! while the signed-out screen is read). It is set up once per page, under the screens' owner,
//! so an open panel survives a renewal that passes through another stage.

use super::changes;
use super::demo_panel::DemoHandle;
use super::flow::{Flow, Stage};
use super::session_source::FlowSession;
use super::signed_in::SignedInScreen;
use crate::api::demo::DemoApi;
use crate::api::http::HttpMfaApi;
use crate::api::my_account::MyAccountApi;
use crate::api::ApiHandle;
use crate::auth::Purpose;
use crate::chunk::{lazy_part, LoadError};
use crate::config::{ApiChoice, Config};
use crate::factors::context::{Factors, Panel};
use crate::factors::pending::Pending;
use crate::reactive::effect;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::rc::Rc;

/// Builds the signed-in screen; set up by [`set_up`].
#[derive(Clone)]
pub struct SignedInView(Rc<dyn Fn() -> AnyView>);

impl SignedInView {
    /// The screen, as a fresh view.
    pub fn view(&self) -> AnyView {
        (self.0)()
    }
}

lazy_part! {
    chunk manage;
    /// Loads the chunk (prefetch); nothing else.
    pub fn ready() -> Result<(), LoadError> {
        Ok(())
    }
}

lazy_part! {
    chunk manage;
    /// Creates the API client and the factor state under `owner` (the screens' owner, whose
    /// context the signed-in views read) and returns the signed-in screen's builder.
    pub fn set_up(owner: Owner, config: Config, flow: Flow, host: NodeRef<leptos::html::Main>)
        -> Result<SignedInView, LoadError>
    {
        Ok(owner.with(|| build(config, flow, host)))
    }
}

fn build(config: Config, flow: Flow, host: NodeRef<leptos::html::Main>) -> SignedInView {
    let api = if config.demo {
        let demo = Rc::new(DemoApi::load());
        provide_context(DemoHandle(StoredValue::new_local(Rc::clone(&demo))));
        if config.api == ApiChoice::Mfa {
            ApiHandle(demo)
        } else {
            // The in-page tenant has the My Account API: `auto` finds it too.
            ApiHandle(Rc::new(MyAccountApi::over(demo)))
        }
    } else if flow.manages.get_untracked() == Purpose::MyAccount {
        ApiHandle(Rc::new(MyAccountApi::new(
            config.domain.as_str(),
            Rc::new(FlowSession(flow)),
        )))
    } else {
        ApiHandle(Rc::new(HttpMfaApi::new(
            config.domain.as_str(),
            &config.client_id,
            Rc::new(FlowSession(flow)),
        )))
    };
    let mut factors = Factors::new(api);
    factors.demo = config.demo;
    factors.list_early();
    changes::announce_changes(factors, host, config.demo);
    // Reopens what the user was doing before a sign-in round trip, and remembers the open
    // panel in case one is needed.
    effect(move || {
        if let Some(screen) = flow.resume.get() {
            flow.resume.set(None);
            match Pending::from_screen(&screen) {
                Some(pending) => factors.resumed.set(Some(pending)),
                None => factors.panel.set(Panel::from_screen(&screen)),
            }
        }
    });
    effect(move || {
        let screen = match factors.pending.get() {
            Some(pending) => pending.screen(),
            None => factors.panel.get().screen().to_owned(),
        };
        flow.screen.set(screen);
    });
    provide_context(factors);
    SignedInView(Rc::new(|| view! { <SignedInScreen /> }.into_any()))
}

/// The signed-in chunk as the screens see it: not loaded yet, its screen, or a failed load.
#[derive(Clone, Copy)]
pub struct SignedInPart {
    /// Not loaded yet (`None`), the screen, or a failed load.
    pub part: RwSignal<Option<Result<SignedInView, ()>>, LocalStorage>,
    /// Loads it (again).
    pub load: Callback<()>,
}

impl SignedInPart {
    /// Loads the signed-in chunk as soon as the page is signed in (or when `load` runs again after
    /// a failure), and sets it up once under the screens' owner.
    pub fn new(config: Config, flow: Flow, host: NodeRef<leptos::html::Main>) -> SignedInPart {
        let owner = Owner::current().unwrap_or_default();
        let part = RwSignal::new_local(None::<Result<SignedInView, ()>>);
        let busy = StoredValue::new(false);
        let load = Callback::new(move |()| {
            if busy.get_value() || matches!(part.get_untracked(), Some(Ok(_))) {
                return;
            }
            busy.set_value(true);
            part.set(None);
            let (owner, config) = (owner.clone(), config.clone());
            spawn_local(async move {
                let loaded = set_up(owner, config, flow, host).await;
                busy.set_value(false);
                part.set(Some(loaded.map_err(|_| ())));
            });
        });
        effect(move || {
            if flow.stage.get() == Stage::SignedIn && part.get_untracked().is_none() {
                load.run(());
            }
        });
        SignedInPart { part, load }
    }
}
