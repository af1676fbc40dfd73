//! The bundle's floor: a page that uses Leptos and each crate mfa-manager's page requires once,
//! the way the page uses it, and nothing else. `cargo xtask bench` builds it like the page
//! (release profile, wasm-bindgen, wasm-opt -Oz, shrunk glue) and reports its size beside the
//! page's, so the share of the bundle that is the project's own code is a measured figure. Each
//! piece is a cargo feature: the benchmark leaves one out at a time to measure what it costs.
//!
//! Pieces: sign in (authorization code + PKCE S256 with `oauth2`, its HTTP over `fetch`), list
//! authenticators (`gloo-net`, `serde_json`), draw a QR code (`qrcode`), all behind one
//! reactive component (`leptos`); random values are base64url (`base64`) as in the page.

use base64::Engine;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A fresh base64url value from the platform's generator.
fn random() -> String {
    let mut bytes = [0u8; 32];
    let _ = getrandom_02::getrandom(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Runs every piece this build has and says what came back.
async fn run(tenant: String) -> Result<String, String> {
    let outcome = random();
    #[cfg(feature = "authorize")]
    let outcome = oauth::sign_in(&tenant, outcome).await?;
    #[cfg(feature = "api")]
    let outcome = api::first_factor(&tenant, &outcome).await?;
    #[cfg(feature = "qr")]
    let outcome = qrcode::QrCode::new(&outcome)
        .map(|code| format!("{} modules", code.width()))
        .map_err(|e| e.to_string())?;
    Ok(format!("{tenant}: {outcome}"))
}

#[cfg(feature = "authorize")]
mod oauth {
    use super::random;
    use oauth2::basic::BasicClient;
    use oauth2::{
        AuthUrl, ClientId, CsrfToken, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope,
        TokenUrl,
    };

    /// The `/authorize` URL with PKCE, then (with `exchange`) the code exchanged for a token.
    pub async fn sign_in(tenant: &str, code: String) -> Result<String, String> {
        let url = |path: &str| format!("{tenant}{path}");
        let client = BasicClient::new(ClientId::new(random()))
            .set_auth_uri(AuthUrl::new(url("/authorize")).map_err(|e| e.to_string())?)
            .set_token_uri(TokenUrl::new(url("/oauth/token")).map_err(|e| e.to_string())?)
            .set_redirect_uri(RedirectUrl::new(url("/")).map_err(|e| e.to_string())?);
        let verifier = PkceCodeVerifier::new(random());
        let (authorize, _) = client
            .authorize_url(|| CsrfToken::new(random()))
            .add_scope(Scope::new("enroll".into()))
            .set_pkce_challenge(PkceCodeChallenge::from_code_verifier_sha256(&verifier))
            .url();
        #[cfg(feature = "exchange")]
        {
            use oauth2::{AuthorizationCode, TokenResponse};
            let token = client
                .exchange_code(AuthorizationCode::new(code))
                .set_pkce_verifier(verifier)
                .request_async(&super::fetch::send)
                .await
                .map_err(|e| e.to_string())?;
            Ok(format!("{authorize} {}", token.access_token().secret()))
        }
        #[cfg(not(feature = "exchange"))]
        Ok(format!("{authorize} {code} {}", verifier.secret()))
    }
}

#[cfg(feature = "exchange")]
mod fetch {
    /// A request `fetch` could not complete.
    #[derive(Debug)]
    pub struct Failed(String);

    impl std::fmt::Display for Failed {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }

    impl std::error::Error for Failed {}

    fn failed(e: impl ToString) -> Failed {
        Failed(e.to_string())
    }

    /// `oauth2`'s HTTP client: method, headers and body out; status, content type, body back.
    pub async fn send(request: oauth2::HttpRequest) -> Result<oauth2::HttpResponse, Failed> {
        let (head, body) = request.into_parts();
        let headers = gloo_net::http::Headers::new();
        for (name, value) in &head.headers {
            headers.append(name.as_str(), value.to_str().map_err(failed)?);
        }
        let request = gloo_net::http::RequestBuilder::new(&head.uri.to_string())
            .method(head.method)
            .headers(headers)
            .body(js_sys::Uint8Array::from(body.as_slice()))
            .map_err(failed)?;
        let response = request.send().await.map_err(failed)?;
        let kind = response.headers().get("content-type").unwrap_or_default();
        http::Response::builder()
            .status(response.status())
            .header(http::header::CONTENT_TYPE, kind)
            .body(response.binary().await.map_err(failed)?)
            .map_err(failed)
    }
}

#[cfg(feature = "api")]
mod api {
    /// One listed authenticator, as the page reads it.
    #[derive(serde::Deserialize)]
    struct Authenticator {
        id: String,
        active: bool,
    }

    /// The first active authenticator's id, from a JSON GET with a bearer token.
    pub async fn first_factor(tenant: &str, token: &str) -> Result<String, String> {
        let list: Vec<Authenticator> =
            gloo_net::http::Request::get(&format!("{tenant}/mfa/authenticators"))
                .header("Authorization", &format!("Bearer {token}"))
                .send()
                .await
                .map_err(|e| e.to_string())?
                .json()
                .await
                .map_err(|e| e.to_string())?;
        Ok(list
            .into_iter()
            .find(|a| a.active)
            .map(|a| a.id)
            .unwrap_or_default())
    }
}

#[component]
fn Floor() -> impl IntoView {
    let tenant = RwSignal::new(String::from("http://127.0.0.1:3000"));
    let outcome = RwSignal::new(None::<String>);
    let go = move |_| {
        let tenant = tenant.get();
        spawn_local(async move {
            outcome.set(Some(run(tenant).await.unwrap_or_else(|e| e)));
        });
    };
    view! {
        <main>
            <h1>"Floor"</h1>
            <input prop:value=move || tenant.get() on:input=move |ev| tenant.set(event_target_value(&ev)) />
            <button on:click=go>"Sign in"</button>
            <Show when=move || outcome.with(Option::is_some) fallback=|| view! { <p>"Not yet"</p> }>
                <p role="status">{move || outcome.get()}</p>
            </Show>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Floor);
}
