//! How to run the emulator: the settings `serve` and `AppState::new` take. A file of its own so
//! that the state, which is built from them, does not depend on the router in `server`.

use crate::model::seed::TenantSeed;

/// How to run the emulator.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Allowed Web Origins of the seeded client(s) (also the dev callback origins).
    pub allowed_origins: Vec<String>,
    /// Mount `/__emulator/*`.
    pub test_control: bool,
    /// A tenant description replacing the built-in one (`--seed FILE`, already parsed).
    pub seed: Option<TenantSeed>,
}
