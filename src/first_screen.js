// The page's first screen, before its app: as soon as `config.json` is read, the signed-out
// screen (the page's `<template id="mfa-first-screen">`) is shown in the visitor's language
// with a working Sign in button, and only then is the app (the wasm and its glue) fetched. A
// click on Sign in before the app is there is kept, said on screen, and carried out by the
// app when it takes over (`src/first_screen.rs`). Whatever this script is not sure of — a
// sign-in answer or demo mode in the URL, a configuration it cannot read or that signs in by
// popup — it leaves to the app, which then starts at once. Written into the build by
// `cargo xtask` with the texts and the app's files at the markers below.

// Every language's texts of this screen, by locale: [heading, title, intro, "… {host} …",
// sign in, taking you to sign in]; `dir` is the writing direction.
const TEXTS = /*mfa-first-screen-texts*/ {} /*mfa-first-screen-texts*/;
// The tags that start the app (trunk's loader and the preloads of the glue and the wasm), as
// `[name, {attribute: value}]`: taken out of the page so they do not compete with this screen.
const APP = /*mfa-first-screen-app*/ [] /*mfa-first-screen-app*/;

const shared = (window.mfaManagerFirstScreen = { config: null, screen: null, clicked: false });
const query = new URLSearchParams(location.search);

let started = false;
function startApp() {
  if (started) return;
  started = true;
  for (const [name, attributes] of APP) {
    const tag = document.createElement(name);
    for (const [attribute, value] of Object.entries(attributes)) tag.setAttribute(attribute, value);
    document.head.append(tag);
  }
}

// The language the app will speak: `?lang=`, else the configured one (a well-formed tag the
// page does not have means English), else the browser's first the page has, else English.
// `undefined` when the app must decide (a configured tag that is no language tag).
function language(config) {
  const known = (tag) => {
    const primary = String(tag).trim().split(/[-_]/)[0].toLowerCase();
    return Object.keys(TEXTS).find((t) => t.split("-")[0].toLowerCase() === primary);
  };
  const asked = query.get("lang");
  if (asked !== null && known(asked)) return known(asked);
  if (typeof config.lang === "string" && config.lang.trim() !== "") {
    if (known(config.lang)) return known(config.lang);
    return /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(config.lang.trim()) ? "en" : undefined;
  }
  return (navigator.languages || []).map(known).find(Boolean) || "en";
}

// The tenant's host as the app shows it (no scheme, no port), or `undefined` when the app
// must judge the domain.
function host(domain) {
  try {
    const url = new URL(domain.includes("://") ? domain : `https://${domain}`);
    return /^https?:$/.test(url.protocol) && url.hostname ? url.hostname : undefined;
  } catch {
    return undefined;
  }
}

function show(config) {
  const tag = language(config);
  const tenant = typeof config.domain === "string" ? host(config.domain.trim()) : undefined;
  const template = document.getElementById("mfa-first-screen");
  const plain = (config.mode === undefined || config.mode === "redirect") && config.demo !== true;
  if (!tag || !tenant || !template || !plain || typeof config.client_id !== "string") return false;
  const [heading, title, intro, at, signIn, leaving] = TEXTS[tag].texts;
  const screen = template.content.firstElementChild.cloneNode(true);
  const [before, after = ""] = at.split("{host}");
  const fill = { heading, title, intro, before, after, host: tenant, "sign-in": signIn };
  for (const part of screen.querySelectorAll("[data-text]")) part.textContent = fill[part.dataset.text];
  const button = screen.querySelector("#mfa-sign-in");
  // A click before the app is here: the button says what happens and takes no second click.
  button.addEventListener("click", () => {
    if (shared.clicked) return;
    shared.clicked = true;
    button.setAttribute("aria-disabled", "true");
    button.textContent = leaving;
    startApp();
  });
  Object.assign(screen, { lang: tag, dir: TEXTS[tag].dir });
  Object.assign(document.documentElement, { lang: tag, dir: TEXTS[tag].dir });
  document.title = heading;
  document.body.append(screen);
  shared.screen = screen;
  performance.mark("mfa-manager:interactive");
  return true;
}

if (query.has("demo")) {
  startApp();
} else {
  // The request of the page's preload of config.json, so that every engine takes its answer
  // (same-origin, so the answer is readable).
  const answer = fetch("config.json", { mode: "no-cors", credentials: "include" }).then(async (response) => {
    if (response.type.startsWith("opaque")) {
      throw new Error("config.json was redirected to another site, whose answer the page cannot read");
    }
    return { status: response.status, text: response.ok ? await response.text() : null };
  });
  shared.config = answer;
  const answered = ["code", "state", "error"].some((name) => query.has(name));
  if (answered) startApp();
  answer
    .then(({ text }) => text !== null && !answered && show(JSON.parse(text)))
    .catch(() => false)
    .then(startApp);
}
