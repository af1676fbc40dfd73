// A typed host page: it uses every declaration of mfa-manager.d.ts, the way a TypeScript app
// embedding the widget would. `cargo xtask test` compiles it with `tsc --strict`.
import {
  mount,
  type MfaManagerApi,
  type MfaManagerChange,
  type MfaManagerConfig,
  type MfaManagerElement,
  type MfaManagerError,
  type MfaManagerFactorKind,
  type MfaManagerHandle,
  type MfaManagerLang,
  type MfaManagerLanguage,
  type MfaManagerMode,
  type MfaManagerMountConfig,
  type MfaManagerToken,
} from "../../types/mfa-manager.js";

// Every configuration key, with a value of its type.
const mode: MfaManagerMode = "popup";
const api: MfaManagerApi = "auto";
const german: MfaManagerLanguage = "de";
const swissGerman: MfaManagerLang = "de-CH";
const pageLanguage: MfaManagerLang = document.documentElement.lang;
const everyKey: Required<MfaManagerConfig> = {
  domain: "login.acme.com",
  canonical_domain: "acme.us.auth0.com",
  client_id: "YOUR_SPA_CLIENT_ID",
  redirect_uri: "https://www.acme.com/account/security/",
  app_audience: "https://api.acme.com/",
  app_scope: "openid profile email",
  return_to: "/",
  mode,
  api,
  demo: false,
  lang: german,
};
const tenant: MfaManagerMountConfig = { ...everyKey, lang: swissGerman };
const demo: MfaManagerMountConfig = { demo: true, lang: pageLanguage, mode: "redirect" };

// @ts-expect-error A tenant needs its domain and client id, unless in demo mode.
const noTenant: MfaManagerMountConfig = { app_audience: "https://api.acme.com/" };
// @ts-expect-error Not a configuration key.
const unknownKey: MfaManagerMountConfig = { demo: true, audience: "https://api.acme.com/" };

let apiToken: string | null = null;
const keep = (token: MfaManagerToken): void => {
  const bearer: "Bearer" = token.token_type;
  const seconds: number = token.expires_in;
  apiToken = `${bearer} ${token.access_token} (${seconds} s, ${token.scope})`;
};

const host = document.getElementById("security");
if (host) {
  const handle: MfaManagerHandle = mount(host, tenant, keep);
  const second: MfaManagerHandle = mount(host, demo);
  const third: MfaManagerHandle = mount(host, demo, null);
  for (const widget of [handle, second, third]) {
    widget.unmount();
    widget.free();
  }
}

// The element, found by its tag name, and its events with their typed details.
const element: MfaManagerElement | null = document.querySelector("mfa-manager");
const created: MfaManagerElement = document.createElement("mfa-manager");
created.setAttribute("client-id", everyKey.client_id);
const describeChange = ({ reason, kind }: MfaManagerChange): string => {
  const what: MfaManagerFactorKind = kind;
  return `${what} ${reason}`;
};
element?.addEventListener("mfa-manager:done", (event) => keep(event.detail));
element?.addEventListener("mfa-manager:change", (event) => describeChange(event.detail));
document.addEventListener("mfa-manager:error", (event) => {
  const error: MfaManagerError = event.detail;
  console.info(error.message, apiToken);
});
window.addEventListener("mfa-manager:change", (event) => {
  // @ts-expect-error A change names its reason, not a token.
  console.info(event.detail.access_token);
});

export { created, noTenant, unknownKey };
