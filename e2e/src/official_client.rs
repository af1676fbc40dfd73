//! Auth0's own SPA SDK as a judge of the emulator: the page of
//! `official-clients/auth0-spa-js/` loads `@auth0/auth0-spa-js` unmodified, signs in at the
//! tenant by redirect, and offers its calls on `window.judge`; this page object calls them and
//! reads back, as JSON, what the SDK resolved or the fields of what it threw.

use crate::browser::WAIT;
use crate::examples::official_clients_dir;
use crate::harness::Harness;
use crate::TestResult;
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The SDK's page, under the test site's URL.
pub const SPA_SDK_PAGE: &str = "official-clients/auth0-spa-js/";

/// How long one SDK call may take to settle (a call that needs a new token loads the tenant
/// in a hidden frame first); the WebDriver default for a script.
const CALL: Duration = Duration::from_secs(30);

/// How often the page is asked again.
const POLL: Duration = Duration::from_millis(50);

/// What one SDK call came to: `Ok` with the value it resolved (`null` for none), or `Err`
/// with the fields of the error it threw (`name`, `is_my_account_api_error`, `type`,
/// `status`, `title`, `detail`, `validation_errors`, `error`, `error_description`, `message`).
pub type Outcome = Result<Value, Value>;

/// The SDK's page, open in the harness's browser.
pub struct SpaSdkPage<'a> {
    h: &'a Harness,
}

impl Harness {
    /// Opens the SDK's page (signed out), asking for every My Account scope, and waits for
    /// its script.
    pub async fn open_spa_sdk(&self) -> TestResult<SpaSdkPage<'_>> {
        self.open_spa_sdk_at("").await
    }

    /// Opens the SDK's page (signed out), asking for only these My Account `scopes` at
    /// sign-in, and waits for its script.
    pub async fn open_spa_sdk_asking(&self, scopes: &[&str]) -> TestResult<SpaSdkPage<'_>> {
        self.open_spa_sdk_at(&format!("?scope={}", scopes.join("%20")))
            .await
    }

    async fn open_spa_sdk_at(&self, query: &str) -> TestResult<SpaSdkPage<'_>> {
        let package = official_clients_dir().join("auth0-spa-js/node_modules/@auth0/auth0-spa-js");
        if !package.is_dir() {
            return Err(format!(
                "{} is missing: run `cargo xtask setup` (it runs npm ci in that folder)",
                package.display()
            )
            .into());
        }
        self.browser
            .open(&format!("{}{SPA_SDK_PAGE}{query}", self.site.url))
            .await?;
        let page = SpaSdkPage { h: self };
        match page.wait_for_sign_in().await? {
            Ok(_) => Ok(page),
            Err(error) => Err(format!("the page did not start: {error}").into()),
        }
    }
}

impl SpaSdkPage<'_> {
    /// Signs in as `email` (a user without factors) with `loginWithRedirect`, the tenant's
    /// login page and `handleRedirectCallback`; returns the SDK's `getUser()`.
    pub async fn sign_in(&self, email: &str) -> TestResult<Value> {
        self.h
            .browser
            .eval::<Value>("window.judge.signIn(); return null;")
            .await?;
        self.h.tenant_login(email).await?;
        match self.wait_for_sign_in().await? {
            Ok(Value::Null) => Err("the page came back signed out".into()),
            Ok(user) => Ok(user),
            Err(error) => Err(format!("handleRedirectCallback threw {error}").into()),
        }
    }

    /// Waits until the page's script has run and handled any redirect back. The page is asked
    /// again and again by short scripts rather than by one script waiting in it: the page
    /// may still be the tenant's, about to navigate back here, and WebKitWebDriver drops a
    /// waiting script when its page unloads ("Callback was not called before the unload
    /// event").
    async fn wait_for_sign_in(&self) -> TestResult<Outcome> {
        let deadline = Instant::now() + WAIT;
        loop {
            let settled = self
                .h
                .browser
                .eval::<Value>(
                    "if (!window.judge) return null;
                     if (!window.judgeSignedIn) {
                         window.judgeSignedIn = {};
                         window.judge.signedIn.then((o) => { window.judgeSignedIn.outcome = o; });
                     }
                     return window.judgeSignedIn.outcome || null;",
                )
                .await
                // A page that navigates meanwhile is asked again.
                .unwrap_or(Value::Null);
            if !settled.is_null() {
                return outcome(settled);
            }
            if Instant::now() > deadline {
                return Ok(Err(json!("the page script did not start")));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Calls `auth0.myAccount[method](...args)`.
    pub async fn my_account(&self, method: &str, args: Value) -> TestResult<Outcome> {
        self.run(
            method,
            "window.judge.myAccount(arguments[1], arguments[2])",
            vec![json!(method), args],
        )
        .await
    }

    /// Calls `auth0.myAccount[method](...args)` and returns what it resolved; fails with what
    /// it threw and the SDK's requests.
    pub async fn expect_value(&self, method: &str, args: Value) -> TestResult<Value> {
        match self.my_account(method, args).await? {
            Ok(value) => Ok(value),
            Err(error) => Err(format!(
                "{method} threw {error}; the SDK's requests: {}",
                Value::Array(self.fetches().await?)
            )
            .into()),
        }
    }

    /// Calls `auth0.myAccount[method](...args)` and returns the fields of what it threw; fails
    /// when it resolved.
    pub async fn expect_error(&self, method: &str, args: Value) -> TestResult<Value> {
        match self.my_account(method, args).await? {
            Err(error) => Ok(error),
            Ok(value) => Err(format!("{method} resolved {value} instead of throwing").into()),
        }
    }

    /// The claims of the My Account API token the SDK holds.
    pub async fn claims(&self) -> TestResult<Value> {
        self.run("claims", "window.judge.claims()", Vec::new())
            .await?
            .map_err(|error| format!("getTokenSilently threw {error}").into())
    }

    /// The SDK's requests so far as the page saw them: `method`, `url`, `status`, and the
    /// `location` and `content_type` headers as readable by scripts (`null` when not
    /// exposed), or `failed` when the browser refused the answer.
    pub async fn fetches(&self) -> TestResult<Vec<Value>> {
        self.h.browser.eval("return window.judge.fetches();").await
    }

    /// Starts `call` (a script expression over `arguments[1..]`, from `args`, giving a promise
    /// of `{value}` or `{error}`) with a script that keeps what it settles to in the page and
    /// returns at once, then reads that until it is there (no script waits in the page, see
    /// [`SpaSdkPage::wait_for_sign_in`]; a call needing a new scope loads the tenant in a
    /// hidden frame). `name` says which call in a failure.
    async fn run(&self, name: &str, call: &str, args: Vec<Value>) -> TestResult<Outcome> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        let start = format!(
            "const calls = (window.judgeCalls = window.judgeCalls || {{}});
             const id = arguments[0];
             calls[id] = null;
             {call}.then((settled) => {{ calls[id] = settled; }});
             return null;"
        );
        let mut start_args = vec![json!(id)];
        start_args.extend(args);
        self.h.browser.driver.execute(&start, start_args).await?;
        let deadline = Instant::now() + CALL;
        loop {
            let settled: Value = self
                .h
                .browser
                .driver
                .execute(
                    "const calls = window.judgeCalls || {};
                     const settled = calls[arguments[0]];
                     if (settled) delete calls[arguments[0]];
                     return settled || null;",
                    vec![json!(id)],
                )
                .await?
                .json()
                .clone();
            if !settled.is_null() {
                return outcome(settled);
            }
            if Instant::now() > deadline {
                return Err(format!("{name} did not settle within {CALL:?}").into());
            }
            tokio::time::sleep(POLL).await;
        }
    }
}

/// What the page kept for a call: `{value}` or `{error}`.
fn outcome(settled: Value) -> TestResult<Outcome> {
    match (settled.get("value"), settled.get("error")) {
        (_, Some(error)) => Ok(Err(error.clone())),
        (Some(value), None) => Ok(Ok(value.clone())),
        (None, None) => Err(format!("the page answered {settled}").into()),
    }
}
