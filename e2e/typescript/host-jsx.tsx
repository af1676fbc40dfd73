// The typed host's JSX: `<mfa-manager>` with its attributes and event handlers, as a React,
// Preact or Solid component would render it (checked with `jsx: preserve`, no framework).
import type { MfaManagerToken } from "../../types/mfa-manager.js";

export const widget = (onToken: (token: MfaManagerToken) => void) => (
  <mfa-manager
    domain="acme.us.auth0.com"
    canonical-domain="acme.us.auth0.com"
    client-id="YOUR_SPA_CLIENT_ID"
    redirect-uri="https://www.acme.com/account/security/"
    app-audience="https://api.acme.com/"
    app-scope="openid profile email"
    return-to="/"
    mode="popup"
    lang="ar"
    demo
    id="security"
    class="security"
    onmfa-manager:done={(event) => onToken(event.detail)}
    onmfa-manager:change={(event) => console.info(event.detail.kind, event.detail.reason)}
    onmfa-manager:error={(event) => console.info(event.detail.message)}
  />
);

// @ts-expect-error `mode` takes "redirect" or "popup" only.
export const sideways = <mfa-manager mode="sideways" />;
