//! `HttpMfaApi`: the real MFA API over `fetch`, authenticated with the in-memory MFA token
//! (requests, renewal and resend in [`super::transport`]).

use super::session::SessionSource;
use super::transport::{request_error, Transport};
use super::types::{Associate, Authenticator, AuthenticatorId, Confirm, Confirmed, Enrollment};
use super::{ApiFuture, MfaApi};
use gloo_net::http::Request;
use std::rc::Rc;

/// Grant type confirming a TOTP enrollment.
pub const GRANT_MFA_OTP: &str = "http://auth0.com/oauth/grant-type/mfa-otp";
/// Grant type confirming an SMS, voice, email or push enrollment.
pub const GRANT_MFA_OOB: &str = "http://auth0.com/oauth/grant-type/mfa-oob";

/// The MFA API of a tenant.
pub struct HttpMfaApi {
    transport: Transport,
    client_id: String,
}

impl HttpMfaApi {
    /// An API client for the tenant at `origin` (`https://acme.us.auth0.com`), signed in
    /// through `session`.
    pub fn new(origin: &str, client_id: &str, session: Rc<dyn SessionSource>) -> HttpMfaApi {
        HttpMfaApi {
            transport: Transport::new(origin, session),
            client_id: client_id.to_owned(),
        }
    }
}

impl MfaApi for HttpMfaApi {
    fn list(&self) -> ApiFuture<'_, Vec<Authenticator>> {
        Box::pin(async move {
            let url = format!("{}/mfa/authenticators", self.transport.origin);
            self.transport.get(&url).await?.json()
        })
    }

    fn associate(&self, associate: Associate) -> ApiFuture<'_, Enrollment> {
        Box::pin(async move {
            let url = format!("{}/mfa/associate", self.transport.origin);
            self.transport
                .post_json(&url, &associate.body())
                .await?
                .json()
        })
    }

    fn confirm(&self, confirm: Confirm) -> ApiFuture<'_, Confirmed> {
        Box::pin(async move {
            let url = format!("{}/oauth/token", self.transport.origin);
            self.transport
                .send_signed_in(&|token, signal| {
                    Request::post(&url)
                        .abort_signal(signal)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(self.confirm_form(&confirm, token))
                        .map_err(request_error)
                })
                .await?
                .json()
        })
    }

    fn remove(&self, id: AuthenticatorId) -> ApiFuture<'_, ()> {
        Box::pin(async move {
            let encoded = String::from(js_sys::encode_uri_component(&id.0));
            let url = format!("{}/mfa/authenticators/{encoded}", self.transport.origin);
            self.transport.delete(&url).await?.success()
        })
    }
}

impl HttpMfaApi {
    /// The MFA grant's form confirming an enrollment, with the MFA token as `mfa_token`.
    fn confirm_form(&self, confirm: &Confirm, token: &str) -> String {
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("client_id", &self.client_id)
            .append_pair("mfa_token", token);
        match confirm {
            Confirm::Otp { otp } => {
                form.append_pair("grant_type", GRANT_MFA_OTP)
                    .append_pair("otp", otp);
            }
            Confirm::Oob {
                oob_code,
                binding_code,
            } => {
                form.append_pair("grant_type", GRANT_MFA_OOB)
                    .append_pair("oob_code", oob_code);
                if let Some(code) = binding_code {
                    form.append_pair("binding_code", code);
                }
            }
        }
        form.finish()
    }
}
