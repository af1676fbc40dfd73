// A Preact app embedding <mfa-manager>. Preact and htm are ES modules loaded straight from
// node_modules (`npm ci` in this folder), so no bundler is needed. Copy the files of dist/
// (except index.html and config.json) next to this file and replace HASH in index.html with
// the hash in the stylesheet's name.
import { Component, h, render } from "./node_modules/preact/dist/preact.mjs";
import htm from "./node_modules/htm/dist/htm.module.js";
// The stable entry module defines <mfa-manager>: each element shows its Sign in at once and
// fetches the rest of the widget behind it.
import "./mfa-manager.js";

const html = htm.bind(h);

// The tenant and the Single Page Application (see "Configuration" in the README).
const tenant = {
  domain: "acme.us.auth0.com",
  clientId: "YOUR_SPA_CLIENT_ID",
  appAudience: "https://api.acme.com/",
};

class AccountSecurity extends Component {
  state = { tokenSeconds: null, lastChange: null, error: null };

  // The app's own API token, kept in memory only (not in state, storage or the log).
  apiToken = null;

  done = (event) => {
    this.apiToken = event.detail.access_token;
    this.setState({ tokenSeconds: event.detail.expires_in });
  };

  changed = (event) => this.setState({ lastChange: event.detail, error: null });

  failed = (event) => this.setState({ error: event.detail.message });

  render(_props, { tokenSeconds, lastChange, error }) {
    return html`
      <h1>Example app (Preact)</h1>
      <p id="app-status" role="status">
        ${tokenSeconds === null
          ? "The app has no token for its API yet."
          : `The app has a token for its API (valid ${tokenSeconds} s).`}
      </p>
      <p id="app-changes" role="status">
        ${lastChange && `Sign-in methods changed: ${lastChange.kind} ${lastChange.reason}.`}
        ${error && `The widget reported: ${error}`}
      </p>
      <mfa-manager
        domain=${tenant.domain}
        client-id=${tenant.clientId}
        app-audience=${tenant.appAudience}
        onmfa-manager:done=${this.done}
        onmfa-manager:change=${this.changed}
        onmfa-manager:error=${this.failed}
      ></mfa-manager>
    `;
  }
}

render(html`<${AccountSecurity} />`, document.getElementById("app"));
