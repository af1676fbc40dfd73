// "Sign in with a passkey" on the login page: asks the tenant for WebAuthn request options, lets
// the browser's authenticator answer them, and posts the credential as the JSON of
// PublicKeyCredential.toJSON() (binary members base64url). Shown only where WebAuthn exists.
(function () {
  "use strict";
  var form = document.getElementById("passkey-form");
  var button = document.getElementById("passkey");
  if (!form || !button || !window.PublicKeyCredential || !navigator.credentials) {
    return;
  }
  form.hidden = false;

  function toBuffer(base64url) {
    var binary = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) {
      bytes[i] = binary.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) {
      binary += String.fromCharCode(bytes[i]);
    }
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function credentialJson(credential) {
    var response = credential.response;
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      response: {
        clientDataJSON: toBase64url(response.clientDataJSON),
        authenticatorData: toBase64url(response.authenticatorData),
        signature: toBase64url(response.signature),
        userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined
      },
      clientExtensionResults: credential.getClientExtensionResults()
    };
  }

  // Text only: the message goes into the page's alert paragraph, made if the page has none.
  function showError(message) {
    var error = document.getElementById("error");
    if (!error) {
      error = document.createElement("p");
      error.id = "error";
      error.setAttribute("role", "alert");
      form.parentNode.insertBefore(error, form.parentNode.querySelector("form"));
    }
    error.textContent = message;
  }

  function requestOptions() {
    var body = new URLSearchParams();
    body.set("tx", form.elements.tx.value);
    return fetch("/authorize/passkey/options", { method: "POST", body: body })
      .then(function (reply) {
        return reply.json().catch(function () {
          return {};
        }).then(function (json) {
          if (!reply.ok) {
            throw new Error(json.error_description || "The passkey sign-in could not start.");
          }
          return json;
        });
      });
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    requestOptions()
      .then(function (options) {
        options.challenge = toBuffer(options.challenge);
        options.allowCredentials = (options.allowCredentials || []).map(function (allowed) {
          return { type: allowed.type, id: toBuffer(allowed.id) };
        });
        return navigator.credentials.get({ publicKey: options }).catch(function (error) {
          if (error && error.name === "NotAllowedError") {
            return null;
          }
          throw error;
        });
      })
      .then(function (credential) {
        if (!credential) {
          throw new Error("The passkey sign-in was cancelled or timed out.");
        }
        form.elements.credential.value = JSON.stringify(credentialJson(credential));
        form.submit();
      })
      .catch(function (error) {
        showError(error.message);
        button.disabled = false;
      });
  });
})();
