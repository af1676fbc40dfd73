//! Every error row of protocol.md maps to its variant; unreadable bodies never panic.

use super::*;

fn body(error: &str, description: &str) -> String {
    serde_json::json!({"error": error, "error_description": description}).to_string()
}

/// One error row of protocol.md: where it comes from, what the tenant sends (status,
/// `error`, `error_description`, the wait the HTTP layer read) and the variant expected.
struct Row {
    case: &'static str,
    status: u16,
    error: &'static str,
    description: &'static str,
    retry_after: Option<u64>,
    expected: ApiError,
}

#[rustfmt::skip]
fn protocol_rows() -> Vec<Row> {
    use ApiError::*;
    let row = |case, status, error, description, expected| Row {
        case, status, error, description, retry_after: None, expected,
    };
    let waited = |case, status, error, description, retry_after, expected| Row {
        case, status, error, description, retry_after: Some(retry_after), expected,
    };
    let limited = |description: &str, retry_after| RateLimited { retry_after, description: description.into() };
    let grant = "Grant type 'http://auth0.com/oauth/grant-type/mfa-otp' not allowed for the client.";
    let pending = "User has created the maximum amount of authenticators";
    let custom = "Service not enabled within domain: https://login.acme.com/mfa/";
    let implicit = "Verified emails cannot be removed as authenticators";
    vec![
        // §4.9 /oauth/token catalogue
        row("§4.9 invalid code", 403, "invalid_grant", "Invalid authorization code",
            other(403, "invalid_grant", "Invalid authorization code".into())),
        row("§4.9 PKCE", 403, "invalid_grant", "Failed to verify code verifier",
            other(403, "invalid_grant", "Failed to verify code verifier".into())),
        row("§4.9 missing parameter", 400, "invalid_request", "Missing required parameter: otp",
            InvalidRequest("Missing required parameter: otp".into())),
        row("§4.9 missing binding_code", 400, "invalid_request", "Missing required parameter: binding_code",
            InvalidRequest("Missing required parameter: binding_code".into())),
        row("§4.9 grant not enabled", 403, "unauthorized_client", grant, GrantNotEnabled(grant.into())),
        row("§4.9 unknown grant type", 400, "unsupported_grant_type", "Grant type not supported",
            other(400, "unsupported_grant_type", "Grant type not supported".into())),
        row("§4.9 origin not allowed", 401, "access_denied", "Unauthorized", OriginNotAllowed),
        row("§4.9 wrong TOTP", 403, "invalid_grant", "Invalid otp_code.", InvalidOtp),
        row("§4.9 wrong TOTP (401 fixture)", 401, "invalid_grant", "Invalid otp_code.", InvalidOtp),
        row("§4.9 wrong binding code", 403, "invalid_grant", "Invalid binding_code.", InvalidBindingCode),
        row("§4.9 push rejected", 403, "invalid_grant", "MFA Authorization rejected.", Rejected),
        row("§4.9 malformed mfa_token", 403, "invalid_grant", "Malformed mfa_token", SessionExpired),
        row("§4.9 mfa_token expired", 403, "expired_token", "mfa_token is expired", SessionExpired),
        row("§4.9 oob_code expired", 403, "expired_token", "oob_code is expired", CodeExpired),
        row("§4.9 other client", 400, "invalid_request", "mfa_token not issued to this client",
            InvalidRequest("mfa_token not issued to this client".into())),
        row("§4.9 oob mismatch", 400, "invalid_request", "The oob_code doesn't match the mfa_token",
            InvalidRequest("The oob_code doesn't match the mfa_token".into())),
        row("§4.9 non-MFA audience", 403, "invalid_grant", "invalid audience",
            WrongAudience("invalid audience".into())),
        row("§4.9 pending", 403, "authorization_pending",
            "Authorization pending: please repeat the request in a few seconds.", AuthorizationPending),
        waited("§4.9 slow down", 429, "slow_down", "You are polling faster than allowed. Try again in 5 seconds.",
            5, SlowDown { retry_after: Some(5) }),
        waited("§4.9 too many attempts", 429, "too_many_attempts",
            "Too many failed codes. Wait for some minutes before retrying.", 360,
            TooManyAttempts { retry_after: Some(360) }),
        row("§4.9 rate limit", 429, "too_many_requests", "Rate limit exceeded.",
            limited("Rate limit exceeded.", None)),
        // §5.4 custom-domain audience at /oauth/token
        row("§5.4 custom audience", 403, "access_denied", custom, WrongAudience(custom.into())),
        // §6.3 associate errors
        row("§6.3 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
        row("§6.3 already enrolled", 403, "access_denied", "User is already enrolled.", AlreadyEnrolled),
        row("§6.3 missing enroll", 403, "access_denied", "Insufficient scope, expected any of: enroll",
            InsufficientScope("enroll".into())),
        row("§6.3 unknown type", 400, "invalid_request", "Unsupported authenticator type: webauthn",
            InvalidRequest("Unsupported authenticator type: webauthn".into())),
        row("§6.3 factor disabled", 403, "unsupported_challenge_type", "The factor is not enabled for this tenant: sms",
            FactorDisabled("The factor is not enabled for this tenant: sms".into())),
        row("§6.3 bad phone", 400, "invalid_request", "The provided phone number is invalid", InvalidPhoneNumber),
        row("§6.3 Guardian bad phone", 400, "invalid_phone_number", "", InvalidPhoneNumber),
        row("§6.3 50 pending (429)", 429, "too_many_requests", pending, limited(pending, None)),
        row("§6.3 50 pending (403)", 403, "too_many_requests", pending, limited(pending, None)),
        waited("§6.3 send limit", 429, "too_many_requests", "Rate limit exceeded.", 3600,
            limited("Rate limit exceeded.", Some(3600))),
        // §7 list errors
        row("§7 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
        row("§7 missing read scope", 403, "access_denied", "Insufficient scope, expected any of: read:authenticators",
            InsufficientScope("read:authenticators".into())),
        // §8 delete errors
        row("§8 unknown id", 404, "not_found", "Authenticator not found", NotFound),
        row("§8 implicit email", 403, "access_denied", implicit, AccessDenied(implicit.into())),
        row("§8 bad bearer", 401, "invalid_grant", INVALID_BEARER, SessionExpired),
        row("§8 missing remove scope", 403, "access_denied", "Insufficient scope, expected any of: remove:authenticators",
            InsufficientScope("remove:authenticators".into())),
        row("§8 mfa_token cannot delete", 403, "access_denied", "Forbidden", AccessDenied("Forbidden".into())),
        // §10 rate limit with Retry-After
        waited("§10 rate limit", 429, "too_many_requests", "Rate limit exceeded.", 360,
            limited("Rate limit exceeded.", Some(360))),
        // §11 CORS: origin not in Allowed Web Origins
        row("§11 CORS", 401, "access_denied", "Unauthorized", OriginNotAllowed),
    ]
}

#[test]
fn every_protocol_error_row_maps_to_its_variant() {
    for row in protocol_rows() {
        let got = ApiError::from_response(
            row.status,
            &body(row.error, row.description),
            row.retry_after,
        );
        assert_eq!(got, row.expected, "{}", row.case);
    }
}

#[test]
fn status_decides_only_without_a_readable_body() {
    let html = "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>";
    assert_eq!(
        ApiError::from_response(503, html, None),
        ApiError::Server { status: 503 }
    );
    // 5xx wins even over a readable envelope.
    let json = body("invalid_grant", "Invalid otp_code.");
    assert_eq!(
        ApiError::from_response(500, &json, None),
        ApiError::Server { status: 500 }
    );
    assert_eq!(
        ApiError::from_response(429, "", Some(40)),
        ApiError::RateLimited {
            retry_after: Some(40),
            description: String::new()
        }
    );
    assert_eq!(
        ApiError::from_response(404, "<html>missing</html>", None),
        ApiError::NotFound
    );
    assert_eq!(
        ApiError::from_response(403, &body("something_new", "Nope"), None),
        other(403, "something_new", "Nope".into())
    );
    assert_eq!(
        ApiError::from_response(404, &body("gone", "Gone"), None),
        ApiError::NotFound
    );
}

#[test]
fn unreadable_401_still_means_sign_in_again() {
    assert_eq!(
        ApiError::from_response(401, "<html>Unauthorized</html>", None),
        ApiError::SessionExpired
    );
}

#[test]
fn unreadable_bodies_are_unexpected_not_panics() {
    let cases = [
        (403, "", "an empty answer"),
        (400, "   \n", "an empty answer"),
        (403, "<html><body>Forbidden</body></html>", "HTML"),
        (400, "{\"error\":\"invalid_gr", "malformed JSON"),
        (400, "[1, 2", "malformed JSON"),
        (
            403,
            "Origin https://test.app is not allowed.",
            "Origin https://test.app is not allowed.",
        ),
        (200, "{\"authenticators\":[]}", "without an error code"),
        (400, "{\"error\":42}", "without an error code"),
        (400, "null", "without an error code"),
    ];
    for (status, text, detail_part) in cases {
        match ApiError::from_response(status, text, None) {
            ApiError::Unexpected { status: s, detail } => {
                assert_eq!(s, status);
                assert!(detail.contains(detail_part), "{text:?} gave {detail:?}");
            }
            other => panic!("{text:?} gave {other:?}"),
        }
    }
    let huge = format!(
        "{{\"error\":\"x\",\"error_description\":\"{}\"}}",
        "a".repeat(20_000)
    );
    assert!(matches!(
        ApiError::from_response(400, &huge, None),
        ApiError::Unexpected { status: 400, .. }
    ));
}

#[test]
fn long_tenant_texts_are_clipped() {
    let long = "é".repeat(1_000);
    let got = ApiError::from_response(400, &body("invalid_request", &long), None);
    let ApiError::InvalidRequest(text) = got else {
        panic!("{got:?}")
    };
    assert_eq!(text.chars().count(), MAX_TEXT_CHARS + 1);
    assert!(text.ends_with('…'));
}

#[test]
fn message_member_stands_in_for_error_description() {
    let text = r#"{"statusCode":403,"error":"access_denied","message":"Insufficient scope, expected any of: enroll"}"#;
    assert_eq!(
        ApiError::from_response(403, text, None),
        ApiError::InsufficientScope("enroll".into())
    );
}

#[test]
fn server_text_is_kept_verbatim_as_data() {
    let hostile = "<script>alert(1)</script>";
    let got = ApiError::from_response(400, &body("invalid_request", hostile), None);
    assert_eq!(got, ApiError::InvalidRequest(hostile.into()));
    let got = ApiError::from_response(403, &body("access_denied", hostile), None);
    assert_eq!(got, ApiError::AccessDenied(hostile.into()));
}
