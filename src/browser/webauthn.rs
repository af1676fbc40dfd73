//! The WebAuthn registration ceremony: creation options from the tenant (JSON, binary members
//! base64url) through `navigator.credentials.create`, and the new credential back as the
//! JSON the tenant verifies. Each way it can fail gets its own [`CeremonyError`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use js_sys::{Array, ArrayBuffer, Function, Object, Reflect, Uint8Array, JSON};
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
    let object =
        JSON::parse(options).map_err(|_| "the creation options are not JSON".to_owned())?;
    decode_member(&object, "challenge", "challenge")?;
    let user = Reflect::get(&object, &"user".into())
        .map_err(|_| "creation options lack user".to_owned())?;
    decode_member(&user, "id", "user.id")?;
    let excluded = Reflect::get(&object, &"excludeCredentials".into()).ok();
    if let Some(list) = excluded.and_then(|l| l.dyn_into::<Array>().ok()) {
        for entry in list.iter() {
            decode_member(&entry, "id", "excludeCredentials[].id")?;
        }
    }
    Ok(object)
}

/// Replaces the base64url text `target[name]` by its bytes; `what` names it in errors.
fn decode_member(target: &JsValue, name: &str, what: &str) -> Result<(), String> {
    let text = Reflect::get(target, &name.into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("creation options lack {what}"))?;
    let data = URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .map_err(|e| format!("{what} is not base64url: {e}"))?;
    set(target, name, &bytes(&data));
    Ok(())
}

/// The new credential as `RegistrationResponseJSON` (binary members base64url).
fn registration_json(credential: &JsValue) -> Result<String, String> {
    let encoded = |target: &JsValue, name: &str| -> Result<JsValue, String> {
        let buffer = Reflect::get(target, &name.into())
            .ok()
            .and_then(|v| v.dyn_into::<ArrayBuffer>().ok())
            .ok_or_else(|| format!("the credential has no {name}"))?;
        Ok(URL_SAFE_NO_PAD
            .encode(Uint8Array::new(&buffer).to_vec())
            .into())
    };
    let member = |target: &JsValue, name: &str| Reflect::get(target, &name.into()).ok();
    let response = member(credential, "response").ok_or("the credential has no response")?;
    let answer = Object::new();
    let id = member(credential, "id")
        .filter(JsValue::is_string)
        .ok_or("the credential has no id")?;
    set(&answer, "id", &id);
    set(&answer, "rawId", &encoded(credential, "rawId")?);
    set(&answer, "type", &"public-key".into());
    if let Some(attachment) =
        member(credential, "authenticatorAttachment").filter(JsValue::is_string)
    {
        set(&answer, "authenticatorAttachment", &attachment);
    }
    let attestation = Object::new();
    set(
        &attestation,
        "clientDataJSON",
        &encoded(&response, "clientDataJSON")?,
    );
    set(
        &attestation,
        "attestationObject",
        &encoded(&response, "attestationObject")?,
    );
    let transports = call(&response, "getTransports").unwrap_or_else(|| Array::new().into());
    set(&attestation, "transports", &transports);
    set(&answer, "response", &attestation);
    let extensions =
        call(credential, "getClientExtensionResults").unwrap_or_else(|| Object::new().into());
    set(&answer, "clientExtensionResults", &extensions);
    JSON::stringify(&answer)
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the credential could not be written as JSON".to_owned())
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
