//! Browser helpers for components, one per file, shaped like leptos-use's: a `use_*` function
//! that ties a browser facility (timer, clipboard, focus) to the owner it is called in and
//! releases it on cleanup.

pub mod dates;
pub mod deadline;
pub mod download;
pub mod focus_first;
pub mod focus_trap;
pub mod focus_when_mounted;
pub mod idle;
pub mod js_error;
pub mod sleep;
pub mod use_clipboard;
pub mod use_interval_fn;
pub mod use_timeout_fn;
pub mod use_timestamp;
pub mod webauthn;

pub use download::download;
pub use focus_first::focus_first;
pub use focus_trap::trap_focus;
pub use focus_when_mounted::focus_when_mounted;
pub use sleep::sleep;
pub use use_clipboard::{use_clipboard, UseClipboard};
pub use use_interval_fn::use_interval_fn;
pub use use_timeout_fn::{use_timeout_fn, UseTimeoutFn};
pub use use_timestamp::use_timestamp;
