//! The sign-in state machine shared by the screens: what stage the page is in, the in-memory
//! session, and the actions that move between stages.

use crate::auth::callback::check_issuer;
use crate::auth::lazy::{popup_sign_in, silent_sign_in};
use crate::auth::request::{issuer, Delivery};
use crate::auth::transaction::{Resume, Transaction};
use crate::auth::{AuthError, AuthorizeResponse, IssuedToken, Purpose, Session};
use crate::chunk::lazy_part;
use crate::config::{ApiChoice, Config, Mode};
use crate::i18n::{fill, Texts};
use futures_channel::oneshot;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;

/// Which screen the page shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Stage {
    /// Reading a sign-in answer from the URL.
    Starting,
    /// Not signed in; offers the sign-in button.
    SignedOut,
    /// Something is in progress; the text says what.
    Working(String),
    /// Signed in for the MFA API.
    SignedIn,
    /// The popup fallback needs a click (browsers only open popups on a user gesture).
    NeedsClick(String),
    /// The app token was handed back; nothing left to do.
    Finished(Option<String>),
}

/// Screen name stored in the round trip so the user comes back where they were.
pub const SCREEN_MANAGE: &str = "manage";

/// The page's sign-in state, provided as context to every screen.
#[derive(Clone, Copy)]
pub struct Flow {
    /// The validated configuration.
    pub config: StoredValue<Config>,
    /// The current stage.
    pub stage: RwSignal<Stage>,
    /// The MFA session (token in memory only).
    pub session: RwSignal<Option<Session>, LocalStorage>,
    /// The last failure, shown with a retry.
    pub error: RwSignal<Option<AuthError>>,
    /// A non-error note for the user (e.g. why a redirect happened).
    pub note: RwSignal<Option<String>>,
    /// Element that receives `mfa-manager:*` events.
    pub host: NodeRef<leptos::html::Main>,
    /// The screen the user is on (kept current from the factor panel), remembered across a
    /// sign-in round trip.
    pub screen: RwSignal<String>,
    /// The screen to reopen after a round trip, taken once to open its factor panel.
    pub resume: RwSignal<Option<String>>,
    /// The embedding page's callback for the app token (`mount()`), if any.
    pub on_done: StoredValue<Option<js_sys::Function>, LocalStorage>,
    /// Everyone waiting for the renewal under way (see [`Flow::renew`]); empty when none is.
    waiting: StoredValue<Vec<oneshot::Sender<bool>>, LocalStorage>,
    /// In popup mode, a renewal that needs the user: why, shown with "Continue" on the
    /// signed-in screen, whose action waits meanwhile (see [`Flow::continue_sign_in`]).
    pub reauth: RwSignal<Option<String>>,
    /// Told whether the user signed in again for the renewal waiting on [`Flow::reauth`].
    reauth_answer: StoredValue<Option<oneshot::Sender<bool>>, LocalStorage>,
    /// The API the sign-in methods are managed with: [`Purpose::Mfa`] or
    /// [`Purpose::MyAccount`] (chosen by the configuration's `api`; `auto` starts with the My
    /// Account API and falls back when the tenant refuses it).
    pub manages: RwSignal<Purpose>,
}

/// What developers read (console and `mfa-manager:error`) when `api: "auto"` falls back.
pub const API_FALLBACK: &str = "mfa-manager: the tenant refused the My Account API \
     (access_denied: not activated, or no grant for this application); the MFA API manages \
     the sign-in methods instead (config \"api\": \"auto\")";

impl Flow {
    /// Creates the flow for a loaded configuration.
    pub fn new(
        config: Config,
        host: NodeRef<leptos::html::Main>,
        on_done: StoredValue<Option<js_sys::Function>, LocalStorage>,
    ) -> Flow {
        let config_api = config.api;
        Flow {
            config: StoredValue::new(config),
            stage: RwSignal::new(Stage::Starting),
            session: RwSignal::new_local(None),
            error: RwSignal::new(None),
            note: RwSignal::new(None),
            host,
            screen: RwSignal::new(SCREEN_MANAGE.into()),
            resume: RwSignal::new(None),
            on_done,
            waiting: StoredValue::new_local(Vec::new()),
            reauth: RwSignal::new(None),
            reauth_answer: StoredValue::new_local(None),
            manages: RwSignal::new(match config_api {
                ApiChoice::Mfa => Purpose::Mfa,
                ApiChoice::MyAccount | ApiChoice::Auto => Purpose::MyAccount,
            }),
        }
    }

    /// Whether `error`, answering a sign-in for the My Account API, means: use the MFA API
    /// (the configuration says `auto` and the tenant refused the audience).
    fn falls_back(&self, error: &AuthError) -> bool {
        self.config.with_value(|c| c.api) == ApiChoice::Auto
            && matches!(error, AuthError::Authorize { error, .. } if error == "access_denied")
    }

    /// Manages with the MFA API from now on, and tells the developers (never the user: the
    /// page works the same).
    fn fall_back(&self) {
        self.manages.set(Purpose::Mfa);
        leptos::logging::warn!("{API_FALLBACK}");
        if let Some(host) = self.host.get_untracked() {
            super::events::dispatch_error(&host, API_FALLBACK);
        }
    }

    /// The texts of the configured language.
    pub fn texts(&self) -> &'static Texts {
        self.config.with_value(|c| c.lang.texts())
    }

    fn fail(&self, stage: Stage, error: AuthError) {
        self.stage.set(stage);
        self.error.set(Some(error));
    }

    /// Handles the sign-in answer taken from the address bar (see
    /// [`super::callback_url::take_response`]), if any; otherwise shows the signed-out screen.
    pub fn start(self, callback: Option<String>) {
        if self.config.with_value(|c| c.demo) {
            self.stage.set(Stage::SignedIn);
            return;
        }
        if self.config.with_value(|c| c.mode) == Mode::Popup {
            // Popup answers arrive by message; the host page's URL is none of our business.
            self.stage.set(Stage::SignedOut);
            return;
        }
        match AuthorizeResponse::from_query(callback.as_deref().unwrap_or_default()) {
            Ok(None) => self.stage.set(Stage::SignedOut),
            Err(e) => {
                Transaction::discard();
                self.fail(Stage::SignedOut, e)
            }
            Ok(Some(response)) => {
                let query = callback.unwrap_or_default();
                spawn_local(async move {
                    match complete_part(self, response, query).await {
                        Ok(completing) => completing.await,
                        Err(e) => self.fail(Stage::SignedOut, e),
                    }
                })
            }
        }
    }

    async fn complete(self, response: AuthorizeResponse, query: &str) {
        let tx = match Transaction::take() {
            Ok(Some(tx)) => tx,
            Ok(None) => return self.fail(Stage::SignedOut, AuthError::NoTransaction),
            Err(e) => return self.fail(Stage::SignedOut, e),
        };
        // The round trip is gone from storage from here on, whatever happens next.
        let response = match response.check_state(&tx.state) {
            Ok(r) => r,
            Err(e) => return self.fail(Stage::SignedOut, e),
        };
        let issuer = self.config.with_value(issuer);
        if let Err(e) = check_issuer(query, &issuer) {
            return self.fail(Stage::SignedOut, e);
        }
        self.stage
            .set(Stage::Working(self.texts().finishing_sign_in.into()));
        let config = self.config.get_value();
        let issued = crate::auth::exchange::finish(&config, response, tx.verifier, &tx.nonce).await;
        self.note.set(tx.resume.note);
        self.resume.set(Some(tx.resume.screen.clone()));
        match (tx.purpose, issued) {
            (purpose @ (Purpose::Mfa | Purpose::MyAccount), Ok(token)) => {
                self.manages.set(purpose);
                self.signed_in(token)
            }
            (Purpose::App, Ok(token)) => self.deliver(token),
            (Purpose::MyAccount, Err(e)) if self.falls_back(&e) => {
                self.fall_back();
                let resume = Resume {
                    screen: tx.resume.screen,
                    note: None,
                };
                self.leave_for_sign_in(Purpose::Mfa, resume).await
            }
            (_, Err(e)) => self.fail(Stage::SignedOut, e),
        }
    }

    fn signed_in(&self, token: IssuedToken) {
        self.session
            .set(Some(Session::new(token, js_sys::Date::now())));
        self.error.set(None);
        // A renewal keeps the screen (and any enrollment in progress) as it is.
        if self.stage.get_untracked() != Stage::SignedIn {
            self.stage.set(Stage::SignedIn);
        }
    }

    /// The current MFA access token, for the API's `Authorization` header.
    pub fn bearer(&self) -> Option<String> {
        self.session
            .with_untracked(|s| s.as_ref().map(|s| s.token().secret().to_owned()))
    }

    /// Starts the interactive sign-in for the MFA API (redirect or popup per config).
    pub fn sign_in(self) {
        self.sign_in_with(None);
    }

    /// [`Flow::sign_in`], in `popup` when a click before the app was here already opened the
    /// sign-in window (`crate::first_screen`); otherwise a popup sign-in opens it now.
    pub fn sign_in_with(self, popup: Option<web_sys::Window>) {
        self.error.set(None);
        self.note.set(None);
        let config = self.config.get_value();
        let purpose = self.manages.get_untracked();
        match config.mode {
            Mode::Redirect => {
                if let Some(popup) = popup {
                    let _ = popup.close();
                }
                spawn_local(self.redirect(
                    purpose,
                    Resume {
                        screen: SCREEN_MANAGE.into(),
                        note: None,
                    },
                ))
            }
            Mode::Popup => {
                self.stage
                    .set(Stage::Working(self.texts().waiting_for_window.into()));
                let signing = popup_sign_in(&config, purpose, popup);
                spawn_local(async move {
                    let signed = match signing.await {
                        Err(e) if purpose == Purpose::MyAccount && self.falls_back(&e) => {
                            // The tenant session the popup just made lets this be silent.
                            self.fall_back();
                            silent_sign_in(&config, Purpose::Mfa).await
                        }
                        other => other,
                    };
                    match signed {
                        Ok(token) => self.signed_in(token),
                        Err(e) => self.fail(Stage::SignedOut, e),
                    }
                });
            }
        }
    }

    /// Leaves for `/authorize` with a stored transaction; the page comes back to `resume`.
    async fn redirect(self, purpose: Purpose, resume: Resume) {
        match redirect_part(self, purpose, resume).await {
            Ok(leaving) => leaving.await,
            Err(e) => self.fail(Stage::SignedOut, e),
        }
    }

    /// [`Flow::redirect`]'s work, in the sign-in chunk.
    async fn leave_for_sign_in(self, purpose: Purpose, resume: Resume) {
        let config = self.config.get_value();
        let request = match crate::auth::request::authorize(&config, purpose, Delivery::Redirect) {
            Ok(r) => r,
            Err(e) => return self.fail(Stage::SignedOut, e),
        };
        let tx = Transaction {
            state: request.state,
            nonce: request.nonce,
            verifier: request.verifier,
            purpose,
            resume,
        };
        if let Err(e) = tx.save() {
            Transaction::discard();
            return self.fail(Stage::SignedOut, e);
        }
        self.stage
            .set(Stage::Working(self.texts().taking_you_to_sign_in.into()));
        if window().location().assign(&request.url).is_err() {
            Transaction::discard();
            self.fail(
                Stage::SignedOut,
                AuthError::Config(self.texts().address_refused.into()),
            );
        }
    }

    /// Renews the MFA session, or joins the renewal already under way (a second press of
    /// "Stay signed in", an expiry while a request renews): silently if the tenant session
    /// allows (`true`), otherwise by signing in again and coming back to the same screen
    /// (`false`: the page is leaving for the tenant, or in popup mode asks for a sign-in).
    /// `reason` says why, in the note the user reads after an interactive sign-in.
    pub fn renew(self, reason: &'static str) -> impl Future<Output = bool> {
        let (send, answer) = oneshot::channel();
        let first = self
            .waiting
            .try_update_value(|waiting| {
                waiting.push(send);
                waiting.len() == 1
            })
            .unwrap_or(false);
        if first {
            // Runs to its end whether or not anyone still waits (the session bar does not).
            spawn_local(async move {
                let renewed = self.renew_now(reason).await;
                let waiting = self.waiting.try_update_value(std::mem::take);
                for waiter in waiting.unwrap_or_default() {
                    let _ = waiter.send(renewed);
                }
            });
        }
        async move { answer.await.unwrap_or(false) }
    }

    async fn renew_now(self, reason: &'static str) -> bool {
        let config = self.config.get_value();
        match silent_sign_in(&config, self.manages.get_untracked()).await {
            Ok(token) => {
                self.signed_in(token);
                self.note.set(Some(self.texts().session_renewed.into()));
                true
            }
            Err(e) => {
                self.session.set(None);
                match config.mode {
                    Mode::Redirect => {
                        let t = self.texts();
                        // The user signs nothing when only the frame lacked the cookie.
                        let note = if e.no_session_in_frame() {
                            format!("{reason} {}", t.finished_by_redirect)
                        } else {
                            fill(t.renewed_by_sign_in, &[("reason", reason)])
                        };
                        self.redirect(
                            self.manages.get_untracked(),
                            Resume {
                                screen: self.screen.get_untracked(),
                                note: Some(note),
                            },
                        )
                        .await
                    }
                    Mode::Popup => {
                        // A popup needs a click: the screen stays as it is, with whatever the
                        // user was doing waiting for the sign-in, and completes after it.
                        let t = self.texts();
                        let why = if e.no_session_in_frame() {
                            format!("{reason} {}", t.finishes_in_window)
                        } else {
                            fill(t.renew_needs_sign_in, &[("reason", reason)])
                        };
                        let (send, answer) = oneshot::channel();
                        self.reauth_answer.set_value(Some(send));
                        self.reauth.set(Some(why.clone()));
                        let signed_in = answer.await.unwrap_or(false);
                        self.reauth.try_set(None);
                        if signed_in {
                            return true;
                        }
                        self.stage.set(Stage::SignedOut);
                        self.note.set(Some(why));
                    }
                }
                false
            }
        }
    }

    /// "Continue" on a renewal waiting for the user (popup mode): signs in by popup and lets
    /// the waiting action go on. A closed popup leaves the question open, with its error.
    pub fn continue_sign_in(self) {
        self.error.set(None);
        let config = self.config.get_value();
        let purpose = self.manages.get_untracked();
        let signing = popup_sign_in(&config, purpose, None);
        spawn_local(async move {
            match signing.await {
                Ok(token) => {
                    self.signed_in(token);
                    self.answer_reauth(true);
                }
                Err(e) => self.error.set(Some(e)),
            }
        });
    }

    /// "Cancel" on a renewal waiting for the user: the waiting action fails, and the page
    /// shows the signed-out screen.
    pub fn give_up_sign_in(self) {
        self.answer_reauth(false);
    }

    fn answer_reauth(self, signed_in: bool) {
        if let Some(send) = self.reauth_answer.try_update_value(Option::take).flatten() {
            let _ = send.send(signed_in);
        }
    }

    /// "Done": gets a token for the app's own audience silently and hands it to the host,
    /// falling back to an interactive sign-in when the browser or tenant refuses.
    pub fn done(self) {
        self.error.set(None);
        if self.config.with_value(|c| c.demo) {
            self.stage.set(Stage::Finished(None));
            self.note.set(Some(self.texts().demo_done.into()));
            return;
        }
        self.stage
            .set(Stage::Working(self.texts().returning_to_app.into()));
        spawn_local(async move {
            let config = self.config.get_value();
            match silent_sign_in(&config, Purpose::App).await {
                Ok(token) => self.deliver(token),
                Err(e) => {
                    let why = fallback_reason(&e, config.mode, self.texts());
                    match config.mode {
                        Mode::Redirect => {
                            self.redirect(
                                Purpose::App,
                                Resume {
                                    screen: "done".into(),
                                    note: Some(why),
                                },
                            )
                            .await
                        }
                        Mode::Popup => self.stage.set(Stage::NeedsClick(why)),
                    }
                }
            }
        });
    }

    /// The popup fallback of "Done", started by a click.
    pub fn done_with_popup(self) {
        self.stage
            .set(Stage::Working(self.texts().waiting_for_window.into()));
        let signing = popup_sign_in(&self.config.get_value(), Purpose::App, None);
        spawn_local(async move {
            match signing.await {
                Ok(token) => self.deliver(token),
                Err(e) => self.fail(Stage::SignedIn, e),
            }
        });
    }

    /// Hands the app token to the host (event) and forgets the MFA session.
    fn deliver(&self, token: IssuedToken) {
        self.session.set(None);
        let detail = super::events::done_detail(&token);
        if let Some(host) = self.host.get_untracked() {
            super::events::dispatch_done(&host, &detail);
        }
        if let Some(callback) = self.on_done.get_value() {
            let _ = callback.call1(&wasm_bindgen::JsValue::NULL, &detail);
        }
        let config = self.config.get_value();
        if let Some(target) = &config.return_to {
            self.stage
                .set(Stage::Working(self.texts().returning_to_app.into()));
            let _ = window().location().assign(target);
        } else {
            self.stage.set(Stage::Finished(self.note.get_untracked()));
        }
    }
}

/// Work of the flow that runs in the sign-in chunk (`crate::auth::lazy`).
type InChunk = Pin<Box<dyn Future<Output = ()>>>;

lazy_part! {
    chunk auth;
    /// Finishes a sign-in answer from the address bar (transaction, checks, code exchange).
    fn complete_part(flow: Flow, response: AuthorizeResponse, query: String)
        -> Result<InChunk, AuthError>
    {
        Ok(Box::pin(async move { flow.complete(response, &query).await }))
    }
}

lazy_part! {
    chunk auth;
    /// Stores the round trip and leaves for `/authorize`.
    fn redirect_part(flow: Flow, purpose: Purpose, resume: Resume) -> Result<InChunk, AuthError> {
        Ok(Box::pin(flow.leave_for_sign_in(purpose, resume)))
    }
}

/// Why the silent path did not work, in words for the user. When the browser only kept the
/// tenant's cookie from the hidden frame, the user signs nothing: the page says it finishes
/// by a short redirect (or in a new window), not that the tenant wants a new sign-in.
fn fallback_reason(e: &AuthError, mode: Mode, t: &Texts) -> String {
    if e.no_session_in_frame() {
        return match mode {
            Mode::Redirect => t.finished_by_redirect,
            Mode::Popup => t.finishes_in_window,
        }
        .to_owned();
    }
    let cause = match e {
        AuthError::Timeout => t.fallback_timeout.to_owned(),
        e if e.needs_interaction() => t.fallback_interaction.to_owned(),
        e => super::describe::auth_message(e, t),
    };
    fill(t.fallback, &[("cause", &cause)])
}
