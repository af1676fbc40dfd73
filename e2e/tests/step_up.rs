//! A renewal the tenant answers only interactively, in the widget (popup mode): the screen
//! stays, the user is asked to continue, signs in in the popup, and the action they had
//! started completes — nothing typed is lost, nothing has to be done twice.

use e2e::journeys::SIGNED_IN_HEADING;
use e2e::{Harness, TestResult};
use mfa_emulator::model::seed;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_token_with_no_tenant_session_asks_to_continue_and_the_action_completes(
) -> TestResult {
    let h = Harness::open_popup_app().await?;
    h.sign_in_by_popup("#mfa-sign-in", seed::NEW_USER).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    // The tenant forgets the user (no session for a silent renewal) and refuses the token of
    // the next enrollment request.
    h.browser.driver.delete_all_cookies().await?;
    h.tenant
        .inject(json!({"kind": "error", "status": 401, "error": "invalid_grant",
                       "error_description": "The mfa_token provided is invalid. Try getting a new token.",
                       "count": 1, "path_prefix": "/mfa/associate"}))
        .await?;
    h.tenant.clear_requests().await?;
    h.browser.click("#mfa-add-email").await?;
    h.browser
        .type_into("#mfa-destination", "jane@example.org")
        .await?;
    h.browser.click("#mfa-send-code").await?;
    // Without a tenant session in the hidden frame (as where third-party cookies are blocked)
    // the page finishes in a window of its own, after a click.
    h.browser
        .wait_text("#mfa-reauth", "finishes in a new window")
        .await?;
    // The panel and what was typed are still there.
    let typed: String = h
        .browser
        .eval("return document.querySelector('#mfa-destination').value;")
        .await?;
    assert_eq!(typed, "jane@example.org");
    h.sign_in_by_popup("#mfa-reauth-continue", seed::NEW_USER)
        .await?;
    h.browser
        .wait_text("#mfa-code-sent", "jane@example.org")
        .await?;
    assert!(h.browser.is_absent("#mfa-reauth").await?);
    let associates = h.tenant.statuses("POST", "/mfa/associate").await?;
    assert_eq!(associates, [401, 200], "refused once, then sent again");
    h.finish().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_the_question_signs_out_and_says_why() -> TestResult {
    let h = Harness::open_popup_app().await?;
    h.sign_in_by_popup("#mfa-sign-in", seed::NEW_USER).await?;
    h.browser
        .wait_text("#mfa-empty", "no extra sign-in methods")
        .await?;
    h.browser.driver.delete_all_cookies().await?;
    h.tenant
        .inject(
            json!({"kind": "error", "status": 401, "error": "invalid_grant",
                       "error_description": "expired", "count": 1,
                       "path_prefix": "/mfa/associate"}),
        )
        .await?;
    h.browser.click("#mfa-add-app").await?;
    h.browser.click("#mfa-reauth-cancel").await?;
    h.browser.find("#mfa-sign-in").await?;
    h.browser
        .wait_text("p", "Your secure session expired.")
        .await?;
    h.finish().await
}

/// On the page (redirect mode) the same renewal leaves for the tenant; the rename the user
/// had saved is remembered through the round trip and done on return, without asking again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_the_page_an_interrupted_rename_is_done_after_the_round_trip() -> TestResult {
    let h = Harness::signed_in_new_user_on("my-account").await?;
    h.enroll_email("jane@example.org", str::to_owned).await?;
    h.browser.wait_text("#mfa-announce", "Email added.").await?;
    h.browser.driver.delete_all_cookies().await?;
    h.tenant
        .inject(
            json!({"kind": "error", "status": 401, "error": "invalid_grant",
                       "error_description": "expired", "count": 1,
                       "path_prefix": "/me/v1/authentication-methods/email"}),
        )
        .await?;
    h.tenant.clear_requests().await?;
    h.rename("button[id^='mfa-rename-email']", "Work mail")
        .await?;
    // The tenant's login page: the page had to leave for it.
    h.tenant_login(seed::NEW_USER).await?;
    h.browser.wait_text("h2", SIGNED_IN_HEADING).await?;
    h.browser
        .wait_text("#mfa-announce", "Renamed to Work mail.")
        .await?;
    h.browser
        .wait_text(".mfa-factor-title", "Work mail")
        .await?;
    let patches = h.tenant.statuses("PATCH", "/me/v1/").await?;
    assert_eq!(patches, [401, 200]);
    h.finish().await
}
