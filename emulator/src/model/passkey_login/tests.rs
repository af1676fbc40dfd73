//! Signing in at the login page with the seeded user's passkey (the published test key, held by
//! `SoftwareAuthenticator::fixed()`): the login it finishes and each refusal.

use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

use crate::model::authorize::{ErrorPage, Progress, Step};
use crate::model::limits::LOGIN_TRANSACTION_SECONDS;
use crate::model::my_account::passkey_enroll::user_handle;
use crate::model::seed;
use crate::model::tenant::{Domain, Tenant};
use crate::model::tests::{code_of, exchange, params, tenant, transaction_of, T0};
use crate::model::texts;
use crate::model::webauthn::{RequestOptions, SoftwareAuthenticator, UserVerification};

/// The login page's origin on the custom domain, where the seeded passkey's `localhost` applies.
const LOGIN_PAGE: &str = "http://localhost:4000";

/// The seeded passkey's `(sign_count, last_auth_at)`.
fn seeded_passkey_state(tenant: &Tenant) -> (u32, Option<u64>) {
    let user = tenant.user_index_by_email(seed::ENROLLED_USER).unwrap();
    let (authenticator, passkey) = tenant
        .passkeys_of(user)
        .find(|(a, _)| a.id == seed::ENROLLED_PASSKEY_ID)
        .unwrap();
    (passkey.sign_count, authenticator.last_auth_at)
}

/// Opens the login page for the MFA audience: its transaction.
fn open_login(tenant: &mut Tenant) -> String {
    let params = params(tenant, None);
    transaction_of(&tenant.authorize(&params, None, T0).unwrap())
}

/// The login page's "Sign in with a passkey": the options for `tx` on the custom domain.
fn options(tenant: &mut Tenant, tx: &str) -> RequestOptions {
    tenant.passkey_options(tx, Domain::Custom, T0).unwrap()
}

/// The login page shown again, with its error.
fn refusal(progress: &Progress) -> String {
    match &progress.step {
        Step::Login {
            error: Some(error), ..
        } => error.to_string(),
        other => panic!("expected the login page with an error, got {other:?}"),
    }
}

#[test]
fn the_seeded_passkey_signs_in_without_a_second_factor() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let options = options(&mut tenant, &tx);
    assert_eq!(options.rp_id, "localhost");
    assert!(options.allow_credentials.is_empty());
    assert_eq!(options.user_verification, UserVerification::Preferred);
    assert_eq!(seeded_passkey_state(&tenant), (0, None));

    let mut authenticator = SoftwareAuthenticator::fixed().with_counter(6);
    let assertion = authenticator.sign_in(&options, LOGIN_PAGE);
    let progress = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0 + 3)
        .unwrap();

    // The MFA audience always asks enrolled users for a second factor; a passkey satisfies it.
    let code = code_of(&progress);
    let tokens = exchange(&mut tenant, &code, Domain::Custom, T0 + 3).unwrap();
    assert_eq!(tokens.access.sub, seed::ENROLLED_USER_ID);
    assert_eq!(seeded_passkey_state(&tenant), (7, Some(T0 + 3)));
    // The SSO session counts as MFA-complete: the next authorize answers at once.
    let session = progress.new_session.unwrap();
    let params = params(&tenant, Some("none"));
    code_of(&tenant.authorize(&params, Some(&session), T0 + 4).unwrap());
}

#[test]
fn the_login_page_offers_passkeys_only_when_enabled() {
    let mut tenant = tenant();
    let params = params(&tenant, None);
    let offered = |progress: &Progress| matches!(progress.step, Step::Login { passkey: true, .. });
    assert!(offered(&tenant.authorize(&params, None, T0).unwrap()));

    tenant.factors.passkey = false;
    let progress = tenant.authorize(&params, None, T0).unwrap();
    assert!(!offered(&progress));
    let tx = transaction_of(&progress);
    let refused = tenant.passkey_options(&tx, Domain::Custom, T0).unwrap_err();
    assert_eq!(refused.status, 400);
    assert!(refused.message.ends_with(texts::PASSKEYS_DISABLED));
}

#[test]
fn an_answer_to_another_challenge_is_refused_and_the_login_goes_on() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let stale = options(&mut tenant, &tx);
    let current = options(&mut tenant, &tx);
    assert_ne!(stale.challenge, current.challenge);

    let mut authenticator = SoftwareAuthenticator::fixed();
    let assertion = authenticator.sign_in(&stale, LOGIN_PAGE);
    let progress = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&progress),
        "The passkey could not be verified. The challenge is not the one issued."
    );
    assert_eq!(progress.new_session, None);
    assert_eq!(seeded_passkey_state(&tenant), (0, None));

    // Same transaction, new options: the retry signs in.
    let retry = options(&mut tenant, &tx);
    let assertion = authenticator.sign_in(&retry, LOGIN_PAGE);
    code_of(
        &tenant
            .submit_passkey(&tx, &assertion, Domain::Custom, T0)
            .unwrap(),
    );
}

#[test]
fn a_challenge_answers_once() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let mut authenticator = SoftwareAuthenticator::fixed();
    let options = options(&mut tenant, &tx);
    let assertion = authenticator.sign_in(&options, LOGIN_PAGE);
    // A wrong origin uses up the challenge; the same answer again finds none.
    let elsewhere = tenant
        .submit_passkey(&tx, &assertion, Domain::Canonical, T0)
        .unwrap();
    assert_eq!(
        refusal(&elsewhere),
        "The passkey could not be verified. The origin \"http://localhost:4000\" is not \
         allowed for this relying party."
    );
    let again = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&again),
        texts::passkey_refused(texts::PASSKEY_NOT_STARTED)
    );
}

#[test]
fn an_unknown_passkey_is_refused() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let options = options(&mut tenant, &tx);
    let mut stranger = SoftwareAuthenticator::random_p256(&mut ChaCha20Rng::seed_from_u64(7));
    let assertion = stranger.sign_in(&options, LOGIN_PAGE);
    let progress = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&progress),
        "The passkey could not be verified. This passkey is not registered here."
    );
}

#[test]
fn a_signature_over_other_data_is_refused() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let mut authenticator = SoftwareAuthenticator::fixed();
    let mut other = options(&mut tenant, &tx);
    other.challenge = "b3RoZXIgY2hhbGxlbmdl".to_owned();
    let foreign_signature = authenticator.sign_in(&other, LOGIN_PAGE).response.signature;
    let options = options(&mut tenant, &tx);
    let mut assertion = authenticator.sign_in(&options, LOGIN_PAGE);
    assertion.response.signature = foreign_signature;
    let progress = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&progress),
        "The passkey could not be verified. The signature is not valid."
    );
    assert_eq!(seeded_passkey_state(&tenant), (0, None));
}

#[test]
fn a_user_handle_of_another_user_is_refused() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let options = options(&mut tenant, &tx);
    let mut authenticator =
        SoftwareAuthenticator::fixed().with_user_handle(&user_handle(seed::NEW_USER_ID));
    let assertion = authenticator.sign_in(&options, LOGIN_PAGE);
    let progress = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&progress),
        texts::passkey_refused(texts::PASSKEY_OTHER_USER)
    );
}

#[test]
fn a_credential_that_is_not_an_assertion_is_refused() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    options(&mut tenant, &tx);
    let progress = tenant
        .submit_passkey_json(&tx, "{\"id\":\"AA\"}", Domain::Custom, T0)
        .unwrap();
    assert_eq!(
        refusal(&progress),
        "The passkey could not be verified. The answer is not a WebAuthn sign-in credential."
    );
}

#[test]
fn an_expired_transaction_is_the_error_page() {
    let mut tenant = tenant();
    let tx = open_login(&mut tenant);
    let options = options(&mut tenant, &tx);
    let assertion = SoftwareAuthenticator::fixed().sign_in(&options, LOGIN_PAGE);
    let expired = T0 + LOGIN_TRANSACTION_SECONDS;
    let refused = tenant
        .submit_passkey(&tx, &assertion, Domain::Custom, expired)
        .unwrap_err();
    assert_eq!(
        refused,
        ErrorPage {
            status: 400,
            message: texts::TRANSACTION_EXPIRED.to_owned(),
        }
    );
    assert_eq!(
        tenant.passkey_options(&tx, Domain::Custom, expired),
        Err(refused)
    );
    assert_eq!(seeded_passkey_state(&tenant), (0, None));
}
