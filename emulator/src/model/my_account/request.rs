//! A whole My Account API call as the model sees it, and its answer: routing by method and
//! path, admission (token, scope, rate limits) and the headers every answer carries.

use serde_json::Value;

use crate::model::my_account::plan::CallKind;
use crate::model::my_account::problem::Problem;
use crate::model::rate_limit::RateLimit;
use crate::model::tenant::{Domain, Tenant};
use crate::model::tokens::AccessClaims;
use crate::model::url::decode_component;

/// The bearer token as the transport found it.
#[derive(Debug, Clone, Copy)]
pub enum MeToken<'a> {
    /// No `Authorization: Bearer` header.
    Missing,
    /// A token this tenant did not sign (or not a JWT).
    Unreadable,
    /// A token this tenant signed; its claims are checked by the model.
    Claims(&'a AccessClaims),
}

/// The request body as the transport read it.
#[derive(Debug, Clone, Copy)]
pub enum MeBody<'a> {
    /// No body.
    None,
    /// A JSON body (`application/json`) that parsed.
    Json(&'a Value),
    /// A body that is not JSON, or of another content type.
    Refused(&'a Problem),
}

/// One call to `/me/v1/…`.
#[derive(Debug, Clone, Copy)]
pub struct MeRequest<'a> {
    /// `GET`, `POST`, `PATCH` or `DELETE`.
    pub method: &'a str,
    /// The path after `/me/v1`, still percent-encoded (`/authentication-methods/totp%7Cdev_…`).
    pub path: &'a str,
    /// The `type` query parameter, if any.
    pub type_filter: Option<&'a str>,
    /// The bearer.
    pub token: MeToken<'a>,
    /// The host the call was sent to.
    pub domain: Domain,
    /// The body.
    pub body: MeBody<'a>,
    /// The browser's `Origin`.
    pub origin: Option<&'a str>,
    /// The browser's `User-Agent` (stored with a new passkey).
    pub user_agent: Option<&'a str>,
}

/// The answer: status, JSON body, `Location`, rate-limit headers.
#[derive(Debug, Clone, PartialEq)]
pub struct MeResponse {
    /// HTTP status.
    pub status: u16,
    /// JSON body (`None` for 204).
    pub body: Option<Value>,
    /// `Location` (202 and 201).
    pub location: Option<String>,
    /// `x-ratelimit-*` (and `retry-after` on a 429).
    pub rate_limit: RateLimit,
    /// The answer is a 429 of the global limit (`x-auth0-error-kind: global-rate-limit`).
    pub rate_limited: bool,
}

impl MeResponse {
    /// A problem answer.
    pub fn problem(problem: &Problem, rate_limit: RateLimit) -> Self {
        Self {
            status: problem.status(),
            body: Some(problem.body()),
            location: None,
            rate_limit: problem.rate_limit().unwrap_or(rate_limit),
            rate_limited: matches!(problem, Problem::TooManyRequests(_)),
        }
    }
}

/// What a call does, once routed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `GET /factors`.
    Factors,
    /// `GET /authentication-methods`.
    List,
    /// `POST /authentication-methods`.
    Start,
    /// `GET /authentication-methods/{id}`.
    Get(String),
    /// `PATCH /authentication-methods/{id}`.
    Update(String),
    /// `DELETE /authentication-methods/{id}`.
    Delete(String),
    /// `POST /authentication-methods/{id}/verify`.
    Verify(String),
}

impl Route {
    /// Routes `method` and `path`; `None` for anything else (404).
    pub fn of(method: &str, path: &str) -> Option<Route> {
        let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
        let id = |raw: &str| decode_component(raw).filter(|id| !id.is_empty());
        Some(match (method, segments.as_slice()) {
            ("GET", ["factors"]) => Route::Factors,
            ("GET", ["authentication-methods"]) => Route::List,
            ("POST", ["authentication-methods"]) => Route::Start,
            ("GET", ["authentication-methods", raw]) => Route::Get(id(raw)?),
            ("PATCH", ["authentication-methods", raw]) => Route::Update(id(raw)?),
            ("DELETE", ["authentication-methods", raw]) => Route::Delete(id(raw)?),
            ("POST", ["authentication-methods", raw, "verify"]) => Route::Verify(id(raw)?),
            _ => return None,
        })
    }

    /// The scope the call needs. [doc]
    pub fn scope(&self) -> &'static str {
        match self {
            Route::Factors => "read:me:factors",
            Route::List | Route::Get(_) => "read:me:authentication_methods",
            Route::Start | Route::Verify(_) => "create:me:authentication_methods",
            Route::Update(_) => "update:me:authentication_methods",
            Route::Delete(_) => "delete:me:authentication_methods",
        }
    }

    /// The rate limit it counts against.
    pub fn call_kind(&self, filtered: bool) -> CallKind {
        match self {
            Route::List if filtered => CallKind::FilteredRead,
            Route::Factors | Route::List | Route::Get(_) => CallKind::Read,
            _ => CallKind::Write,
        }
    }
}

/// A successful operation's answer before the headers are added.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// 200, 201, 202 or 204.
    pub status: u16,
    /// JSON body.
    pub body: Option<Value>,
    /// Method id for `Location`.
    pub location_id: Option<String>,
}

impl Done {
    /// 200 with `body`.
    pub fn ok(body: Value) -> Self {
        Self {
            status: 200,
            body: Some(body),
            location_id: None,
        }
    }
}

impl Tenant {
    /// Answers one My Account API call.
    pub fn my_account(&mut self, request: &MeRequest<'_>, now: u64) -> MeResponse {
        let (user, route, rate_limit) = match self.admit(request, now) {
            Ok(admitted) => admitted,
            Err((problem, rate_limit)) => return MeResponse::problem(&problem, rate_limit),
        };
        let body = match request.body {
            MeBody::Refused(problem) => return MeResponse::problem(problem, rate_limit),
            MeBody::Json(value) => Some(value),
            MeBody::None => None,
        };
        self.users[user].sweep_pending(now);
        let done = match route {
            Route::Factors => Ok(Done::ok(self.factors_list())),
            Route::List => self.list_methods(user, request.type_filter),
            Route::Get(id) => self.method(user, &id).map(Done::ok),
            Route::Start => self.start_enrollment_me(user, body, request, now),
            Route::Verify(id) => self.verify_enrollment(user, &id, body, request, now),
            Route::Update(id) => self.update_method(user, &id, body),
            Route::Delete(id) => self.delete_method(user, &id),
        };
        match done {
            Ok(done) => MeResponse {
                status: done.status,
                body: done.body,
                location: done
                    .location_id
                    .map(|id| self.method_location(request.domain, &id)),
                rate_limit,
                rate_limited: false,
            },
            Err(problem) => MeResponse::problem(&problem, rate_limit),
        }
    }

    /// `{scheme}://{host}/me/v1/authentication-methods/{id, percent-encoded}`.
    pub fn method_location(&self, domain: Domain, id: &str) -> String {
        format!(
            "{}/v1/authentication-methods/{}",
            self.my_account_audience(domain).trim_end_matches('/'),
            crate::model::url::encode_component(id)
        )
    }
}
