//! `/authorize`: request validation, SSO sessions, the login and second-factor steps, and
//! issuing authorization codes (§3).

use std::borrow::Cow;

use crate::model::api::Audience;
use crate::model::authenticator::AuthenticatorKind;
use crate::model::codes::AuthorizationCode;
use crate::model::delivery::{AuthorizeResponse, Delivered, Delivery, ResponseMode};
use crate::model::error::Error;
use crate::model::limits::{AUTHORIZATION_CODE_SECONDS, LOGIN_TRANSACTION_SECONDS};
use crate::model::mfa_settings::MfaPolicy;
use crate::model::session::{AuthorizeRequest, LoginTransaction, Prompt, Session};
use crate::model::tenant::Tenant;
use crate::model::texts;
use crate::model::url::origin_of;

/// The query parameters of `GET /authorize` the tenant looks at (others are ignored).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuthorizeParams {
    /// `client_id`.
    pub client_id: Option<String>,
    /// `redirect_uri`.
    pub redirect_uri: Option<String>,
    /// `response_type` (only `code`).
    pub response_type: Option<String>,
    /// `response_mode`: `query` (default), `fragment`, `form_post`, `web_message`.
    pub response_mode: Option<String>,
    /// `scope`.
    pub scope: Option<String>,
    /// `audience`.
    pub audience: Option<String>,
    /// `state`, echoed.
    pub state: Option<String>,
    /// `nonce`, echoed in the ID token.
    pub nonce: Option<String>,
    /// `code_challenge`.
    pub code_challenge: Option<String>,
    /// `code_challenge_method` (only `S256`).
    pub code_challenge_method: Option<String>,
    /// `prompt`: `none`, `login`, …
    pub prompt: Option<String>,
    /// `login_hint`: prefills the email.
    pub login_hint: Option<String>,
}

impl AuthorizeParams {
    /// Collects the known parameters from decoded query pairs (the last occurrence wins).
    pub fn from_pairs<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut params = Self::default();
        for (key, value) in pairs {
            let slot = match key.as_str() {
                "client_id" => &mut params.client_id,
                "redirect_uri" => &mut params.redirect_uri,
                "response_type" => &mut params.response_type,
                "response_mode" => &mut params.response_mode,
                "scope" => &mut params.scope,
                "audience" => &mut params.audience,
                "state" => &mut params.state,
                "nonce" => &mut params.nonce,
                "code_challenge" => &mut params.code_challenge,
                "code_challenge_method" => &mut params.code_challenge_method,
                "prompt" => &mut params.prompt,
                "login_hint" => &mut params.login_hint,
                _ => continue,
            };
            *slot = Some(value);
        }
        params
    }
}

/// A failure that must not reach the redirect target: shown as an HTML error page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorPage {
    /// HTTP status (400 or 403).
    pub status: u16,
    /// The message (`error_code: description`).
    pub message: String,
}

impl ErrorPage {
    pub(crate) fn new(status: u16, message: String) -> Self {
        Self { status, message }
    }
}

/// What the login UI shows next.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Deliver a result to the application.
    Deliver(Delivered),
    /// Show the login form (with an error after a failed attempt).
    Login {
        /// Transaction id for the hidden form field.
        transaction: String,
        /// Client display name.
        client_name: String,
        /// Email to prefill.
        login_hint: Option<String>,
        /// Whether to offer "Sign in with a passkey" (passkeys are enabled).
        passkey: bool,
        /// Error to show.
        error: Option<Cow<'static, str>>,
    },
    /// Ask for a TOTP, a recovery code or a code sent by SMS/voice/email.
    SecondFactor {
        /// Transaction id for the hidden form field.
        transaction: String,
        /// Masked destination of a code sent for this prompt.
        sent_to: Option<String>,
        /// Error to show.
        error: Option<&'static str>,
    },
    /// A recovery code was used: show its replacement once, then continue.
    NewRecoveryCode {
        /// Transaction id for the hidden form field.
        transaction: String,
        /// The new code.
        code: String,
    },
}

/// A step plus a new session to store in the `auth0` cookie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// What to show.
    pub step: Step,
    /// A session id created by this step.
    pub new_session: Option<String>,
}

impl From<Step> for Progress {
    fn from(step: Step) -> Self {
        Progress {
            step,
            new_session: None,
        }
    }
}

impl Tenant {
    /// Validates an authorize request. Client and redirect problems are error pages; the rest
    /// are delivered to the (now trusted) redirect target.
    pub fn validate_authorize(
        &self,
        params: &AuthorizeParams,
    ) -> Result<Result<AuthorizeRequest, Delivered>, ErrorPage> {
        let missing = |name: &str| {
            ErrorPage::new(
                400,
                format!("invalid_request: {}{name}", texts::MISSING_PARAMETER_PREFIX),
            )
        };
        let client_id = params
            .client_id
            .as_deref()
            .filter(|c| !c.is_empty())
            .ok_or_else(|| missing("client_id"))?;
        let client = self.client(client_id).ok_or_else(|| {
            ErrorPage::new(400, format!("{}{client_id}", texts::UNKNOWN_CLIENT_PREFIX))
        })?;
        let redirect_uri = params
            .redirect_uri
            .as_deref()
            .filter(|r| !r.is_empty())
            .ok_or_else(|| missing("redirect_uri"))?;
        let mode = match params.response_mode.as_deref() {
            None | Some("") | Some("query") => ResponseMode::Query,
            Some("fragment") => ResponseMode::Fragment,
            Some("form_post") => ResponseMode::FormPost,
            Some("web_message") => ResponseMode::WebMessage,
            Some(other) => {
                return Err(ErrorPage::new(
                    400,
                    format!("{}{other}", texts::UNSUPPORTED_RESPONSE_MODE_PREFIX),
                ))
            }
        };
        // For web_message the origin rule comes first: an unregistered origin gets the 400
        // page Auth0 shows, whatever the callback list says.
        let target_origin = origin_of(redirect_uri).unwrap_or_default();
        if mode == ResponseMode::WebMessage && !client.allows_web_origin(&target_origin) {
            return Err(ErrorPage::new(
                400,
                texts::unregistered_origin(redirect_uri),
            ));
        }
        if !client.allows_callback(redirect_uri) {
            return Err(ErrorPage::new(
                403,
                format!("{}{redirect_uri}", texts::CALLBACK_MISMATCH_PREFIX),
            ));
        }
        let delivery = Delivery {
            redirect_uri: redirect_uri.to_owned(),
            mode,
            state: params.state.clone(),
            target_origin,
        };
        let refuse = |error: &'static str, description: String| {
            Ok(Err(Delivered {
                delivery: delivery.clone(),
                response: AuthorizeResponse::Error { error, description },
            }))
        };
        match params.response_type.as_deref() {
            Some("code") => {}
            None | Some("") => {
                return refuse(
                    "invalid_request",
                    format!("{}response_type", texts::MISSING_PARAMETER_PREFIX),
                )
            }
            Some(other) => {
                return refuse(
                    "unsupported_response_type",
                    format!("{}{other}", texts::UNSUPPORTED_RESPONSE_TYPE_PREFIX),
                )
            }
        }
        let Some(code_challenge) = params.code_challenge.clone().filter(|c| !c.is_empty()) else {
            return refuse(
                "invalid_request",
                format!("{}code_challenge", texts::MISSING_PARAMETER_PREFIX),
            );
        };
        if params.code_challenge_method.as_deref() != Some("S256") {
            return refuse(
                "invalid_request",
                texts::UNSUPPORTED_CHALLENGE_METHOD.to_owned(),
            );
        }
        let audience = match self.resolve_audience(params.audience.as_deref()) {
            Ok(audience) => audience,
            Err(unknown) => {
                return refuse(
                    "access_denied",
                    format!("{}{unknown}", texts::SERVICE_NOT_FOUND_PREFIX),
                )
            }
        };
        let scope = audience.grant_scope(params.scope.as_deref().unwrap_or("openid"));
        let prompt = match params.prompt.as_deref() {
            Some("none") => Prompt::None,
            Some("login") => Prompt::Login,
            _ => Prompt::Default,
        };
        Ok(Ok(AuthorizeRequest {
            client_id: client.client_id.clone(),
            client_name: client.name.clone(),
            delivery,
            audience,
            scope,
            nonce: params.nonce.clone(),
            code_challenge,
            prompt,
            login_hint: params.login_hint.clone(),
        }))
    }

    /// `GET /authorize`: validates, then answers from the SSO session (`session_id` from the
    /// cookie) or starts a login transaction.
    pub fn authorize(
        &mut self,
        params: &AuthorizeParams,
        session_id: Option<&str>,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        let request = match self.validate_authorize(params)? {
            Ok(request) => request,
            Err(refused) => return Ok(Step::Deliver(refused).into()),
        };
        let session = session_id
            .and_then(|id| self.sessions.get(id).map(|s| (id.to_owned(), s.clone())))
            .filter(|(_, s)| self.user(&s.user_id).is_some());
        let Some((session_id, session)) = session.filter(|_| request.prompt != Prompt::Login)
        else {
            if request.prompt == Prompt::None {
                return Ok(
                    Step::Deliver(error(&request, "login_required", texts::LOGIN_REQUIRED)).into(),
                );
            }
            return Ok(self.start_login(request, now).into());
        };
        if !self.needs_second_factor(&request, &session) {
            return Ok(Step::Deliver(self.issue_code(&request, &session, now)).into());
        }
        if request.prompt == Prompt::None {
            return Ok(
                Step::Deliver(error(&request, "login_required", texts::MFA_REQUIRED)).into(),
            );
        }
        let transaction = self.new_transaction(request, Some(session_id), now);
        Ok(self.second_factor_step(transaction, now).into())
    }

    /// `POST` of the login form.
    pub fn submit_password(
        &mut self,
        transaction: &str,
        username: &str,
        password: &str,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        let tx = self.transaction(transaction, now)?;
        let user = self.user_index_by_email(username).filter(|&u| {
            crate::model::totp::constant_time_eq(
                self.users[u].password.as_bytes(),
                password.as_bytes(),
            )
        });
        let Some(user) = user else {
            return Ok(Step::Login {
                transaction: transaction.to_owned(),
                client_name: tx.request.client_name,
                login_hint: Some(username.to_owned()),
                passkey: self.factors.passkey,
                error: Some(texts::WRONG_EMAIL_OR_PASSWORD.into()),
            }
            .into());
        };
        Ok(self.sign_in(transaction, &tx.request, user, false, now))
    }

    /// Signs `user` in for `transaction` once the login page's step passed: a new SSO session,
    /// then the second-factor prompt if one is still needed, else the code. `mfa_done` is set
    /// when that step already satisfies MFA (a passkey).
    pub(crate) fn sign_in(
        &mut self,
        transaction: &str,
        request: &AuthorizeRequest,
        user: usize,
        mfa_done: bool,
        now: u64,
    ) -> Progress {
        let session = Session {
            user_id: self.users[user].user_id.clone(),
            auth_time: now,
            mfa_done,
        };
        let session_id = self.rng.alphanumeric(32);
        self.sessions.insert(session_id.clone(), session.clone());
        let step = if self.needs_second_factor(request, &session) {
            if let Some(stored) = self.transactions.get_mut(transaction) {
                stored.session_id = Some(session_id.clone());
            }
            self.second_factor_step(transaction.to_owned(), now)
        } else {
            self.transactions.remove(transaction);
            Step::Deliver(self.issue_code(request, &session, now))
        };
        Progress {
            step,
            new_session: Some(session_id),
        }
    }

    /// `POST` of the second-factor form: a TOTP, a recovery code, or the code just sent.
    pub fn submit_second_factor(
        &mut self,
        transaction: &str,
        code: &str,
        now: u64,
    ) -> Result<Progress, ErrorPage> {
        let tx = self.transaction(transaction, now)?;
        let Some((session_id, session)) = tx
            .session_id
            .as_ref()
            .and_then(|id| self.sessions.get(id).map(|s| (id.clone(), s.clone())))
        else {
            return Err(ErrorPage::new(400, texts::TRANSACTION_EXPIRED.to_owned()));
        };
        let user = self
            .user_index(&session.user_id)
            .ok_or_else(|| ErrorPage::new(400, texts::TRANSACTION_EXPIRED.to_owned()))?;
        let code = code.trim();
        let looks_like_recovery = code.len() > 6 || !code.bytes().all(|b| b.is_ascii_digit());
        let result = if looks_like_recovery {
            self.use_recovery_code(user, code, now).map(Some)
        } else {
            // A code was sent only to users without an authenticator app.
            match &tx.login_oob_code {
                Some(oob) => self.verify_oob(user, oob, Some(code), now),
                None => self.verify_totp(user, code, now, false),
            }
            .map(|()| None)
        };
        match result {
            Ok(new_code) => {
                if let Some(stored) = self.sessions.get_mut(&session_id) {
                    stored.mfa_done = true;
                }
                if let Some(code) = new_code {
                    return Ok(Step::NewRecoveryCode {
                        transaction: transaction.to_owned(),
                        code,
                    }
                    .into());
                }
                self.resume(transaction, now)
            }
            Err(error) => {
                let message = match error {
                    Error::TooManyAttempts(_) => texts::TOO_MANY_FAILED_CODES,
                    _ => texts::INVALID_CODE,
                };
                Ok(Step::SecondFactor {
                    transaction: transaction.to_owned(),
                    sent_to: None,
                    error: Some(message),
                }
                .into())
            }
        }
    }

    /// Finishes a transaction whose session has passed every required step.
    pub fn resume(&mut self, transaction: &str, now: u64) -> Result<Progress, ErrorPage> {
        let tx = self.transaction(transaction, now)?;
        let session = tx
            .session_id
            .as_ref()
            .and_then(|id| self.sessions.get(id).cloned())
            .filter(|s| !self.needs_second_factor(&tx.request, s))
            .ok_or_else(|| ErrorPage::new(400, texts::TRANSACTION_EXPIRED.to_owned()))?;
        self.transactions.remove(transaction);
        Ok(Step::Deliver(self.issue_code(&tx.request, &session, now)).into())
    }

    /// A second factor is needed when the user has an active non-email factor and the session
    /// has not passed one: always for the MFA audience (Auth0 enforces it there), and for other
    /// audiences when the tenant's MFA policy is `always`.
    fn needs_second_factor(&self, request: &AuthorizeRequest, session: &Session) -> bool {
        (matches!(request.audience, Audience::Mfa(_)) || self.mfa_policy == MfaPolicy::Always)
            && !session.mfa_done
            && self
                .user(&session.user_id)
                .is_some_and(|u| u.has_active_non_email_factor())
    }

    fn start_login(&mut self, request: AuthorizeRequest, now: u64) -> Step {
        let client_name = request.client_name.clone();
        let login_hint = request.login_hint.clone();
        let transaction = self.new_transaction(request, None, now);
        Step::Login {
            transaction,
            client_name,
            login_hint,
            passkey: self.factors.passkey,
            error: None,
        }
    }

    fn new_transaction(
        &mut self,
        request: AuthorizeRequest,
        session_id: Option<String>,
        now: u64,
    ) -> String {
        self.transactions.retain(|_, t| now < t.expires_at);
        let id = self.rng.alphanumeric(32);
        self.transactions.insert(
            id.clone(),
            LoginTransaction {
                request,
                expires_at: now.saturating_add(LOGIN_TRANSACTION_SECONDS),
                session_id,
                login_oob_code: None,
                passkey_challenge: None,
            },
        );
        id
    }

    /// The live transaction `id`; an unknown or expired one is the "start again" error page.
    pub(crate) fn transaction(&self, id: &str, now: u64) -> Result<LoginTransaction, ErrorPage> {
        self.transactions
            .get(id)
            .filter(|t| now < t.expires_at)
            .cloned()
            .ok_or_else(|| ErrorPage::new(400, texts::TRANSACTION_EXPIRED.to_owned()))
    }

    /// The second-factor prompt. Users without an authenticator app get a code by SMS, voice
    /// or email, as Universal Login would send one.
    fn second_factor_step(&mut self, transaction: String, now: u64) -> Step {
        let mut sent_to = None;
        let target = self.transactions.get(&transaction).and_then(|tx| {
            let session = tx
                .session_id
                .as_ref()
                .and_then(|id| self.sessions.get(id))?;
            let user = self.user_index(&session.user_id)?;
            if self.users[user].has_active_otp() {
                return None;
            }
            let oob = self.users[user].authenticators.iter().find(|a| {
                a.active
                    && matches!(
                        a.kind,
                        AuthenticatorKind::Sms { .. }
                            | AuthenticatorKind::Voice { .. }
                            | AuthenticatorKind::Email { .. }
                    )
            })?;
            Some((
                user,
                oob.id.clone(),
                oob.view().name,
                tx.request.client_id.clone(),
            ))
        });
        if let Some((user, id, name, client_id)) = target {
            if let Ok(oob_code) = self.send_oob(user, &id, &client_id, now) {
                if let Some(tx) = self.transactions.get_mut(&transaction) {
                    tx.login_oob_code = Some(oob_code);
                }
                sent_to = name;
            }
        }
        Step::SecondFactor {
            transaction,
            sent_to,
            error: None,
        }
    }

    fn issue_code(&mut self, request: &AuthorizeRequest, session: &Session, now: u64) -> Delivered {
        let code = self.rng.alphanumeric(32);
        self.codes.retain(|_, c| now < c.expires_at);
        self.codes.insert(
            code.clone(),
            AuthorizationCode {
                client_id: request.client_id.clone(),
                redirect_uri: request.delivery.redirect_uri.clone(),
                code_challenge: request.code_challenge.clone(),
                audience: request.audience.clone(),
                scope: request.scope.clone(),
                nonce: request.nonce.clone(),
                user_id: session.user_id.clone(),
                auth_time: session.auth_time,
                expires_at: now.saturating_add(AUTHORIZATION_CODE_SECONDS),
            },
        );
        Delivered {
            delivery: request.delivery.clone(),
            response: AuthorizeResponse::Code(code),
        }
    }
}

fn error(request: &AuthorizeRequest, error: &'static str, description: &str) -> Delivered {
    Delivered {
        delivery: request.delivery.clone(),
        response: AuthorizeResponse::Error {
            error,
            description: description.to_owned(),
        },
    }
}
