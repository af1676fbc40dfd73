// The signed-out screen drawn before the app is here, shared by the page's first-screen
// script (`page.js`) and the widget's entry module (`widget.js`): `cargo xtask` writes this
// part in front of each, with every language's texts at the marker below. The screen is the
// markup of `src/app/signed_out.rs` in the language the app will speak, with a working Sign in
// button; the app takes it over (`src/first_screen.rs`) through the object shared with it,
// `{screen, clicked, popup}`.

// Every language's texts of this screen, by locale: [heading, title, intro, "… {host} …",
// sign in, taking you to sign in, part unavailable]; `dir` is the writing direction.
const TEXTS = /*mfa-first-screen-texts*/ {} /*mfa-first-screen-texts*/;
// The sign-in window's name and features: those of the app's own (`src/auth/popup.rs`).
const SIGN_IN_WINDOW = ["mfa-manager:authorize", "popup,width=480,height=680"];

// The language the app will speak: `asked` (the page's `?lang=`), else the configured one (a
// well-formed tag the app does not have means English), else the browser's first the app has,
// else English. `undefined` when the app must decide (a configured tag that is no language tag).
function firstScreenLanguage(config, asked) {
  const known = (tag) => {
    const primary = String(tag).trim().split(/[-_]/)[0].toLowerCase();
    return Object.keys(TEXTS).find((t) => t.split("-")[0].toLowerCase() === primary);
  };
  if (asked != null && known(asked)) return known(asked);
  if (typeof config.lang === "string" && config.lang.trim() !== "") {
    if (known(config.lang)) return known(config.lang);
    return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(config.lang.trim()) ? "en" : undefined;
  }
  return (navigator.languages || []).map(known).find(Boolean) || "en";
}

// The tenant's host as the app shows it (no scheme, no port), or `undefined` when the app
// must judge the domain.
function firstScreenHost(domain) {
  try {
    const url = new URL(domain.includes("://") ? domain : `https://${domain}`);
    return /^https?:$/.test(url.protocol) && url.hostname ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

// An element named `name` with `attributes` and `children` (strings become text).
function firstScreenElement(name, attributes, ...children) {
  const element = document.createElement(name);
  for (const [attribute, value] of Object.entries(attributes)) element.setAttribute(attribute, value);
  element.append(...children);
  return element;
}

// Draws the signed-out screen for `config` (its `mode` already defaulted) at the end of
// `parent` and records it in `shared`; false, drawing nothing, for whatever the app must judge
// itself (demo mode, an unknown mode, a missing client ID, a domain or language it may refuse).
// `asked` is the page's `?lang=` (null for a widget). `onClick` runs on every click the screen
// takes: the first, and one after `shared.failed()` said the app could not be loaded.
function drawFirstScreen(shared, parent, config, asked, onClick) {
  const tag = firstScreenLanguage(config, asked);
  const tenant = typeof config.domain === "string" ? firstScreenHost(config.domain.trim()) : undefined;
  const mode = config.mode;
  const plain = (mode === "redirect" || mode === "popup") && config.demo !== true;
  if (!tag || !tenant || !plain || typeof config.client_id !== "string") return false;
  const [heading, title, intro, at, signIn, leaving, unavailable] = TEXTS[tag].texts;
  const [before, after = ""] = at.split("{host}");
  const button = firstScreenElement("button", { type: "button", class: "mfa-button mfa-primary", id: "mfa-sign-in" }, signIn);
  const card = firstScreenElement(
    "section",
    { class: "mfa-card", "aria-labelledby": "mfa-signed-out-title" },
    firstScreenElement("h2", { id: "mfa-signed-out-title" }, title),
    firstScreenElement("p", {}, intro),
    firstScreenElement("p", { class: "mfa-hint" }, before, firstScreenElement("strong", {}, tenant), after),
    button,
  );
  const screen = firstScreenElement(
    "main",
    { class: "mfa-manager", lang: tag, dir: TEXTS[tag].dir, "data-mfa-first-screen": "" },
    firstScreenElement("header", { class: "mfa-header" }, firstScreenElement("h1", {}, heading)),
    card,
  );
  // A click before the app is here: the button says what happens and takes no second click;
  // in popup mode the sign-in window opens now, while the browser allows it, for the app.
  button.addEventListener("click", () => {
    if (shared.clicked) return;
    shared.clicked = true;
    if (mode === "popup") shared.popup = window.open("", ...SIGN_IN_WINDOW);
    card.querySelector("#mfa-part-unavailable")?.remove();
    button.setAttribute("aria-disabled", "true");
    button.textContent = leaving;
    onClick();
  });
  // The app could not be loaded: the click is undone (its window closed) and said, and the
  // next click tries again.
  shared.failed = () => {
    shared.popup?.close();
    Object.assign(shared, { clicked: false, popup: null });
    button.removeAttribute("aria-disabled");
    button.textContent = signIn;
    const alert = firstScreenElement("p", { class: "mfa-error-message", role: "alert", id: "mfa-part-unavailable" }, unavailable);
    card.querySelector("#mfa-part-unavailable")?.remove();
    button.before(alert);
    return unavailable;
  };
  parent.append(screen);
  shared.screen = screen;
  performance.mark("mfa-manager:interactive");
  return true;
}
