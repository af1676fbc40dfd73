//! Factor components against an in-memory `MfaApi` (headless Chromium): loading, success and
//! error states as the user sees them.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mfa_manager::api::{
    ApiError, ApiFuture, ApiHandle, Associate, Authenticator, AuthenticatorId, Confirm, Confirmed,
    Enrollment, MfaApi,
};
use mfa_manager::factors::add_app::AddApp;
use mfa_manager::factors::context::Factors;
use mfa_manager::factors::list::FactorList;
use std::cell::RefCell;
use std::rc::Rc;
use support::{
    container, find, has, let_pending_tasks_run, settle_until, settle_until_shows, text,
};
use wasm_bindgen_test::*;

mod support;

wasm_bindgen_test_configure!(run_in_browser);

/// Scripted answers; each call takes the next one.
#[derive(Default)]
struct FakeApi {
    lists: RefCell<Vec<Result<Vec<Authenticator>, ApiError>>>,
    enrollments: RefCell<Vec<Result<Enrollment, ApiError>>>,
    confirms: RefCell<Vec<Result<Confirmed, ApiError>>>,
    confirmed_with: RefCell<Vec<String>>,
}

fn next<T>(queue: &RefCell<Vec<Result<T, ApiError>>>) -> Result<T, ApiError> {
    let mut q = queue.borrow_mut();
    if q.is_empty() {
        Err(ApiError::Network("no scripted answer".into()))
    } else {
        q.remove(0)
    }
}

impl MfaApi for FakeApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move { next(&self.lists) })
    }
    fn associate(&self, _: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move { next(&self.enrollments) })
    }
    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        if let Confirm::Otp { otp } = &confirm {
            self.confirmed_with.borrow_mut().push(otp.clone());
        }
        Box::pin(async move { next(&self.confirms) })
    }
    fn remove(&self, _: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move { Ok(()) })
    }
}

fn authenticator(json: &str) -> Authenticator {
    serde_json::from_str(json).unwrap()
}

fn mount_with<V: IntoView + 'static>(
    api: Rc<dyn MfaApi>,
    view: impl FnOnce() -> V + 'static,
) -> web_sys::HtmlElement {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(Factors::new(ApiHandle(api)));
        view()
    });
    handle.forget();
    root
}

/// The element that has keyboard focus.
fn focused() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.active_element()
}

#[wasm_bindgen_test]
async fn list_shows_loading_then_twins_as_one_row() {
    let api = Rc::new(FakeApi::default());
    api.lists.borrow_mut().push(Ok(vec![
        authenticator(r#"{"id":"sms|dev_A","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXXX2046"}"#),
        authenticator(r#"{"id":"voice|dev_A","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXXX2046"}"#),
        authenticator(r#"{"id":"totp|dev_B","authenticator_type":"otp","active":false}"#),
    ]));
    let root = mount_with(api, || view! { <FactorList /> });
    assert!(
        text(&root).contains("Loading your sign-in methods"),
        "{}",
        text(&root)
    );
    settle_until("the list's rows", || has(&root, "#mfa-list .mfa-factor")).await;
    let rows = root.query_selector_all(".mfa-factor").unwrap();
    assert_eq!(rows.length(), 2, "{}", text(&root));
    let all = text(&root);
    assert!(all.contains("••••2046"), "{all}");
    assert!(all.contains("text message and voice call"), "{all}");
    assert!(all.contains("Setup not finished"), "{all}");
}

#[wasm_bindgen_test]
async fn list_error_explains_the_likely_cause_and_retries() {
    let api = Rc::new(FakeApi::default());
    api.lists
        .borrow_mut()
        .push(Err(ApiError::Network("Failed to fetch".into())));
    api.lists.borrow_mut().push(Ok(vec![]));
    let root = mount_with(api, || view! { <FactorList /> });
    settle_until("the list's error", || has(&root, "[role=alert]")).await;
    let alert = root
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let message = alert.text_content().unwrap();
    assert!(message.contains("Allowed Web Origins"), "{message}");
    let retry: web_sys::HtmlElement = find(&root, ".mfa-list button");
    retry.click();
    settle_until("the empty list, focused", || {
        text(&root).contains("no extra sign-in methods")
            && focused().is_some_and(|e| e.class_name() == "mfa-list")
    })
    .await;
    assert!(
        text(&root).contains("no extra sign-in methods"),
        "{}",
        text(&root)
    );
    // The button is gone with the error; keyboard focus stays in the list.
    assert_eq!(
        focused().map(|e| e.class_name()).as_deref(),
        Some("mfa-list")
    );
}

#[wasm_bindgen_test]
async fn add_app_shows_qr_and_key_and_explains_wrong_codes() {
    let api = Rc::new(FakeApi::default());
    api.enrollments.borrow_mut().push(Ok(serde_json::from_str(
        r#"{"authenticator_type":"otp","secret":"ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF",
            "barcode_uri":"otpauth://totp/acme:jane%40example.com?secret=ABCDEFGMK5CE6WTZKRTTQRKUJVFXOVRF&issuer=acme&algorithm=SHA1&digits=6&period=30",
            "recovery_codes":["N3BGPZZWJ85JLCNPZBDW6QXC"]}"#,
    )
    .unwrap()));
    api.confirms.borrow_mut().push(Err(ApiError::InvalidOtp));
    api.confirms.borrow_mut().push(Err(ApiError::InvalidOtp));
    let root = mount_with(api.clone(), || view! { <AddApp /> });
    settle_until("the QR code", || has(&root, "svg.mfa-qr path")).await;
    assert!(root.query_selector("svg.mfa-qr path").unwrap().is_some());
    let all = text(&root);
    assert!(
        all.contains("ABCD EFGM K5CE 6WTZ KRTT QRKU JVFX OVRF"),
        "{all}"
    );
    assert!(all.contains("jane@example.com"), "{all}");
    let input: web_sys::HtmlInputElement = find(&root, "#mfa-otp-code");
    assert_eq!(input.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        input.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    let submit: web_sys::HtmlButtonElement = find(&root, ".mfa-code-form button[type=submit]");
    // Each wrong code is answered before the next is typed: an error after the first, the
    // clock hint after the second.
    for answered in ["[role=alert]", "#mfa-clock-hint"] {
        input.set_value("123 456");
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
        submit.click();
        settle_until(&format!("`{answered}` after a wrong code"), || {
            has(&root, answered) && !submit.disabled()
        })
        .await;
    }
    assert_eq!(
        *api.confirmed_with.borrow(),
        ["123456", "123456"],
        "spaces are ignored"
    );
    let all = text(&root);
    assert!(
        root.query_selector("#mfa-clock-hint").unwrap().is_some(),
        "{all}"
    );
    assert!(
        !all.contains("N3BG"),
        "the recovery code waits for a successful verification"
    );
}

#[wasm_bindgen_test]
async fn add_app_links_only_an_otpauth_setup_link() {
    let key = "JBSWY3DPEHPK3PXP";
    for (uri, link) in [
        ("javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("otpauth-migration://offline?data=CiAKFEhlbGxv", None),
        (
            "OTPAUTH://totp/acme:jane?secret=JBSWY3DPEHPK3PXP",
            Some("otpauth://totp/acme:jane?secret=JBSWY3DPEHPK3PXP"),
        ),
    ] {
        let api = Rc::new(FakeApi::default());
        let enrollment = serde_json::json!({
            "authenticator_type": "otp", "secret": key, "barcode_uri": uri,
        });
        api.enrollments
            .borrow_mut()
            .push(Ok(serde_json::from_value(enrollment).unwrap()));
        let root = mount_with(api, || view! { <AddApp /> });
        settle_until_shows(&root, "JBSW Y3DP EHPK 3PXP").await;
        let href = root
            .query_selector("#mfa-otpauth-link")
            .unwrap()
            .and_then(|a| a.get_attribute("href"));
        assert_eq!(href.as_deref(), link, "{uri}");
        // Whatever the tenant sent, the key can still be typed by hand.
        assert!(has(&root, "#mfa-copy-secret"), "{uri}");
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn add_app_associate_error_is_shown_with_a_retry() {
    let api = Rc::new(FakeApi::default());
    api.enrollments
        .borrow_mut()
        .push(Err(ApiError::RateLimited {
            retry_after: Some(360),
            description: "Rate limit exceeded.".into(),
        }));
    api.enrollments.borrow_mut().push(Ok(serde_json::from_str(
        r#"{"authenticator_type":"otp","secret":"JBSWY3DPEHPK3PXP","barcode_uri":"otpauth://totp/acme:jane?secret=JBSWY3DPEHPK3PXP&issuer=acme"}"#,
    )
    .unwrap()));
    let root = mount_with(api, || view! { <AddApp /> });
    settle_until_shows(&root, "6 minutes").await;
    let all = text(&root);
    assert!(all.contains("6 minutes"), "{all}");
    let retry: web_sys::HtmlElement = find(&root, ".mfa-actions button");
    assert_eq!(retry.text_content().as_deref(), Some("Try again"));
    retry.click();
    settle_until("the QR code, with focus on the title", || {
        has(&root, "svg.mfa-qr") && focused().is_some_and(|e| e.id() == "mfa-add-app-title")
    })
    .await;
    assert!(
        root.query_selector("svg.mfa-qr").unwrap().is_some(),
        "{}",
        text(&root)
    );
    // The button went with the error; keyboard focus is on the panel's title, not the page.
    assert_eq!(
        focused().map(|e| e.id()).as_deref(),
        Some("mfa-add-app-title")
    );
}

fn phone_row() -> mfa_manager::factors::row::FactorRow {
    mfa_manager::factors::row::rows(&[
        authenticator(r#"{"id":"sms|dev_A","authenticator_type":"oob","active":true,"oob_channel":"sms","name":"XXXXXXXXX2046"}"#),
        authenticator(r#"{"id":"voice|dev_A","authenticator_type":"oob","active":true,"oob_channel":"voice","name":"XXXXXXXXX2046"}"#),
    ])
    .remove(0)
}

#[wasm_bindgen_test]
async fn remove_dialog_names_the_twin_warns_and_reports_failures() {
    use mfa_manager::factors::remove::RemoveDialog;
    let api = Rc::new(FailingRemove);
    let row = phone_row();
    let root = container();
    let for_dialog = row.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let factors = Factors::new(ApiHandle(api));
        factors.rows.set(vec![for_dialog.clone()]);
        provide_context(factors);
        view! { <RemoveDialog row=for_dialog /> }
    });
    handle.forget();
    settle_until("the dialog's warning", || {
        text(&root).contains("text message and voice call") && has(&root, "#mfa-last-warning")
    })
    .await;
    let all = text(&root);
    assert!(all.contains("text message and voice call"), "{all}");
    assert!(
        root.query_selector("#mfa-last-warning").unwrap().is_some(),
        "{all}"
    );
    let dialog = root.query_selector("[role=alertdialog]").unwrap().unwrap();
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    // The phone is the only way in: Remove waits for its name, typed.
    let confirm: web_sys::HtmlElement = find(&root, "#mfa-confirm-remove");
    confirm.click();
    settle_until("the name's error", || has(&root, "#mfa-confirm-name-error")).await;
    assert!(!text(&root).contains("verified email"), "nothing was sent");
    let name: web_sys::HtmlInputElement = find(&root, "#mfa-confirm-name");
    name.set_value("phone");
    name.dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    confirm.click();
    settle_until_shows(&root, "verified email").await;
    let all = text(&root);
    assert!(
        all.contains("verified email"),
        "the 403 is explained: {all}"
    );
}

/// Refuses every removal the way a tenant refuses an implicitly listed verified email.
struct FailingRemove;

impl MfaApi for FailingRemove {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async { Ok(Vec::new()) })
    }
    fn associate(&self, _: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async { Err(ApiError::NotFound) })
    }
    fn confirm(&self, _: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(async { Err(ApiError::NotFound) })
    }
    fn remove(&self, _: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async {
            Err(ApiError::from_response(
                403,
                r#"{"error":"access_denied","error_description":"Cannot remove a verified email"}"#,
                None,
            ))
        })
    }
}

#[wasm_bindgen_test]
async fn recovery_code_waits_for_the_saved_confirmation() {
    use mfa_manager::factors::recovery::RecoveryCode;
    let root = mount_with(Rc::new(FakeApi::default()), || {
        view! { <RecoveryCode code="N3BGPZZWJ85JLCNPZBDW6QXC".to_owned() /> }
    });
    settle_until_shows(&root, "N3BG PZZW J85J LCNP ZBDW 6QXC").await;
    assert!(
        text(&root).contains("N3BG PZZW J85J LCNP ZBDW 6QXC"),
        "{}",
        text(&root)
    );
    let continue_button: web_sys::HtmlButtonElement = find(&root, "#mfa-recovery-continue");
    assert!(continue_button.disabled());
    let saved: web_sys::HtmlElement = find(&root, "#mfa-saved-recovery");
    saved.click();
    settle_until("the Continue button enabled", || {
        !continue_button.disabled()
    })
    .await;
    assert!(!continue_button.disabled());
}

#[wasm_bindgen_test]
async fn phone_form_checks_the_number_before_sending_and_shows_send_errors() {
    use mfa_manager::factors::add_oob::{AddOob, Destination};
    let api = Rc::new(FakeApi::default());
    api.enrollments
        .borrow_mut()
        .push(Err(ApiError::InvalidPhoneNumber));
    let root = mount_with(
        api.clone(),
        || view! { <AddOob destination=Destination::Phone /> },
    );
    settle_until("the Send button", || has(&root, "#mfa-send-code")).await;
    let input: web_sys::HtmlInputElement = find(&root, "#mfa-destination");
    let send: web_sys::HtmlElement = find(&root, "#mfa-send-code");
    input.set_value("415 555 2046");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    send.click();
    settle_until("the number's error", || {
        has(&root, "#mfa-destination-error")
    })
    .await;
    assert!(
        root.query_selector("#mfa-destination-error")
            .unwrap()
            .is_some(),
        "{}",
        text(&root)
    );
    assert_eq!(api.enrollments.borrow().len(), 1, "nothing was sent");
    input.set_value("+1 415 555 2046");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    send.click();
    settle_until_shows(&root, "phone number is not valid").await;
    assert!(api.enrollments.borrow().is_empty(), "the number was sent");
    assert!(
        text(&root).contains("phone number is not valid"),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn a_sent_code_fixes_the_number_until_the_user_asks_for_another() {
    use mfa_manager::factors::add_oob::{AddOob, Destination};
    let api = Rc::new(FakeApi::default());
    for _ in 0..2 {
        api.enrollments.borrow_mut().push(Ok(serde_json::from_str(
            r#"{"authenticator_type":"oob","oob_channel":"sms","oob_code":"oob-1","binding_method":"prompt"}"#,
        )
        .unwrap()));
    }
    let root = mount_with(
        api.clone(),
        || view! { <AddOob destination=Destination::Phone /> },
    );
    settle_until("the Send button", || has(&root, "#mfa-send-code")).await;
    let input: web_sys::HtmlInputElement = find(&root, "#mfa-destination");
    input.set_value("+1 415 555 2046");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    find::<web_sys::HtmlElement>(&root, "#mfa-send-code").click();
    settle_until("the sent code's note, with focus on the code field", || {
        text(&root).contains("+14155552046")
            && focused().is_some_and(|e| e.id() == "mfa-oob-code")
            && input.read_only()
    })
    .await;
    assert!(text(&root).contains("+14155552046"), "{}", text(&root));
    assert_eq!(api.enrollments.borrow().len(), 1, "one code was sent");
    // The Send button is gone: focus moves to the code field, where the user types next.
    assert_eq!(focused().map(|e| e.id()), Some("mfa-oob-code".into()));

    // Enter in the field submits the form: it must not send a second code.
    assert!(
        input.read_only(),
        "the number is fixed while its code is awaited"
    );
    let voice: web_sys::HtmlInputElement = find(&root, "#mfa-channel-voice");
    assert!(voice.disabled(), "so is the channel");
    let submit = web_sys::Event::new_with_event_init_dict("submit", &{
        let init = web_sys::EventInit::new();
        init.set_cancelable(true);
        init
    })
    .unwrap();
    find::<web_sys::HtmlElement>(&root, "form")
        .dispatch_event(&submit)
        .unwrap();
    let_pending_tasks_run().await;
    assert_eq!(api.enrollments.borrow().len(), 1, "no second code");

    // "Use a different number" opens the field again, focused, with the Send button back.
    find::<web_sys::HtmlElement>(&root, "#mfa-change-destination").click();
    settle_until("the number field open again, focused", || {
        !input.read_only()
            && !voice.disabled()
            && focused().is_some_and(|e| e.id() == "mfa-destination")
            && !has(&root, "#mfa-code-sent")
    })
    .await;
    assert!(!input.read_only());
    assert!(!voice.disabled());
    assert_eq!(focused().map(|e| e.id()), Some("mfa-destination".into()));
    assert!(root.query_selector("#mfa-code-sent").unwrap().is_none());
    find::<web_sys::HtmlElement>(&root, "#mfa-send-code").click();
    settle_until("the new number sent", || {
        api.enrollments.borrow().is_empty()
    })
    .await;
    assert!(
        api.enrollments.borrow().is_empty(),
        "the new number was sent"
    );
}

#[wasm_bindgen_test]
async fn push_panel_shows_the_enrollment_code_and_waits() {
    use mfa_manager::factors::add_push::AddPush;
    let api = Rc::new(FakeApi::default());
    api.enrollments.borrow_mut().push(Ok(serde_json::from_str(
        r#"{"authenticator_type":"oob","oob_channel":"auth0","oob_code":"Fe26.2*x",
            "barcode_uri":"otpauth://totp/acme:jane?enrollment_tx_id=abc&base_url=https%3A%2F%2Facme.guardian.auth0.com"}"#,
    )
    .unwrap()));
    let root = mount_with(api, || view! { <AddPush /> });
    settle_until("the enrollment QR code", || {
        has(&root, "svg.mfa-qr path") && text(&root).contains("Waiting for your approval")
    })
    .await;
    assert!(
        root.query_selector("svg.mfa-qr path").unwrap().is_some(),
        "{}",
        text(&root)
    );
    assert!(
        text(&root).contains("Waiting for your approval"),
        "{}",
        text(&root)
    );
}

#[wasm_bindgen_test]
async fn demo_mode_without_its_tenant_module_says_what_is_missing() {
    use mfa_manager::api::demo::DemoApi;
    // The test page has no demo/ folder, as a deployment that left it out.
    let root = mount_with(Rc::new(DemoApi::load()), || view! { <FactorList /> });
    settle_until_shows(&root, "Demo mode could not start").await;
    let shown = text(&root);
    assert!(shown.contains("Demo mode could not start"), "{shown}");
    assert!(shown.contains("demo/mfa_demo_tenant.js"), "{shown}");
    assert!(shown.contains("demo/ folder"), "{shown}");
}
