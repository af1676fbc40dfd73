//! Page entry point: everything lives in the library so the widget can reuse it.

fn main() {
    mfa_manager::start();
}
