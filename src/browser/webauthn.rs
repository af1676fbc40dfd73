//! The WebAuthn registration ceremony: creation options from the tenant (JSON, binary members
//! base64url) through `navigator.credentials.create`, and the new credential back as the
//! JSON the tenant verifies. Each way it can fail gets its own [`CeremonyError`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Array, ArrayBuffer, Function, Object, Reflect, Uint8Array, JSON};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Why no passkey was created.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CeremonyError {
    /// The browser has no WebAuthn (or not in this context).
    Unavailable,
    /// The user closed the prompt, or it timed out (`NotAllowedError`).
    Cancelled,
    /// The authenticator already holds one of the excluded credentials (`InvalidStateError`).
    Duplicate,
    /// The relying party is not this page's domain (`SecurityError`).
    WrongSite,
    /// Anything else, with the browser's name and message.
    Failed(String),
}

/// True when this browser offers WebAuthn to the page, so a ceremony can start.
pub fn available() -> bool {
    let global = js_sys::global();
    let has = |target: &JsValue, name: &str| {
        Reflect::get(target, &name.into()).is_ok_and(|v| !v.is_undefined() && !v.is_null())
    };
    has(&global, "PublicKeyCredential")
        && Reflect::get(&global, &"navigator".into())
            .is_ok_and(|navigator| has(&navigator, "credentials"))
}

/// Runs `navigator.credentials.create` with the tenant's creation `options` (JSON text) and
/// returns the new credential as `RegistrationResponseJSON` text.
pub async fn create(options: &str) -> Result<String, CeremonyError> {
    if !available() {
        return Err(CeremonyError::Unavailable);
    }
    let public_key = creation_options(options).map_err(CeremonyError::Failed)?;
    let request = Object::new();
    set(&request, "publicKey", &public_key);
    let navigator = Reflect::get(&js_sys::global(), &"navigator".into()).map_err(failed)?;
    let credentials = Reflect::get(&navigator, &"credentials".into()).map_err(failed)?;
    let create: Function = Reflect::get(&credentials, &"create".into())
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| CeremonyError::Unavailable)?;
    let promise: js_sys::Promise = create
        .call1(&credentials, &request)
        .map_err(refused)?
        .dyn_into()
        .map_err(failed)?;
    let credential = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(refused)?;
    if credential.is_null() || credential.is_undefined() {
        return Err(CeremonyError::Cancelled);
    }
    registration_json(&credential).map_err(CeremonyError::Failed)
}

/// The options object for the browser: the JSON with `challenge`, `user.id` and each
/// `excludeCredentials[].id` decoded to bytes.
fn creation_options(options: &str) -> Result<JsValue, String> {
    let mut value: Value =
        serde_json::from_str(options).map_err(|e| format!("creation options: {e}"))?;
    let challenge = take_bytes(&mut value, &["challenge"])?;
    let user_id = take_bytes(&mut value, &["user", "id"])?;
    let excluded: Vec<Vec<u8>> = match value.get_mut("excludeCredentials") {
        Some(Value::Array(list)) => list
            .iter_mut()
            .map(|c| take_bytes(c, &["id"]))
            .collect::<Result<_, _>>()?,
        _ => Vec::new(),
    };
    let object = JSON::parse(&value.to_string()).map_err(|_| "creation options".to_owned())?;
    set(&object, "challenge", &bytes(&challenge));
    if let Ok(user) = Reflect::get(&object, &"user".into()) {
        set(&user, "id", &bytes(&user_id));
    }
    if let Ok(list) = Reflect::get(&object, &"excludeCredentials".into()) {
        if let Ok(list) = list.dyn_into::<Array>() {
            for (entry, id) in list.iter().zip(&excluded) {
                set(&entry, "id", &bytes(id));
            }
        }
    }
    Ok(object)
}

/// Decodes the base64url text at `path` of `value` (the text stays; the bytes are returned).
fn take_bytes(value: &mut Value, path: &[&str]) -> Result<Vec<u8>, String> {
    let text = path
        .iter()
        .try_fold(&*value, |v, key| v.get(key))
        .and_then(Value::as_str)
        .ok_or_else(|| format!("creation options lack {}", path.join(".")))?;
    URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|e| format!("{} is not base64url: {e}", path.join(".")))
}

/// The new credential as `RegistrationResponseJSON`.
fn registration_json(credential: &JsValue) -> Result<String, String> {
    let text = |target: &JsValue, name: &str| {
        Reflect::get(target, &name.into())
            .ok()
            .and_then(|v| v.as_string())
    };
    let encoded = |target: &JsValue, name: &str| -> Result<String, String> {
        let buffer = Reflect::get(target, &name.into())
            .ok()
            .and_then(|v| v.dyn_into::<ArrayBuffer>().ok())
            .ok_or_else(|| format!("the credential has no {name}"))?;
        Ok(URL_SAFE_NO_PAD.encode(Uint8Array::new(&buffer).to_vec()))
    };
    let response = Reflect::get(credential, &"response".into()).map_err(|_| "no response")?;
    let transports: Vec<String> = call(&response, "getTransports")
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|list| list.iter().filter_map(|t| t.as_string()).collect())
        .unwrap_or_default();
    let extensions = call(credential, "getClientExtensionResults")
        .and_then(|v| JSON::stringify(&v).ok())
        .and_then(|s| s.as_string())
        .and_then(|s| serde_json::from_str::<Value>(&s).ok())
        .unwrap_or_else(|| json!({}));
    let mut answer = json!({
        "id": text(credential, "id").ok_or("the credential has no id")?,
        "rawId": encoded(credential, "rawId")?,
        "type": "public-key",
        "response": {
            "clientDataJSON": encoded(&response, "clientDataJSON")?,
            "attestationObject": encoded(&response, "attestationObject")?,
            "transports": transports,
        },
        "clientExtensionResults": extensions,
    });
    if let Some(attachment) = text(credential, "authenticatorAttachment") {
        answer["authenticatorAttachment"] = json!(attachment);
    }
    Ok(answer.to_string())
}

/// `target.name()`, when `target` has such a method.
fn call(target: &JsValue, name: &str) -> Option<JsValue> {
    let method: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    method.call0(target).ok()
}

/// The bytes as a `Uint8Array`.
fn bytes(data: &[u8]) -> JsValue {
    Uint8Array::from(data).into()
}

/// `target[name] = value` (on an object made here: cannot fail).
fn set(target: &JsValue, name: &str, value: &JsValue) {
    let _ = Reflect::set(target, &name.into(), value);
}

/// A failure of the browser's API itself.
fn failed(error: JsValue) -> CeremonyError {
    CeremonyError::Failed(error_text(&error))
}

/// The browser's refusal, by the `DOMException`'s name.
fn refused(error: JsValue) -> CeremonyError {
    let name = Reflect::get(&error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "AbortError" => CeremonyError::Cancelled,
        "InvalidStateError" => CeremonyError::Duplicate,
        "SecurityError" => CeremonyError::WrongSite,
        "NotSupportedError" => CeremonyError::Unavailable,
        _ => failed(error),
    }
}

/// `name: message` of a JavaScript error, or its text.
fn error_text(error: &JsValue) -> String {
    let field = |name: &str| {
        Reflect::get(error, &name.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    match (field("name"), field("message")) {
        (name, message) if !name.is_empty() => format!("{name}: {message}"),
        _ => error.as_string().unwrap_or_else(|| format!("{error:?}")),
    }
}
