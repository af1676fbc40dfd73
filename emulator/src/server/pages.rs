//! HTML of the Universal-Login-like pages and of the `/authorize` responses. The element ids
//! (`username`, `password`, `code`, `continue`, `error`, `recovery-code`, `passkey`) are stable:
//! browser tests rely on them.

use crate::model::delivery::Delivered;

const STYLE: &str = "body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0}main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:.5rem;box-shadow:0 1px 4px #0002}label{display:block;margin-top:1rem}input{box-sizing:border-box;width:100%;padding:.6rem;margin-top:.25rem}button{margin-top:1.5rem;width:100%;padding:.7rem;background:#4f46e5;color:#fff;border:0;border-radius:.3rem;font-size:1rem}#error{color:#b91c1c}code{font-size:1.2rem;letter-spacing:.1em}#passkey{background:#fff;color:#4f46e5;border:1px solid #4f46e5}";

/// The passkey button's script: fixed text, no server data in it (the transaction id is read
/// from the form), so nothing needs escaping for the script context.
const PASSKEY_SCRIPT: &str = include_str!("passkey_login.js");

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title><style>{STYLE}</style></head><body><main>{body}</main></body></html>",
        escape(title)
    )
}

fn error_paragraph(error: Option<&str>) -> String {
    error.map_or_else(String::new, |e| {
        format!("<p id=\"error\" role=\"alert\">{}</p>", escape(e))
    })
}

fn hidden_transaction(transaction: &str) -> String {
    format!(
        "<input type=\"hidden\" name=\"tx\" value=\"{}\">",
        escape(transaction)
    )
}

/// The login form, with "Sign in with a passkey" when `passkey` (shown by its script only
/// where the browser has WebAuthn).
pub fn login(
    tenant: &str,
    client: &str,
    transaction: &str,
    login_hint: Option<&str>,
    passkey: bool,
    error: Option<&str>,
) -> String {
    page(
        &format!("Log in | {tenant}"),
        &format!(
            "<h1>Welcome</h1><p>Log in to {} to continue to {}.</p>{}<form method=\"post\" action=\"/authorize/login\">{}<label for=\"username\">Email address</label><input id=\"username\" name=\"username\" type=\"email\" autocomplete=\"username\" required value=\"{}\"><label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required><button type=\"submit\" id=\"continue\">Continue</button></form>{}",
            escape(tenant),
            escape(client),
            error_paragraph(error),
            hidden_transaction(transaction),
            escape(login_hint.unwrap_or_default()),
            if passkey {
                passkey_form(transaction)
            } else {
                String::new()
            },
        ),
    )
}

/// "Sign in with a passkey": a form the script fills with the credential and posts; hidden
/// until the script finds WebAuthn.
fn passkey_form(transaction: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/authorize/passkey\" id=\"passkey-form\" hidden>{}<input type=\"hidden\" name=\"credential\"><button type=\"button\" id=\"passkey\">Sign in with a passkey</button></form><script>{PASSKEY_SCRIPT}</script>",
        hidden_transaction(transaction),
    )
}

/// The second-factor prompt (TOTP, recovery code, or a code just sent).
pub fn second_factor(transaction: &str, sent_to: Option<&str>, error: Option<&str>) -> String {
    let hint = match sent_to {
        Some(to) => format!(
            "<p id=\"sent-to\">We sent a code to {}. Enter it, or a recovery code.</p>",
            escape(to)
        ),
        None => "<p>Enter the 6-digit code from your authenticator app, or a recovery code.</p>"
            .to_owned(),
    };
    page(
        "Verify your identity",
        &format!(
            "<h1>Verify your identity</h1>{hint}{}<form method=\"post\" action=\"/authorize/mfa\">{}<label for=\"code\">Code</label><input id=\"code\" name=\"code\" inputmode=\"numeric\" autocomplete=\"one-time-code\" required><button type=\"submit\" id=\"continue\">Continue</button></form>",
            error_paragraph(error),
            hidden_transaction(transaction),
        ),
    )
}

/// The replacement recovery code after one was used at the prompt.
pub fn new_recovery_code(transaction: &str, code: &str) -> String {
    page(
        "Save your new recovery code",
        &format!(
            "<h1>Save your new recovery code</h1><p>Your previous recovery code has been used. Your new recovery code is:</p><p><code id=\"recovery-code\">{}</code></p><form method=\"post\" action=\"/authorize/continue\">{}<button type=\"submit\" id=\"continue\">Continue</button></form>",
            escape(code),
            hidden_transaction(transaction),
        ),
    )
}

/// The error page for failures that must not reach the redirect target.
pub fn error(message: &str) -> String {
    page(
        "Error",
        &format!(
            "<h1>Oops!, something went wrong</h1><p id=\"error-message\">{}</p>",
            escape(message)
        ),
    )
}

/// Escapes a JSON text for a `<script>` context.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
}

fn json_string(text: &str) -> String {
    script_json(&serde_json::Value::from(text).to_string())
}

/// The `web_message` page, exactly the template of protocol.md §3.4.
pub fn web_message(delivered: &Delivered) -> String {
    let response = delivered
        .pairs()
        .iter()
        .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
        .collect::<Vec<_>>()
        .join(",");
    format!(
        concat!(
            "<!DOCTYPE html><html><head><title>Authorization Response</title></head><body><script type=\"text/javascript\">",
            "(function(window, document) {{var targetOrigin = {origin};var webMessageRequest = {{}};",
            "var authorizationResponse = {{type: \"authorization_response\",response: {{{response}}}}};",
            "var mainWin = (window.opener) ? window.opener : window.parent;",
            "if (webMessageRequest[\"web_message_uri\"] && webMessageRequest[\"web_message_target\"]) {{",
            "window.addEventListener(\"message\", function(evt) {{if (evt.origin != targetOrigin)return;",
            "switch (evt.data.type) {{case \"relay_response\":var messageTargetWindow = evt.source.frames[webMessageRequest[\"web_message_target\"]];",
            "if (messageTargetWindow) {{messageTargetWindow.postMessage(authorizationResponse, webMessageRequest[\"web_message_uri\"]);window.close();}}break;}}}});",
            "mainWin.postMessage({{type: \"relay_request\"}}, targetOrigin);}} else {{mainWin.postMessage(authorizationResponse, targetOrigin);}}",
            "}})(this, this.document);</script></body></html>"
        ),
        origin = json_string(&delivered.delivery.target_origin),
        response = response,
    )
}

/// The `form_post` page: an auto-submitting form to the redirect target.
pub fn form_post(delivered: &Delivered) -> String {
    let fields: String = delivered
        .pairs()
        .iter()
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                escape(k),
                escape(v)
            )
        })
        .collect();
    format!(
        "<!DOCTYPE html><html><head><title>Submit This Form</title></head><body onload=\"javascript:document.forms[0].submit()\"><form method=\"post\" action=\"{}\">{fields}<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>",
        escape(&delivered.delivery.redirect_uri)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::delivery::{AuthorizeResponse, Delivery, ResponseMode};

    #[test]
    fn web_message_matches_the_protocol_template() {
        let delivered = Delivered {
            delivery: Delivery {
                redirect_uri: "https://app.acme.com".into(),
                mode: ResponseMode::WebMessage,
                state: Some("QIA33u4JKTwCmXjPcZXoHyJD5h5szwFs".into()),
                target_origin: "https://app.acme.com".into(),
            },
            response: AuthorizeResponse::Code("a_Yja9QKgxtwCnA2".into()),
        };
        let expected = r#"<!DOCTYPE html><html><head><title>Authorization Response</title></head><body><script type="text/javascript">(function(window, document) {var targetOrigin = "https://app.acme.com";var webMessageRequest = {};var authorizationResponse = {type: "authorization_response",response: {"code":"a_Yja9QKgxtwCnA2","state":"QIA33u4JKTwCmXjPcZXoHyJD5h5szwFs"}};var mainWin = (window.opener) ? window.opener : window.parent;if (webMessageRequest["web_message_uri"] && webMessageRequest["web_message_target"]) {window.addEventListener("message", function(evt) {if (evt.origin != targetOrigin)return;switch (evt.data.type) {case "relay_response":var messageTargetWindow = evt.source.frames[webMessageRequest["web_message_target"]];if (messageTargetWindow) {messageTargetWindow.postMessage(authorizationResponse, webMessageRequest["web_message_uri"]);window.close();}break;}});mainWin.postMessage({type: "relay_request"}, targetOrigin);} else {mainWin.postMessage(authorizationResponse, targetOrigin);}})(this, this.document);</script></body></html>"#;
        assert_eq!(web_message(&delivered), expected);
    }

    #[test]
    fn script_values_are_escaped() {
        assert_eq!(
            json_string("</script><b>&"),
            "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\""
        );
        assert_eq!(
            escape("<a href=\"x\">'"),
            "&lt;a href=&quot;x&quot;&gt;&#39;"
        );
    }
}
