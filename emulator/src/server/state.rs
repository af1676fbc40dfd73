//! Shared server state: the tenant behind a lock, the clock, faults and the request log.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::seed::{default_seed, TenantSeed};
use crate::model::{Domains, Tenant};
use crate::server::fault_plan::Faults;
use crate::server::jwt::Signer;
use crate::server::options::Options;
use crate::server::request_log::RequestRecord;

/// The clock can be advanced by at most about a century in total.
pub const MAX_CLOCK_OFFSET: u64 = 100 * 366 * 86_400;

/// Everything the handlers share. Cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    tenant: Mutex<Tenant>,
    seed: TenantSeed,
    domains: Domains,
    test_control: bool,
    control_origins: Vec<String>,
    signer: Signer,
    clock_offset: AtomicU64,
    faults: Mutex<Faults>,
    requests: Mutex<Vec<RequestRecord>>,
}

/// Why the state could not be built.
#[derive(Debug)]
pub enum StateError {
    /// The tenant description is invalid.
    Seed(crate::model::seed::SeedError),
    /// The signing key could not be loaded.
    Key(String),
}

impl std::fmt::Display for StateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StateError::Seed(e) => e.fmt(f),
            StateError::Key(e) => write!(f, "cannot load the signing key: {e}"),
        }
    }
}

impl std::error::Error for StateError {}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The canonical host for a listener: its address, with an unspecified IP shown as loopback.
pub fn canonical_host(addr: SocketAddr) -> String {
    let ip = if addr.ip().is_unspecified() {
        if addr.is_ipv4() {
            std::net::IpAddr::from([127, 0, 0, 1])
        } else {
            std::net::IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
        }
    } else {
        addr.ip()
    };
    SocketAddr::new(ip, addr.port()).to_string()
}

impl AppState {
    /// State for a server listening on `addr` (the canonical tenant host).
    pub fn new(options: Options, addr: SocketAddr) -> Result<Self, StateError> {
        let seed = match options.seed {
            Some(seed) => seed.with_extra_origins(&options.allowed_origins),
            None => default_seed(&options.allowed_origins),
        };
        let domains = Domains::local(&canonical_host(addr));
        let now = system_now();
        let tenant =
            Tenant::from_seed(&seed, domains.clone(), os_seed(), now).map_err(StateError::Seed)?;
        Ok(Self(Arc::new(Inner {
            tenant: Mutex::new(tenant),
            seed,
            domains,
            test_control: options.test_control,
            control_origins: options.allowed_origins,
            signer: Signer::dev().map_err(StateError::Key)?,
            clock_offset: AtomicU64::new(0),
            faults: Mutex::new(Faults::default()),
            requests: Mutex::new(Vec::new()),
        })))
    }

    /// The tenant's clock: system time plus the offset tests advanced it by.
    pub fn now(&self) -> u64 {
        system_now().saturating_add(self.0.clock_offset.load(Ordering::SeqCst))
    }

    /// Moves the clock forward; returns the new time, or `None` when the total advance would
    /// exceed [`MAX_CLOCK_OFFSET`].
    pub fn advance_clock(&self, seconds: u64) -> Option<u64> {
        self.0
            .clock_offset
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |offset| {
                offset
                    .checked_add(seconds)
                    .filter(|total| *total <= MAX_CLOCK_OFFSET)
            })
            .ok()?;
        Some(self.now())
    }

    /// The tenant, locked. Never hold it across an `.await`.
    pub fn tenant(&self) -> MutexGuard<'_, Tenant> {
        lock(&self.0.tenant)
    }

    /// The token signer.
    pub fn signer(&self) -> &Signer {
        &self.0.signer
    }

    /// Whether `/__emulator/*` is mounted.
    pub fn test_control(&self) -> bool {
        self.0.test_control
    }

    /// The origins whose pages may use test control: the `--allowed-origin`s (the app's).
    pub fn control_origins(&self) -> &[String] {
        &self.0.control_origins
    }

    /// The hosts the emulator answers to by name: the canonical host (its listen address)
    /// and the custom domain (`localhost:PORT`).
    pub fn hosts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.0.domains.canonical.as_str()).chain(self.0.domains.custom.as_deref())
    }

    /// Injected faults.
    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        lock(&self.0.faults)
    }

    /// The request log (without `/__emulator`).
    pub fn requests(&self) -> MutexGuard<'_, Vec<RequestRecord>> {
        lock(&self.0.requests)
    }

    /// Back to the seeded tenant: clock offset 0, outbox, sessions, faults and log cleared.
    pub fn reset(&self) {
        let tenant = Tenant::from_seed(
            &self.0.seed,
            self.0.domains.clone(),
            os_seed(),
            system_now(),
        );
        if let Ok(tenant) = tenant {
            *self.tenant() = tenant;
        }
        self.0.clock_offset.store(0, Ordering::SeqCst);
        *self.faults() = Faults::default();
        self.requests().clear();
    }
}

fn system_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A seed for the tenant's generator from the OS (falling back to the clock).
fn os_seed() -> u64 {
    getrandom::u64().unwrap_or_else(|_| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    })
}
