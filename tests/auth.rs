//! Sign-in state in a real browser: the sessionStorage round trip and token redaction.
#![cfg(target_arch = "wasm32")]

use mfa_manager::auth::request::Purpose;
use mfa_manager::auth::transaction::{Resume, Transaction, STORAGE_KEY};
use mfa_manager::auth::{AccessToken, IssuedToken, Session};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn session_storage() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

#[wasm_bindgen_test]
fn transaction_round_trip_is_read_once_then_deleted() {
    let tx = Transaction {
        state: "state-123".into(),
        nonce: "nonce-456".into(),
        verifier: "verifier-789".into(),
        purpose: Purpose::Mfa,
        resume: Resume {
            screen: "manage".into(),
            note: Some("Your session expired.".into()),
        },
    };
    tx.save().unwrap();
    assert!(session_storage().get_item(STORAGE_KEY).unwrap().is_some());
    let back = Transaction::take().unwrap().expect("stored transaction");
    assert!(back == tx);
    assert_eq!(
        session_storage().get_item(STORAGE_KEY).unwrap(),
        None,
        "deleted on read"
    );
    assert!(
        Transaction::take().unwrap().is_none(),
        "a second read finds nothing"
    );
}

#[wasm_bindgen_test]
fn corrupted_transaction_is_discarded() {
    session_storage()
        .set_item(STORAGE_KEY, "{not json")
        .unwrap();
    assert!(Transaction::take().unwrap().is_none());
    assert_eq!(session_storage().get_item(STORAGE_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn debug_output_never_contains_secrets() {
    let tx = Transaction {
        state: "state-secret".into(),
        nonce: "nonce-secret".into(),
        verifier: "verifier-secret".into(),
        purpose: Purpose::App,
        resume: Resume::default(),
    };
    let session = Session::new(
        IssuedToken {
            access_token: AccessToken::new("eyJ.token-secret.sig".into()),
            expires_in: 600,
            scope: "enroll".into(),
        },
        js_sys::Date::now(),
    );
    let printed = format!("{tx:?} {session:?}");
    assert!(!printed.contains("secret"), "{printed}");
}
