// mfa-manager's stable entry point: revalidate this file, cache the hashed ones it loads
// forever. Defines <mfa-manager> and exports mount(); types in mfa-manager.d.ts.
//
// A widget shows its signed-out screen (`screen.js`, written in front of this file with the
// element's class `src/element.js`) as soon as the stylesheet is here, and only then fetches
// the app (the wasm and its glue), which takes the screen over and carries out a Sign in
// clicked on it meanwhile. `mount()` returns its handle at once. Every file is named
// `new URL("./file", import.meta.url)` or `import("./file")` with a literal name (written by
// `cargo xtask` at the markers), the forms bundlers follow.

// The element's attributes: the configuration's keys with `-` for `_` (`src/element.rs`).
const ATTRIBUTES = ["domain", "canonical-domain", "client-id", "redirect-uri", "app-audience",
  "app-scope", "return-to", "mode", "api", "lang", "demo"];

// The stylesheet, linked unless the host page links it already (or its stable copy
// `mfa-manager.css`, named here so that bundlers leave it alone); drawn before it is here, the
// screen would flash unstyled.
const styled = new Promise((resolve) => {
  const href = new URL(/*mfa-manager-style*/ "./main.css" /*mfa-manager-style*/, import.meta.url).href;
  const stable = import.meta.url.replace(/[^/]*$/, "") + "mfa-manager.css";
  if ([...document.querySelectorAll('link[rel~="stylesheet"]')].some((l) => l.href === href || l.href === stable)) {
    resolve();
    return;
  }
  const link = Object.assign(document.createElement("link"), { rel: "stylesheet", href });
  link.addEventListener("load", resolve);
  link.addEventListener("error", resolve);
  document.head.append(link);
});

// The app's glue module, started; loaded once for every widget of the page, again after a
// failure.
let app = null;
function loadApp() {
  if (!app) {
    const wasm = fetch(new URL(/*mfa-manager-wasm*/ "./app_bg.wasm" /*mfa-manager-wasm*/, import.meta.url));
    wasm.catch(() => {});
    app = import(/*mfa-manager-module*/ "./app.js" /*mfa-manager-module*/).then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
    app.catch(() => {
      app = null;
    });
  }
  return app;
}

// A widget in `element` for `config` (an object with the configuration's keys): its first
// screen, then the app, mounted by `mountApp(glue, shared)`. Returns its handle.
function widget(element, config, mountApp) {
  const shared = { screen: null, clicked: false, popup: null, failed: null };
  let mounted = null;
  let gone = false;
  let loading = null;
  const start = () => {
    loading ??= loadApp().then(
      (glue) => {
        if (!gone) mounted = mountApp(glue, shared);
      },
      (error) => {
        loading = null;
        // Fetched ahead while the visitor reads the screen: the click tries again, and says so
        // if that fails too.
        if (gone || (shared.screen && !shared.clicked)) return;
        console.error("mfa-manager could not be loaded:", error);
        const message = shared.failed ? shared.failed() : `mfa-manager could not be loaded (${error})`;
        const detail = { message };
        element.dispatchEvent(new CustomEvent("mfa-manager:error", { detail, bubbles: true, composed: true }));
      },
    );
  };
  const given = { ...Object(config) };
  given.mode ??= "popup";
  // A sign-in answer in the host page's address comes back to a widget that signs in by
  // redirect: the app reads it at once.
  const query = new URLSearchParams(location.search);
  const answered = given.mode === "redirect" && ["code", "state", "error"].some((name) => query.has(name));
  if (answered) {
    start();
  } else {
    styled.then(() => {
      if (!gone && !mounted) drawFirstScreen(shared, element, given, null, start);
      start();
    });
  }
  return {
    unmount() {
      gone = true;
      shared.popup?.close();
      shared.screen?.remove();
      mounted?.unmount();
    },
    free() {
      mounted?.free();
    },
  };
}

defineMfaManagerElement("mfa-manager", ATTRIBUTES, (element) => {
  const config = {};
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) config[name.replaceAll("-", "_")] = name === "demo" ? true : value;
  }
  return widget(element, config, (glue, shared) => glue.mountElement(element, shared));
});

// Mounts mfa-manager inside `element` (see mfa-manager.d.ts).
export function mount(element, config, onDone) {
  return widget(element, config, (glue, shared) => glue.mount(element, config, onDone, shared));
}
