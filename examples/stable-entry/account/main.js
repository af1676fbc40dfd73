// Embeds mfa-manager with mount(), importing only the stable entry module. Copy the files of
// dist/ (except index.html and config.json) as they are into the folder above this page; no
// file name needs changing. Put your tenant in place of acme.us.auth0.com,
// YOUR_SPA_CLIENT_ID and https://api.acme.com/.
import { mount } from "../mfa-manager.js";

const status = document.getElementById("app-status");

// The app's own API token, kept in memory only (never in storage, the URL or the log);
// send it as `Authorization: Bearer …` to the API named by app_audience.
let apiToken = null;

// The handle's unmount() takes the widget away again (exported here for the page's other
// modules). The signed-out screen shows at once; the rest of the widget follows.
export const widget = mount(
  document.getElementById("security"),
  {
    domain: "acme.us.auth0.com",
    client_id: "YOUR_SPA_CLIENT_ID",
    app_audience: "https://api.acme.com/",
  },
  ({ access_token, expires_in, scope }) => {
    apiToken = access_token;
    status.textContent = `The app has a token for its API (valid ${expires_in} s, scope "${scope}").`;
  },
);
