// A React page embedding the widget as the <mfa-manager> element, from the npm package.
import { useEffect, useRef, useState } from "react";
import type { MfaManagerChange } from "mfa-manager";
import { tenant } from "./tenant";

// Loading the package defines <mfa-manager> and adds its stylesheet. Imported on demand, so
// the app's own first screen does not wait for the widget's wasm; the element upgrades when
// the module is ready.
void import("mfa-manager");

/** The account-security screen of the app. */
export function AccountSecurity() {
  const widget = useRef<HTMLElement>(null);
  // The app's own API token, kept in memory only (not in state, storage or the log).
  const apiToken = useRef<string | null>(null);
  const [tokenSeconds, setTokenSeconds] = useState<number | null>(null);
  const [lastChange, setLastChange] = useState<MfaManagerChange | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = widget.current;
    if (!element) {
      return;
    }
    // The event names and their `detail` types come from the package's declarations.
    const done = (event: HTMLElementEventMap["mfa-manager:done"]) => {
      apiToken.current = event.detail.access_token;
      setTokenSeconds(event.detail.expires_in);
    };
    const changed = (event: HTMLElementEventMap["mfa-manager:change"]) => {
      setLastChange(event.detail);
      setError(null);
    };
    const failed = (event: HTMLElementEventMap["mfa-manager:error"]) =>
      setError(event.detail.message);
    element.addEventListener("mfa-manager:done", done);
    element.addEventListener("mfa-manager:change", changed);
    element.addEventListener("mfa-manager:error", failed);
    return () => {
      element.removeEventListener("mfa-manager:done", done);
      element.removeEventListener("mfa-manager:change", changed);
      element.removeEventListener("mfa-manager:error", failed);
    };
  }, []);

  return (
    <>
      <h1>Example app (React)</h1>
      <p id="app-status" role="status">
        {tokenSeconds === null
          ? "The app has no token for its API yet."
          : `The app has a token for its API (valid ${tokenSeconds} s).`}
      </p>
      <p id="app-changes" role="status">
        {lastChange && `Sign-in methods changed: ${lastChange.kind} ${lastChange.reason}.`}
        {error && `The widget reported: ${error}`}
      </p>
      <mfa-manager
        ref={widget}
        domain={tenant.domain}
        client-id={tenant.clientId}
        app-audience={tenant.appAudience}
      />
    </>
  );
}
