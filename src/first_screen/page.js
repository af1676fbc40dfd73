// The page's first screen, before its app: as soon as `config.json` is read, the signed-out
// screen (`screen.js`, written in front of this file) is shown in the visitor's language with
// a working Sign in button, and only then is the app (the wasm and its glue) fetched. A click
// on Sign in before the app is there is kept, said on screen, and carried out by the app when
// it takes over (`src/first_screen.rs`). Whatever this script is not sure of — a sign-in
// answer or demo mode in the URL, a configuration it cannot read — it leaves to the app, which
// then starts at once. Written into the build by `cargo xtask` with the app's files at the
// marker below.

// The tags that start the app (trunk's loader and the preloads of the glue and the wasm), as
// `[name, {attribute: value}]`: taken out of the page so they do not compete with this screen.
const APP = /*mfa-first-screen-app*/ [] /*mfa-first-screen-app*/;

const shared = (window.mfaManagerFirstScreen = { config: null, screen: null, clicked: false, popup: null });
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

// Shows the first screen for the page's configuration (redirect sign-in unless it says
// otherwise); false when the app must judge it.
function show(config) {
  const given = { ...config, mode: config.mode ?? "redirect" };
  if (!drawFirstScreen(shared, document.body, given, query.get("lang"), startApp)) return false;
  const { screen } = shared;
  Object.assign(document.documentElement, { lang: screen.lang, dir: screen.dir });
  document.title = screen.querySelector("h1").textContent;
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
