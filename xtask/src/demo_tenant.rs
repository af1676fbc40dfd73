//! Builds demo mode's tenant module (`emulator/demo-tenant`) into `demo/` beside the page:
//! its own wasm, which the page imports only in demo mode, so a real deployment's visitors
//! never download the tenant model.

use crate::wasm_module::{self, Target};
use std::path::Path;

/// The module's package.
const PACKAGE: &str = "mfa-demo-tenant";
/// Its wasm file name as cargo writes it.
const WASM: &str = "mfa_demo_tenant.wasm";
/// The folder beside `index.html` the page imports it from (see `src/api/demo_loader.rs`).
pub const FOLDER: &str = "demo";

/// Builds the module into `<dir>/demo/` (wasm-opt -Oz for `release`, as trunk does for the
/// page).
pub fn build_into(dir: &Path, release: bool) -> Result<(), String> {
    wasm_module::build(PACKAGE, Target::Lib, WASM, &dir.join(FOLDER), release, &[])
}
