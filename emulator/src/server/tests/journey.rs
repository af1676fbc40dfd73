//! One journey over a real socket: login → code → token → associate otp → confirm with a
//! computed TOTP → list shows it active → delete → 204 → list without it.

use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::model::pkce::challenge_s256;
use crate::model::seed;
use crate::model::totp::{code_at, decode_secret};
use crate::server::{serve, Options};

const ORIGIN: &str = "http://127.0.0.1:8080";
const VERIFIER: &str = "M25iVXpKU3puUjFaYWg3T1NDTDQtcW1ROUY5YXlwalNoc0hhakxifmZHag";

fn transaction(html: &str) -> String {
    let start = html.find("name=\"tx\" value=\"").map_or(0, |i| i + 17);
    html[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

type Server = tokio::task::JoinHandle<std::io::Result<()>>;

/// Serves on 127.0.0.1:0; returns the base URL, the stop switch and the server task.
async fn start(
    allowed_origins: Vec<String>,
    test_control: bool,
) -> (String, oneshot::Sender<()>, Server) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let options = Options {
        allowed_origins,
        test_control,
        seed: None,
    };
    let server = tokio::spawn(serve(listener, options, async {
        let _ = stopped.await;
    }));
    (base, stop, server)
}

#[tokio::test]
async fn login_enroll_confirm_list_delete_over_a_socket() {
    let (base, stop, server) = start(vec![ORIGIN.to_owned()], false).await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mfa_audience = format!("{base}/mfa/");
    let redirect_uri = format!("{ORIGIN}/callback");

    // /authorize → login form.
    let query = serde_urlencoded::to_string([
        ("client_id", seed::CLIENT_ID),
        ("redirect_uri", redirect_uri.as_str()),
        ("response_type", "code"),
        (
            "scope",
            "openid profile enroll read:authenticators remove:authenticators",
        ),
        ("audience", mfa_audience.as_str()),
        ("state", "s1"),
        ("nonce", "n1"),
        ("code_challenge", challenge_s256(VERIFIER).as_str()),
        ("code_challenge_method", "S256"),
    ])
    .unwrap();
    let page = client
        .get(format!("{base}/authorize?{query}"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    let tx = transaction(&page.text().await.unwrap());

    // Password → 302 with the code.
    let login = client
        .post(format!("{base}/authorize/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_urlencoded::to_string([
                ("tx", tx.as_str()),
                ("username", seed::NEW_USER),
                ("password", seed::PASSWORD),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 302);
    let location = login.headers()["location"].to_str().unwrap().to_owned();
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(location.split_once('?').unwrap().1).unwrap();
    let code = pairs.iter().find(|(k, _)| k == "code").unwrap().1.clone();
    assert!(pairs.contains(&("state".to_owned(), "s1".to_owned())));

    // Code → token.
    let token: Value = client
        .post(format!("{base}/oauth/token"))
        .header("origin", ORIGIN)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(
            serde_urlencoded::to_string([
                ("grant_type", "authorization_code"),
                ("client_id", seed::CLIENT_ID),
                ("code", code.as_str()),
                ("code_verifier", VERIFIER),
                ("redirect_uri", redirect_uri.as_str()),
            ])
            .unwrap(),
        )
        .send()
        .await
        .unwrap()
        .json_value()
        .await;
    assert_eq!(token["expires_in"], 600, "{token}");
    let access = token["access_token"].as_str().unwrap().to_owned();
    let auth = format!("Bearer {access}");

    // Associate an authenticator app.
    let enrollment: Value = client
        .post(format!("{base}/mfa/associate"))
        .header("authorization", &auth)
        .header("content-type", "application/json")
        .body(json!({"authenticator_types": ["otp"]}).to_string())
        .send()
        .await
        .unwrap()
        .json_value()
        .await;
    assert_eq!(
        enrollment["recovery_codes"].as_array().map(Vec::len),
        Some(1),
        "{enrollment}"
    );
    let secret = decode_secret(enrollment["secret"].as_str().unwrap()).unwrap();

    // Confirm with a computed TOTP, the access token as mfa_token.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let confirm = client
        .post(format!("{base}/oauth/token"))
        .header("content-type", "application/json")
        .body(
            json!({
                "grant_type": "http://auth0.com/oauth/grant-type/mfa-otp",
                "client_id": seed::CLIENT_ID,
                "mfa_token": access,
                "otp": code_at(&secret, now),
            })
            .to_string(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(confirm.status(), 200);

    // The list shows it active.
    let listed = list(&client, &base, &auth).await;
    let totp = listed
        .iter()
        .find(|a| a["authenticator_type"] == "otp")
        .unwrap_or_else(|| panic!("no otp in {listed:?}"));
    assert_eq!(totp["active"], true);
    let id = totp["id"].as_str().unwrap().to_owned();

    // Delete (encoded id) → 204 → gone.
    let deleted = client
        .delete(format!(
            "{base}/mfa/authenticators/{}",
            id.replace('|', "%7C")
        ))
        .header("authorization", &auth)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted.status(), 204);
    let listed = list(&client, &base, &auth).await;
    assert!(listed.iter().all(|a| a["id"] != id.as_str()), "{listed:?}");

    let _ = stop.send(());
    server.await.unwrap().unwrap();
}

async fn list(client: &reqwest::Client, base: &str, auth: &str) -> Vec<Value> {
    let reply = client
        .get(format!("{base}/mfa/authenticators"))
        .header("authorization", auth)
        .send()
        .await
        .unwrap();
    assert_eq!(reply.status(), 200);
    reply
        .json_value()
        .await
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// `Response::json` needs reqwest's `json` feature; parse the text instead.
trait JsonValue {
    async fn json_value(self) -> Value;
}

impl JsonValue for reqwest::Response {
    async fn json_value(self) -> Value {
        let text = self.text().await.unwrap();
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    }
}

#[tokio::test]
async fn drop_fault_closes_the_connection() {
    let (base, stop, server) = start(Vec::new(), true).await;
    let client = reqwest::Client::new();
    let added = client
        .post(format!("{base}/__emulator/faults"))
        .header("content-type", "application/json")
        .body(json!({"kind": "drop", "count": 1}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(added.status(), 204);
    assert!(client
        .get(format!("{base}/.well-known/jwks.json"))
        .send()
        .await
        .is_err());
    assert_eq!(
        client
            .get(format!("{base}/.well-known/jwks.json"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let log: Value = client
        .get(format!("{base}/__emulator/requests"))
        .send()
        .await
        .unwrap()
        .json_value()
        .await;
    assert_eq!(
        log[0],
        json!({"method": "GET", "path": "/.well-known/jwks.json", "status": 0})
    );
    let _ = stop.send(());
    server.await.unwrap().unwrap();
}
