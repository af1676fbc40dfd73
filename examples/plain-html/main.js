// Embeds mfa-manager with the <mfa-manager> element. Copy the files of dist/ (except
// index.html and config.json) next to this file and replace HASH in index.html with the hash
// in the stylesheet's name.
// The stable entry module defines <mfa-manager>: the element below shows its Sign in at once
// and fetches the rest of the widget behind it.
import "./mfa-manager.js";

const widget = document.querySelector("mfa-manager");
const status = document.getElementById("app-status");
const changes = document.getElementById("app-changes");

// The app's own API token, kept in memory only (never in storage, the URL or the log);
// send it as `Authorization: Bearer …` to the API named by app-audience.
let apiToken = null;

widget.addEventListener("mfa-manager:done", (event) => {
  const { access_token, expires_in, scope } = event.detail;
  apiToken = access_token;
  status.textContent = `The app has a token for its API (valid ${expires_in} s, scope "${scope}").`;
});

widget.addEventListener("mfa-manager:change", (event) => {
  const { reason, kind } = event.detail;
  changes.textContent = `Sign-in methods changed: ${kind} ${reason}.`;
});

widget.addEventListener("mfa-manager:error", (event) => {
  changes.textContent = `The widget reported: ${event.detail.message}`;
});
