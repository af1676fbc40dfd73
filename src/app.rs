//! The top-level component: loads the configuration, then shows the screen for the current
//! stage of the sign-in flow.

pub mod callback_url;
pub mod changes;
pub mod config_error;
pub mod continue_sign_in;
pub mod cross_tab;
pub mod demo_panel;
pub mod describe;
pub mod events;
pub mod finished;
pub mod flow;
pub mod manage;
pub mod notice;
pub mod part_unavailable;
pub mod session_bar;
pub mod session_source;
pub mod signed_in;
pub mod signed_out;

use crate::config::{self, Config};
use crate::factors::demo_banner::DemoBanner;
use crate::first_screen::{Clicked, FirstScreen};
use crate::i18n::{texts, Lang};
use crate::reactive::{effect, Load};
use config_error::ConfigErrorView;
use finished::{FinishedScreen, NeedsClickScreen};
use flow::{Flow, Stage};
use leptos::prelude::*;
use leptos::task::spawn_local;
use manage::SignedInPart;
use notice::Notices;
use part_unavailable::PartUnavailable;
use signed_out::SignedOutScreen;

/// Performance mark set when the first screen is on the page.
pub const INTERACTIVE_MARK: &str = "mfa-manager:interactive";

/// Result of loading and validating a configuration.
pub type ConfigResult = Result<Config, Vec<crate::config::ConfigError>>;

/// The whole mfa-manager page or widget.
#[component]
pub fn App(
    /// A configuration given by the embedding page; `None` loads `config.json`.
    #[prop(default = None)]
    given: Option<ConfigResult>,
    /// Called with `{access_token, expires_in, scope, token_type}` when the user is done.
    #[prop(default = None)]
    on_done: Option<js_sys::Function>,
    /// True for the stand-alone page, which owns its document: the window title and the
    /// document's language follow the interface's. A widget leaves its host's alone.
    #[prop(optional)]
    page: bool,
    /// The signed-out screen a script drew before the app was here (the page's, or a widget's
    /// from its entry module), which the app takes over.
    #[prop(default = None)]
    first_screen: Option<FirstScreen>,
) -> impl IntoView {
    // A sign-in answer leaves the address bar before anything else happens. The page owns its
    // URL; a widget only when it signs in by redirect (a popup's answer comes by message, and
    // the host page's own query is none of its business).
    let owns_url = page
        || matches!(&given, Some(Ok(config)) if config.mode == config::Mode::Redirect && !config.demo);
    let callback = StoredValue::new_local(owns_url.then(callback_url::take_response).flatten());
    // The language the page will most likely speak (a widget's configured one, the page's
    // `?lang=`, the browser's) is made ready while the configuration is read, and the loading
    // screen speaks it as soon as its texts are here.
    let early = RwSignal::new(Lang::En);
    let guess = match &given {
        Some(Ok(config)) => Some(config.lang),
        _ => config::page_lang().or_else(crate::i18n::browser_lang),
    };
    if let Some(guess) = guess.filter(|lang| *lang != Lang::En) {
        spawn_local(async move {
            if crate::i18n::ready(guess).await {
                let _ = early.try_set(guess);
            }
        });
    }
    let loaded = Load::new(move || {
        let given = given.clone();
        async move {
            let result = match given {
                Some(result) => result,
                None => config::load().await,
            };
            // The first screen comes in its language, not in English first (a file that
            // cannot be loaded leaves English, which needs nothing more).
            let _ = crate::i18n::ready(shown_lang(&result)).await;
            result
        }
    });
    let on_done = StoredValue::new_local(on_done);
    let host = NodeRef::<leptos::html::Main>::new();
    // The first screen, when a script drew one, stays until the app's own is drawn; a Sign in
    // clicked on it is carried out then.
    let first_shown = RwSignal::new(first_screen.as_ref().is_some_and(FirstScreen::showing));
    let first_screen = StoredValue::new_local(first_screen);
    let clicked = RwSignal::new_local(None::<Clicked>);
    // Takes over from the first screen once the app's is drawn; without one, marks the first
    // interactive render for startup measurements (`cargo xtask bench`), as the first
    // screen's script did for its own.
    effect(move || {
        if loaded.with(Option::is_some) {
            request_animation_frame(move || {
                if let (true, Some(main)) = (first_shown.get_untracked(), host.get_untracked()) {
                    first_shown.set(false);
                    let taken = first_screen.with_value(|f| f.as_ref()?.hand_over(&main));
                    clicked.set(taken);
                } else if let Some(performance) = window().performance() {
                    let _ = performance.mark(INTERACTIVE_MARK);
                }
            });
        }
    });
    // The language of the loaded configuration (see `shown_lang`); while loading, the likely
    // one once its texts are here, else English.
    let lang = Memo::new(move |_| {
        loaded
            .with(|result| result.as_ref().map(shown_lang))
            .unwrap_or_else(|| early.get())
    });
    if page {
        effect(move || {
            let lang = lang.get();
            let document = document();
            document.set_title(lang.texts().heading);
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.tag());
                let _ = root.set_attribute("dir", lang.dir());
            }
        });
    }
    view! {
        <main
            class="mfa-manager"
            node_ref=host
            lang=move || lang.get().tag()
            dir=move || lang.get().dir()
            hidden=move || first_shown.get()
        >
            <header class="mfa-header">
                <h1>{move || lang.get().texts().heading}</h1>
            </header>
            {move || {
                provide_context(lang.get());
                match loaded.get() {
                    None => view! { <Working text=lang.get().texts().loading.into() /> }.into_any(),
                    Some(Ok(config)) => {
                        view! { <Screens config host on_done callback clicked /> }.into_any()
                    }
                    Some(Err(errors)) => {
                        // A round trip that came back to a page that cannot run is not resumed.
                        if callback.with_value(Option::is_some) {
                            crate::auth::transaction::Transaction::discard();
                        }
                        view! { <ConfigErrorView errors /> }.into_any()
                    }
                }
            }}
        </main>
    }
}

/// The language the page shows for a loaded configuration: the configured one; for a
/// configuration that cannot be used, the page's `?lang=`, else the browser's, else English.
fn shown_lang(result: &ConfigResult) -> Lang {
    match result {
        Ok(config) => config.lang,
        Err(_) => config::page_lang()
            .or_else(crate::i18n::browser_lang)
            .unwrap_or_default(),
    }
}

/// The screens of a configured page.
#[component]
fn Screens(
    config: Config,
    host: NodeRef<leptos::html::Main>,
    on_done: StoredValue<Option<js_sys::Function>, LocalStorage>,
    callback: StoredValue<Option<String>, LocalStorage>,
    /// Set when Sign in was clicked on the first screen before the app was here.
    clicked: RwSignal<Option<Clicked>, LocalStorage>,
) -> impl IntoView {
    provide_context(config.lang);
    let flow = Flow::new(config.clone(), host, on_done);
    provide_context(flow);
    let signed_in = SignedInPart::new(config.clone(), flow, host);
    flow.start(callback.try_update_value(Option::take).flatten());
    effect(move || {
        if clicked.with(Option::is_some) && matches!(flow.stage.get(), Stage::SignedOut) {
            if let Some(Clicked { popup }) = clicked.try_update(Option::take).flatten() {
                flow.sign_in_with(popup);
            }
        }
    });
    // The next steps' chunks arrive while the visitor reads the first screen (or while the
    // code of a sign-in answer is exchanged), so no step waits for them later.
    spawn_local(async {
        crate::browser::idle::idle().await;
        let (_, _) = futures_util::future::join(crate::auth::lazy::ready(), manage::ready()).await;
    });
    view! {
        // Above every stage, so no screen of demo mode can be taken for the real account.
        {config.demo.then(|| view! { <DemoBanner /> })}
        <Notices />
        {move || match flow.stage.get() {
            Stage::Starting => view! { <Working text=texts().checking_sign_in.into() /> }.into_any(),
            Stage::SignedOut => view! { <SignedOutScreen /> }.into_any(),
            Stage::Working(text) => view! { <Working text /> }.into_any(),
            Stage::SignedIn => match signed_in.part.get() {
                None => view! { <Working text=texts().loading.into() /> }.into_any(),
                Some(Ok(screen)) => screen.view(),
                Some(Err(())) => view! { <PartUnavailable retry=signed_in.load /> }.into_any(),
            },
            Stage::NeedsClick(reason) => view! { <NeedsClickScreen reason /> }.into_any(),
            Stage::Finished(_) => view! { <FinishedScreen /> }.into_any(),
        }}
    }
}

/// A progress line announced to screen readers.
#[component]
fn Working(text: String) -> impl IntoView {
    view! { <p class="mfa-status" role="status" aria-live="polite">{text}</p> }
}
