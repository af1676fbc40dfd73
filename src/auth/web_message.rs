//! Receiving `response_mode=web_message` answers (popup and hidden iframe): only messages
//! from the tenant's origin, of type `authorization_response`, with our state are accepted.

use super::callback::AuthorizeResponse;
use super::error::{AuthError, CallbackFlaw};
use leptos::ev;
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// A `message` event reduced to the fields that matter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Incoming {
    /// `event.origin`.
    pub origin: String,
    /// `event.data.type`.
    pub kind: Option<String>,
    /// `event.data.response.code`.
    pub code: Option<String>,
    /// `event.data.response.state`.
    pub state: Option<String>,
    /// `event.data.response.error`.
    pub error: Option<String>,
    /// `event.data.response.error_description`.
    pub error_description: Option<String>,
}

/// What to do with one incoming message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not for us (another origin, or another kind of message): keep waiting.
    Ignore,
    /// The answer we wait for.
    Accept(AuthorizeResponse),
    /// From the tenant but wrong (bad state, incomplete): stop with this error.
    Refuse(AuthError),
}

/// Judges a message against the tenant origin and the state this page sent.
pub fn judge(msg: &Incoming, tenant_origin: &str, state: &str) -> Verdict {
    if msg.origin != tenant_origin || msg.kind.as_deref() != Some("authorization_response") {
        return Verdict::Ignore;
    }
    let response = match (&msg.code, &msg.error) {
        (_, Some(error)) => AuthorizeResponse::Error {
            error: error.clone(),
            description: msg.error_description.clone().unwrap_or_default(),
            state: msg.state.clone(),
        },
        (Some(code), None) if !code.is_empty() => AuthorizeResponse::Code {
            code: code.clone(),
            state: msg.state.clone().unwrap_or_default(),
        },
        _ => return Verdict::Refuse(AuthError::MalformedCallback(CallbackFlaw::EmptyMessage)),
    };
    match response.check_state(state) {
        Ok(r) => Verdict::Accept(r),
        Err(e) => Verdict::Refuse(e),
    }
}

/// Reads `data.type` and `data.response.*` without trusting their shape.
fn incoming(event: &web_sys::MessageEvent) -> Incoming {
    let data = event.data();
    let text = |obj: &JsValue, key: &str| {
        js_sys::Reflect::get(obj, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_string())
    };
    let response =
        js_sys::Reflect::get(&data, &JsValue::from_str("response")).unwrap_or(JsValue::UNDEFINED);
    Incoming {
        origin: event.origin(),
        kind: text(&data, "type"),
        code: text(&response, "code"),
        state: text(&response, "state"),
        error: text(&response, "error"),
        error_description: text(&response, "error_description"),
    }
}

/// Waits for the tenant's answer. `abandoned` is polled every half second (a closed popup)
/// and yields the error to stop with; after `timeout` the wait ends with [`AuthError::Timeout`].
pub async fn wait(
    tenant_origin: String,
    state: String,
    timeout: Duration,
    abandoned: impl Fn() -> Option<AuthError> + 'static,
) -> Result<AuthorizeResponse, AuthError> {
    let (send, receive) = futures_channel::oneshot::channel();
    let send = Rc::new(RefCell::new(Some(send)));
    let deliver = {
        let send = Rc::clone(&send);
        move |result: Result<AuthorizeResponse, AuthError>| {
            if let Some(send) = send.borrow_mut().take() {
                let _ = send.send(result);
            }
        }
    };
    let on_message = deliver.clone();
    let listener = window_event_listener(ev::message, move |event| {
        match judge(&incoming(&event), &tenant_origin, &state) {
            Verdict::Ignore => {}
            Verdict::Accept(response) => on_message(Ok(response)),
            Verdict::Refuse(error) => on_message(Err(error)),
        }
    });
    let ticks = Rc::new(RefCell::new(0u64));
    let max_ticks = timeout.as_millis() as u64 / 500;
    let on_tick = deliver;
    let interval = set_interval_with_handle(
        move || {
            *ticks.borrow_mut() += 1;
            if let Some(error) = abandoned() {
                on_tick(Err(error));
            } else if *ticks.borrow() >= max_ticks {
                on_tick(Err(AuthError::Timeout));
            }
        },
        Duration::from_millis(500),
    )
    .ok();
    let result = receive.await.unwrap_or(Err(AuthError::Timeout));
    listener.remove();
    if let Some(interval) = interval {
        interval.clear();
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    const TENANT: &str = "https://acme.auth0.com";

    fn msg(origin: &str, state: &str) -> Incoming {
        Incoming {
            origin: origin.into(),
            kind: Some("authorization_response".into()),
            code: Some("the-code".into()),
            state: Some(state.into()),
            ..Incoming::default()
        }
    }

    #[test]
    fn accepts_the_tenant_answer_with_our_state() {
        assert_eq!(
            judge(&msg(TENANT, "s1"), TENANT, "s1"),
            Verdict::Accept(AuthorizeResponse::Code {
                code: "the-code".into(),
                state: "s1".into()
            })
        );
    }

    #[test]
    fn ignores_other_origins_and_other_messages() {
        assert_eq!(
            judge(&msg("https://evil.example", "s1"), TENANT, "s1"),
            Verdict::Ignore
        );
        let mut other = msg(TENANT, "s1");
        other.kind = Some("relay_request".into());
        assert_eq!(judge(&other, TENANT, "s1"), Verdict::Ignore);
    }

    #[test]
    fn refuses_a_wrong_state_from_the_tenant() {
        assert_eq!(
            judge(&msg(TENANT, "forged"), TENANT, "s1"),
            Verdict::Refuse(AuthError::StateMismatch)
        );
    }

    #[test]
    fn passes_tenant_errors_on() {
        let m = Incoming {
            origin: TENANT.into(),
            kind: Some("authorization_response".into()),
            error: Some("login_required".into()),
            error_description: Some("Login required".into()),
            state: Some("s1".into()),
            ..Incoming::default()
        };
        assert_eq!(
            judge(&m, TENANT, "s1"),
            Verdict::Accept(AuthorizeResponse::Error {
                error: "login_required".into(),
                description: "Login required".into(),
                state: Some("s1".into())
            })
        );
    }
}
