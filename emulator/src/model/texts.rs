//! Every text the tenant puts on the wire, in one place.
//!
//! Texts marked `[doc]`/`[sdk]` in `protocol.md` are reproduced byte for byte (SDKs match some
//! of them exactly). Texts marked `[inferred]` are this emulator's choice: change them here.

/// `invalid_grant`: unknown, used, expired code or a code issued to another client. [sdk]
pub const INVALID_AUTHORIZATION_CODE: &str = "Invalid authorization code";
/// `invalid_grant`: PKCE verifier does not match the challenge. [sdk]
pub const FAILED_CODE_VERIFIER: &str = "Failed to verify code verifier";
/// `invalid_grant`: `redirect_uri` differs from the one sent to `/authorize`. [inferred]
pub const REDIRECT_URI_MISMATCH: &str =
    "Invalid redirect_uri: it does not match the one used to obtain the authorization code";
/// Prefix of `invalid_request` for an absent parameter; the name follows. [doc]
pub const MISSING_PARAMETER_PREFIX: &str = "Missing required parameter: ";
/// `unsupported_grant_type`. [doc, low confidence]
pub const GRANT_TYPE_NOT_SUPPORTED: &str = "Grant type not supported";
/// `error_uri` sent with `unauthorized_client`. [sdk]
pub const GRANT_TYPES_ERROR_URI: &str = "https://auth0.com/docs/clients/client-grant-types";
/// `access_denied` at `/oauth/token` for an unknown client or a disallowed origin. [sdk]
pub const UNAUTHORIZED: &str = "Unauthorized";
/// `invalid_grant`: wrong, expired or reused TOTP. [sdk]
pub const INVALID_OTP: &str = "Invalid otp_code.";
/// `invalid_grant`: wrong SMS/voice/email code. [sdk]
pub const INVALID_BINDING_CODE: &str = "Invalid binding_code.";
/// `invalid_grant`: push rejected or wrong recovery code. [doc]
pub const MFA_REJECTED: &str = "MFA Authorization rejected.";
/// `invalid_grant`: the `mfa_token` is not a token this tenant issued. [sdk]
pub const MALFORMED_MFA_TOKEN: &str = "Malformed mfa_token";
/// `expired_token`: the `mfa_token` has expired. [sdk]
pub const MFA_TOKEN_EXPIRED: &str = "mfa_token is expired";
/// `expired_token`: the `oob_code` has expired. [doc]
pub const OOB_CODE_EXPIRED: &str = "oob_code is expired";
/// `invalid_request`: the `mfa_token` belongs to another client. [DRAFT]
pub const MFA_TOKEN_OTHER_CLIENT: &str = "mfa_token not issued to this client";
/// `invalid_request`: the `oob_code` belongs to another user or transaction. [DRAFT]
pub const OOB_CODE_MISMATCH: &str = "The oob_code doesn't match the mfa_token";
/// `invalid_grant`: an access token for another audience used as `mfa_token`. [inferred; seed S1 paraphrase]
pub const MFA_TOKEN_INVALID_AUDIENCE: &str = "invalid audience";
/// `invalid_grant`: an `oob_code` the tenant never issued (or already used). [inferred]
pub const INVALID_OOB_CODE: &str = "Invalid oob_code.";
/// `authorization_pending`: push not yet answered. [doc]
pub const AUTHORIZATION_PENDING: &str =
    "Authorization pending: please repeat the request in a few seconds.";
/// `slow_down`: polled faster than the interval. [inferred]
pub const SLOW_DOWN: &str = "You are polling faster than allowed. Try again in 5 seconds.";
/// `too_many_attempts`: failed-code bucket empty. [inferred; Universal Login text]
pub const TOO_MANY_FAILED_CODES: &str =
    "Too many failed codes. Wait for some minutes before retrying.";
/// `too_many_requests`: a rate limit was hit. [doc]
pub const RATE_LIMIT_EXCEEDED: &str = "Rate limit exceeded.";
/// `invalid_grant` (401) for any bearer failure on `/mfa/*`. [sdk]
pub const INVALID_MFA_BEARER: &str = "The mfa_token provided is invalid. Try getting a new token.";
/// `access_denied` at `/mfa/associate` for an `mfa_token` of an enrolled user. [sdk]
pub const ALREADY_ENROLLED: &str = "User is already enrolled.";
/// Prefix of `access_denied` for a missing scope; the scope follows. [inferred]
pub const INSUFFICIENT_SCOPE_PREFIX: &str = "Insufficient scope, expected any of: ";
/// `invalid_request`: phone number not E.164. [inferred]
pub const INVALID_PHONE_NUMBER: &str = "The provided phone number is invalid";
/// `invalid_request`: email address not plausible. [inferred]
pub const INVALID_EMAIL: &str = "The provided email is invalid";
/// `too_many_requests`: 50 pending enrollments. [doc: message]
pub const TOO_MANY_AUTHENTICATORS: &str = "User has created the maximum amount of authenticators";
/// `not_found` (404) on DELETE of an unknown id. [inferred]
pub const AUTHENTICATOR_NOT_FOUND: &str = "Authenticator not found";
/// `access_denied` on DELETE of an implicitly listed verified email. [inferred]
pub const VERIFIED_EMAIL_NOT_DELETABLE: &str =
    "Verified emails cannot be removed as authenticators";
/// `invalid_request`: unknown `authenticator_types` value; the value follows. [inferred]
pub const UNSUPPORTED_AUTHENTICATOR_TYPE_PREFIX: &str = "Unsupported authenticator type: ";
/// `invalid_request`: unknown `oob_channels` value; the value follows. [inferred]
pub const UNSUPPORTED_OOB_CHANNEL_PREFIX: &str = "Unsupported oob_channel: ";
/// `unsupported_challenge_type`: the factor is disabled in the tenant; the factor follows. [inferred]
pub const FACTOR_DISABLED_PREFIX: &str = "The factor is not enabled for this tenant: ";
/// `unsupported_challenge_type` at `/mfa/challenge`. [inferred from DRAFT]
pub const USER_NOT_ENROLLED_WITH: &str =
    "User is not enrolled with an authenticator that supports the requested challenge type";
/// `association_required` at `/mfa/challenge`: the user has no active factor. [inferred]
pub const ASSOCIATION_REQUIRED: &str = "User must enroll an authenticator first";
/// `invalid_request`: body is not valid JSON. [inferred]
pub const MALFORMED_JSON: &str = "Invalid JSON body";
/// `invalid_request`: a JSON body whose top level is not an object. [inferred]
pub const JSON_NOT_OBJECT: &str = "The request body must be a JSON object";
/// `invalid_request`: a member has the wrong JSON type; the name follows. [inferred]
pub const INVALID_PARAMETER_PREFIX: &str = "Invalid parameter: ";
/// `invalid_request`: unsupported `Content-Type`. [inferred]
pub const UNSUPPORTED_CONTENT_TYPE: &str =
    "Unsupported content type: use application/json or application/x-www-form-urlencoded";
/// `invalid_request` (413): body over the size cap. [inferred]
pub const BODY_TOO_LARGE: &str = "Request body is too large";
/// `not_found` (404): no such endpoint. [inferred]
pub const NOT_FOUND: &str = "Not Found";
/// `method_not_allowed` (405). [inferred]
pub const METHOD_NOT_ALLOWED: &str = "Method Not Allowed";
/// `invalid_token` (401) at `/userinfo`. [inferred]
pub const INVALID_USERINFO_TOKEN: &str = "Unauthorized";

/// `/authorize` error: `prompt=none` and no session. [doc]
pub const LOGIN_REQUIRED: &str = "Login required";
/// `/authorize` error: `prompt=none` and MFA must be performed interactively. [sdk]
pub const MFA_REQUIRED: &str = "Multifactor authentication required";
/// Prefix of `/authorize` `access_denied` for an unknown audience; the audience follows. [sdk]
pub const SERVICE_NOT_FOUND_PREFIX: &str = "Service not found: ";
/// Prefix of `/authorize` `unsupported_response_type`; the value follows. [inferred]
pub const UNSUPPORTED_RESPONSE_TYPE_PREFIX: &str = "Unsupported response type: ";
/// `/authorize` `invalid_request` for a challenge method other than S256. [inferred]
pub const UNSUPPORTED_CHALLENGE_METHOD: &str =
    "Unsupported code_challenge_method: only S256 is supported";

/// HTML error page: unknown `client_id`; the id follows. [inferred]
pub const UNKNOWN_CLIENT_PREFIX: &str = "invalid_request: Unknown client: ";
/// HTML error page: `redirect_uri` not an allowed callback; the URL follows. [sdk wording]
pub const CALLBACK_MISMATCH_PREFIX: &str =
    "unauthorized_client: Callback URL mismatch. The provided redirect_uri is not in the list of allowed callback URLs: ";
/// HTML error page: unknown `response_mode`; the value follows. [inferred]
pub const UNSUPPORTED_RESPONSE_MODE_PREFIX: &str = "invalid_request: Unsupported response_mode: ";
/// HTML error page: a query string that cannot be decoded. [inferred]
pub const MALFORMED_QUERY: &str = "invalid_request: Malformed query string";
/// HTML error page: expired or unknown login transaction. [inferred]
pub const TRANSACTION_EXPIRED: &str =
    "invalid_request: The login transaction has expired. Start again from the application.";

/// Login page: wrong email or password. [sdk: same text as the ROPG error]
pub const WRONG_EMAIL_OR_PASSWORD: &str = "Wrong email or password.";
/// Second-factor page: wrong code. [inferred]
pub const INVALID_CODE: &str = "Invalid code";
/// Login page: a passkey answer was refused; the reason follows. [inferred]
pub const PASSKEY_NOT_VERIFIED: &str = "The passkey could not be verified.";
/// Login page reason: no user of the tenant has the passkey that answered. [inferred]
pub const PASSKEY_UNKNOWN: &str = "This passkey is not registered here.";
/// Login page reason: an answer without a passkey sign-in started, or a second answer to one.
/// [inferred]
pub const PASSKEY_NOT_STARTED: &str = "Start the passkey sign-in again.";
/// Login page reason: the answer is not the JSON of a WebAuthn assertion. [inferred]
pub const PASSKEY_MALFORMED: &str = "The answer is not a WebAuthn sign-in credential.";
/// Login page reason: the authenticator's user handle names another user. [inferred]
pub const PASSKEY_OTHER_USER: &str = "The passkey's user handle belongs to another user.";

/// Login page reason and error page: passkeys are switched off for the tenant. [inferred]
pub const PASSKEYS_DISABLED: &str = "Passkeys are not enabled for this tenant.";

/// Login page: a refused passkey answer and why.
pub fn passkey_refused(reason: &str) -> String {
    format!("{PASSKEY_NOT_VERIFIED} {reason}")
}

/// HTML error page for an unregistered `web_message` origin; `redirect_uri` goes between. [sdk]
pub fn unregistered_origin(redirect_uri: &str) -> String {
    format!(
        "invalid_request: The specified redirect_uri '{redirect_uri}' does not have a registered origin."
    )
}
