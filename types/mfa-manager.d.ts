// Types of mfa-manager's stable entry module, `mfa-manager.js`: `mount()`, its configuration
// and handle, the `mfa-manager:*` events, and the `<mfa-manager>` element with its attributes.
// `cargo xtask post-build` copies this file into dist/ beside the module. A native test of the
// crate fails when the configuration keys, the element's attributes or the event names here
// and in the Rust sources drift apart; `cargo xtask test` compiles a typed host against it.

/** A language the interface has complete texts in (`ar`: right to left). */
export type MfaManagerLanguage = "en" | "de" | "fr" | "es" | "ja" | "pt-BR" | "ar";

/**
 * Language of the interface: a BCP 47 tag, matched by its primary subtag (`de-CH` is German,
 * `pt` and `pt-PT` Brazilian Portuguese). Left out, the interface follows the browser's
 * `navigator.languages` (the first the page has, else English). A well-formed tag of a
 * language the page does not have (`it`) falls back to English, so a host may pass its own
 * page language; a value that is not a language tag at all is a configuration error naming
 * `lang`.
 */
export type MfaManagerLang = MfaManagerLanguage | (string & {});

/** How the user signs in: a top-level redirect to the tenant and back, or a popup. */
export type MfaManagerMode = "redirect" | "popup";

/**
 * The tenant API that manages the sign-in methods: `mfa` (the MFA API, every tenant has it;
 * the default), `my-account` (the My Account API, which the tenant must activate and grant to
 * the application) or `auto` (the My Account API where the tenant grants it, else the MFA API).
 */
export type MfaManagerApi = "mfa" | "my-account" | "auto";

/**
 * The configuration: the keys of `config.json`, given to `mount()` as an object and to
 * `<mfa-manager>` as attributes (`client-id` for `client_id`, …). Every mistake is shown
 * inside the widget, naming the key.
 */
export interface MfaManagerConfig {
  /**
   * Auth0 domain the browser talks to: `acme.us.auth0.com`, a custom domain like
   * `login.acme.com`, or `http://127.0.0.1:4000` for the emulator. Just the host (and a port),
   * `https://` optional; plain `http://` only for a loopback address or `localhost`.
   * Required unless `demo` is true.
   */
  domain?: string;
  /**
   * The tenant's own `*.auth0.com` domain, needed when `domain` is a custom domain: the MFA
   * API audience is always `https://CANONICAL/mfa/`.
   */
  canonical_domain?: string;
  /** Client ID of the Single Page Application. Required unless `demo` is true. */
  client_id?: string;
  /**
   * Callback URL registered under Allowed Callback URLs: an absolute `https://` URL
   * (`http://` only on loopback). Default: the page URL without query.
   */
  redirect_uri?: string;
  /**
   * Your own API's identifier, requested again silently when the user is done; its token is
   * what `onDone` and `mfa-manager:done` hand back. An identifier written as a URL must be a
   * well-formed one; others (`urn:acme:api`) are taken as written.
   */
  app_audience?: string;
  /** Scopes for the app-audience token. Default: `openid profile email`. */
  app_scope?: string;
  /**
   * Where "Done" goes on the stand-alone page: an absolute `https://` URL (`http://` only on
   * loopback), or a path starting with `/` on the page's own origin. The token is never put
   * in a URL.
   */
  return_to?: string;
  /** `redirect` (default for the stand-alone page) or `popup` (default for the widget). */
  mode?: MfaManagerMode;
  /** The API that manages the sign-in methods; see {@link MfaManagerApi}. */
  api?: MfaManagerApi;
  /**
   * `true` runs against an in-browser demo tenant, no network; needs the build's `demo/`,
   * which `cargo xtask dist --no-demo` leaves out.
   */
  demo?: boolean;
  /** Language of the interface (default English); see {@link MfaManagerLang}. */
  lang?: MfaManagerLang;
}

/** A configuration that names a tenant (`domain` and `client_id`), or runs in demo mode. */
export type MfaManagerMountConfig = MfaManagerConfig &
  ({ domain: string; client_id: string } | { demo: true });

/** The app-audience token handed back when the user presses "Done". Keep it in memory. */
export interface MfaManagerToken {
  /** Access token for `app_audience`; send it as `Authorization: Bearer …`. */
  access_token: string;
  /** Lifetime of the token in seconds. */
  expires_in: number;
  /** Scopes the tenant granted. */
  scope: string;
  /** Always `Bearer`. */
  token_type: "Bearer";
}

/** A kind of sign-in method. */
export type MfaManagerFactorKind =
  | "authenticator-app"
  | "phone"
  | "email"
  | "push"
  | "passkey"
  | "recovery-code";

/** `detail` of `mfa-manager:change`: a sign-in method was added, renamed or removed in this
 * widget. */
export interface MfaManagerChange {
  /** What happened to the list. */
  reason: "added" | "renamed" | "removed";
  /** The kind of method it happened to. */
  kind: MfaManagerFactorKind;
}

/** `detail` of `mfa-manager:error`: a sign-in, MFA API or configuration error is shown. */
export interface MfaManagerError {
  /** The text shown to the user, in the interface's language. */
  message: string;
}

/**
 * The events the widget dispatches from inside its element (bubbling and composed, so a
 * listener on the element, the document or the window hears them).
 */
export interface MfaManagerEventMap {
  /** The user pressed "Done" and the app-audience token was obtained. */
  "mfa-manager:done": CustomEvent<MfaManagerToken>;
  /** A sign-in method was added or removed in this widget. */
  "mfa-manager:change": CustomEvent<MfaManagerChange>;
  /** A sign-in, MFA API or configuration error is shown. */
  "mfa-manager:error": CustomEvent<MfaManagerError>;
}

/**
 * A mounted widget, as returned by `mount()`. The widget stays on the page until `unmount()`,
 * whether or not the handle is kept; keep it to take the widget away later.
 */
export interface MfaManagerHandle {
  /** Removes the widget from the page and forgets its session. */
  unmount(): void;
  /** Releases what the handle holds (after `unmount()`, when it is no longer needed). */
  free(): void;
}

/**
 * Mounts mfa-manager inside `element`. Sign-in uses a popup unless `mode` says otherwise, so
 * the host page is never navigated away. `onDone`, if given, receives the app-audience token
 * when the user is done; the same detail is dispatched as `mfa-manager:done`. A bad
 * configuration is shown inside the element, naming each wrong key. The signed-out screen
 * shows at once, before the rest of the widget is fetched; the handle is returned at once too
 * (see {@link MfaManagerHandle}).
 */
export function mount(
  element: HTMLElement,
  config: MfaManagerMountConfig,
  onDone?: ((token: MfaManagerToken) => void) | null,
): MfaManagerHandle;

/**
 * The attributes of `<mfa-manager>`: the configuration keys with `-` for `_`. `demo` is a
 * boolean attribute (present means on). Changing one while the element is on the page mounts
 * the widget afresh (the user signs in again).
 */
export interface MfaManagerAttributes {
  /** See {@link MfaManagerConfig.domain}. */
  domain?: string;
  /** See {@link MfaManagerConfig.canonical_domain}. */
  "canonical-domain"?: string;
  /** See {@link MfaManagerConfig.client_id}. */
  "client-id"?: string;
  /** See {@link MfaManagerConfig.redirect_uri}. */
  "redirect-uri"?: string;
  /** See {@link MfaManagerConfig.app_audience}. */
  "app-audience"?: string;
  /** See {@link MfaManagerConfig.app_scope}. */
  "app-scope"?: string;
  /** See {@link MfaManagerConfig.return_to}. */
  "return-to"?: string;
  /** See {@link MfaManagerConfig.mode}; `popup` by default. */
  mode?: MfaManagerMode;
  /** See {@link MfaManagerConfig.api}. */
  api?: MfaManagerApi;
  /** See {@link MfaManagerConfig.lang}. */
  lang?: MfaManagerLang;
  /** Present (`""` or `true`) runs demo mode; see {@link MfaManagerConfig.demo}. */
  demo?: boolean | "";
}

/**
 * `<mfa-manager>` in JSX: its attributes, and handlers named after the events in the way
 * React 19, Preact and Solid attach listeners to custom elements (`onmfa-manager:done`).
 */
export interface MfaManagerJsxProps extends MfaManagerAttributes {
  /** Listener for `mfa-manager:done`. */
  "onmfa-manager:done"?: (event: MfaManagerEventMap["mfa-manager:done"]) => void;
  /** Listener for `mfa-manager:change`. */
  "onmfa-manager:change"?: (event: MfaManagerEventMap["mfa-manager:change"]) => void;
  /** Listener for `mfa-manager:error`. */
  "onmfa-manager:error"?: (event: MfaManagerEventMap["mfa-manager:error"]) => void;
  /** Element id. */
  id?: string;
  /** Class names (Preact, Solid). */
  class?: string;
  /** Class names (React). */
  className?: string;
  /** Children are replaced by the widget when it mounts. */
  children?: unknown;
  /** Reference to the element. */
  ref?: unknown;
  /** Key of the element in a list. */
  key?: string | number;
}

/** The `<mfa-manager>` element; its events are typed on every `HTMLElement`. */
export interface MfaManagerElement extends HTMLElement {}

declare global {
  interface HTMLElementEventMap extends MfaManagerEventMap {}
  interface DocumentEventMap extends MfaManagerEventMap {}
  interface WindowEventMap extends MfaManagerEventMap {}
  interface HTMLElementTagNameMap {
    "mfa-manager": MfaManagerElement;
  }
  /**
   * JSX with a global `JSX` namespace (Preact's `jsx: preserve` setups, Solid, React before
   * 19). React 19 keeps JSX in `React.JSX`: add `"mfa-manager": MfaManagerJsxProps` to
   * `IntrinsicElements` in a `declare module "react" { namespace JSX { … } }` of your own.
   */
  namespace JSX {
    interface IntrinsicElements {
      "mfa-manager": MfaManagerJsxProps;
    }
  }
}
