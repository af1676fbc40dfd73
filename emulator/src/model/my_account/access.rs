//! Admission of a My Account API call: the API is on, the token is for `/me/` on the host the
//! call was sent to, the user exists, the scope is granted, and the tenant's and the user's
//! rate limits allow it.

use crate::model::api::has_scope;
use crate::model::my_account::plan::UserAllowance;
use crate::model::my_account::problem::Problem;
use crate::model::my_account::request::{MeRequest, MeToken, Route};
use crate::model::rate_limit::RateLimit;
use crate::model::tenant::{Domain, Tenant};

/// Admitted: the user's index, the route and the headers' rate limit.
pub type Admitted = (usize, Route, RateLimit);
/// Refused: the problem and the headers' rate limit.
pub type Refused = (Problem, RateLimit);

impl Tenant {
    /// The My Account API audience on `domain`: it follows the host used, custom or canonical.
    /// [doc]
    pub fn my_account_audience(&self, domain: Domain) -> String {
        format!("{}://{}/me/", self.domains.scheme, self.host(domain))
    }

    /// Whether `audience` names the My Account API on one of the tenant's hosts.
    pub fn is_my_account_audience(&self, audience: &str) -> bool {
        [Domain::Canonical, Domain::Custom]
            .iter()
            .any(|d| self.my_account_audience(*d) == audience)
    }

    /// Checks a call in the order a tenant does: route, token, scope, rate limits.
    pub(crate) fn admit(&mut self, request: &MeRequest<'_>, now: u64) -> Result<Admitted, Refused> {
        let tenant_status = self.my_account.tenant_calls.status(now);
        let refuse = |problem| Err((problem, tenant_status));
        if !self.my_account.active {
            return refuse(Problem::NotFound);
        }
        let Some(route) = Route::of(request.method, request.path) else {
            return refuse(Problem::NotFound);
        };
        let claims = match request.token {
            MeToken::Missing => return refuse(Problem::MissingToken),
            MeToken::Unreadable => return refuse(Problem::InvalidToken),
            MeToken::Claims(claims) => claims,
        };
        let audience_ok = claims
            .aud
            .contains(&self.my_account_audience(request.domain));
        let user = self
            .user_index(&claims.sub)
            .filter(|_| audience_ok && now < claims.exp);
        let Some(user) = user else {
            return refuse(Problem::InvalidToken);
        };
        if !has_scope(&claims.scope, route.scope()) {
            return refuse(Problem::InsufficientScope(route.scope()));
        }
        if let Err(limit) = self.my_account.tenant_calls.take(now) {
            return refuse(Problem::TooManyRequests(limit));
        }
        let plan = self.my_account.plan;
        let allowance = self
            .my_account
            .allowances
            .entry(self.users[user].user_id.clone())
            .or_insert_with(|| UserAllowance::new(plan));
        let kind = route.call_kind(request.type_filter.is_some());
        match allowance.take(kind, now) {
            Ok(status) => Ok((user, route, status)),
            Err(limit) => Err((Problem::TooManyRequests(limit), limit)),
        }
    }
}
