//! `idle`: waiting until the browser has nothing more urgent to do (`requestIdleCallback`,
//! or a short timeout where the browser has none, as Safari before 18.4).

use std::time::Duration;

/// The longest wait for an idle moment before going ahead anyway.
const IDLE_TIMEOUT: Duration = Duration::from_secs(2);

/// Resolves in the browser's next idle period (at most [`IDLE_TIMEOUT`] away).
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_TIMEOUT.as_millis() as u32);
        let asked = js_sys::Reflect::has(&window, &"requestIdleCallback".into()).unwrap_or(false)
            && window
                .request_idle_callback_with_options(&resolve, &options)
                .is_ok();
        if !asked {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
