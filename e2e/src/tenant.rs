//! The emulated Auth0 tenant, started in-process for one test, and its control endpoints.

use crate::stop_on_drop::StopOnDrop;
use crate::TestResult;
use mfa_emulator::model::{seed, totp};
use mfa_emulator::server::{serve, Options};
use serde_json::Value;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// A running `mfa-emulator` with test control enabled.
pub struct Tenant {
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    /// The custom domain, `http://localhost:PORT`.
    pub custom_origin: String,
    http: reqwest::Client,
    clock_offset: AtomicI64,
    _stop: StopOnDrop,
}

impl Tenant {
    /// Starts the tenant allowing `allowed_origins` (the app's origin), seeded with `seed` or
    /// the built-in tenant.
    pub async fn start(
        allowed_origins: Vec<String>,
        seed: Option<mfa_emulator::model::seed::TenantSeed>,
    ) -> TestResult<Tenant> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let origin = format!("http://{address}");
        let custom_origin = format!("http://localhost:{}", address.port());
        let (stop, stopped) = StopOnDrop::pair();
        let options = Options {
            allowed_origins,
            test_control: true,
            seed,
        };
        tokio::spawn(async move {
            let _ = serve(listener, options, stopped).await;
        });
        Ok(Tenant {
            origin,
            custom_origin,
            http: reqwest::Client::new(),
            clock_offset: AtomicI64::new(0),
            _stop: stop,
        })
    }

    /// Calls a control endpoint (`/__emulator/…`) and returns its JSON answer (or `Null`).
    pub async fn control(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> TestResult<Value> {
        let url = format!(
            "{}/__emulator/{}",
            self.origin,
            path.trim_start_matches('/')
        );
        let mut request = self.http.request(method.parse()?, &url);
        if let Some(body) = body {
            request = request
                .header("content-type", "application/json")
                .body(body.to_string());
        }
        let response = request.send().await?;
        let status = response.status();
        let bytes = response.bytes().await?;
        if !status.is_success() {
            return Err(format!(
                "{method} {url}: {status} {}",
                String::from_utf8_lossy(&bytes)
            )
            .into());
        }
        Ok(if bytes.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&bytes)?
        })
    }

    /// Moves the tenant's clock forward.
    pub async fn advance_clock(&self, seconds: i64) -> TestResult {
        self.control(
            "POST",
            "clock",
            Some(serde_json::json!({ "advance_seconds": seconds })),
        )
        .await?;
        self.clock_offset.fetch_add(seconds, Ordering::SeqCst);
        Ok(())
    }

    /// Forgets every tenant login session (the next `prompt=none` gets `login_required`).
    pub async fn clear_sessions(&self) -> TestResult {
        self.control("POST", "sessions/clear", None)
            .await
            .map(|_| ())
    }

    /// The tenant's current time in unix seconds.
    pub fn now(&self) -> u64 {
        let real = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        (real + self.clock_offset.load(Ordering::SeqCst)).max(0) as u64
    }

    /// The current TOTP code for a base32 secret, by the tenant's clock. TOTP codes are single
    /// use: tests that need a second code advance the clock by 30 s first.
    pub fn totp(&self, secret_base32: &str) -> TestResult<String> {
        let secret = totp::decode_secret(secret_base32).ok_or("not a base32 TOTP secret")?;
        Ok(totp::code_at(&secret, self.now()))
    }

    /// The code for the seeded enrolled user's authenticator app.
    pub fn enrolled_totp(&self) -> TestResult<String> {
        self.totp(seed::ENROLLED_TOTP_SECRET)
    }
}

impl Tenant {
    /// The outbox of sent codes and push requests, oldest first.
    pub async fn outbox(&self) -> TestResult<Vec<Value>> {
        Ok(self
            .control("GET", "outbox", None)
            .await?
            .as_array()
            .cloned()
            .unwrap_or_default())
    }

    /// Waits for the newest outbox message on `channel` and returns it.
    pub async fn last_message(&self, channel: &str) -> TestResult<Value> {
        for _ in 0..100 {
            let found = self
                .outbox()
                .await?
                .into_iter()
                .rev()
                .find(|m| m["channel"] == channel);
            if let Some(message) = found {
                return Ok(message);
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Err(format!("nothing was sent by {channel}").into())
    }

    /// The request log: method, path (no query) and status of every request the tenant
    /// answered outside test control, oldest first.
    pub async fn requests(&self) -> TestResult<Vec<Value>> {
        Ok(self
            .control("GET", "requests", None)
            .await?
            .as_array()
            .cloned()
            .unwrap_or_default())
    }

    /// The statuses of the `method` requests whose path starts with `path`, oldest first.
    pub async fn statuses(&self, method: &str, path: &str) -> TestResult<Vec<u64>> {
        Ok(self
            .calls()
            .await?
            .into_iter()
            .filter(|(m, p, _)| m == method && p.starts_with(path))
            .map(|(_, _, status)| status)
            .collect())
    }

    /// The request log as `(method, path, status)`, oldest first.
    pub async fn calls(&self) -> TestResult<Vec<(String, String, u64)>> {
        Ok(self
            .requests()
            .await?
            .iter()
            .map(|r| {
                (
                    r["method"].as_str().unwrap_or_default().to_owned(),
                    r["path"].as_str().unwrap_or_default().to_owned(),
                    r["status"].as_u64().unwrap_or_default(),
                )
            })
            .collect())
    }

    /// Empties the request log.
    pub async fn clear_requests(&self) -> TestResult {
        self.control("DELETE", "requests", None).await.map(|_| ())
    }

    /// Injects a fault for the next `count` requests under `path_prefix`.
    pub async fn inject(&self, fault: Value) -> TestResult {
        self.control("POST", "faults", Some(fault))
            .await
            .map(|_| ())
    }
}
