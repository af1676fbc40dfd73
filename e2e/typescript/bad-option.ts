// A host with a deliberately wrong option: `cargo xtask test` fails unless tsc rejects it,
// with this one error.
import { mount } from "../../types/mfa-manager.js";

const host = document.createElement("div");
mount(host, { domain: "acme.us.auth0.com", client_id: "YOUR_SPA_CLIENT_ID", mode: "sideways" });
