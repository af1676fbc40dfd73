/** The tenant and the Single Page Application (see "Configuration" in the project's README). */
export const tenant = {
  domain: "acme.us.auth0.com",
  clientId: "YOUR_SPA_CLIENT_ID",
  appAudience: "https://api.acme.com/",
};
