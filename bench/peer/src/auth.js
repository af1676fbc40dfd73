import { createAuth0Client } from '@auth0/auth0-spa-js'
import { baseUrlOf } from './config.js'

export const MFA_SCOPE = 'openid profile enroll read:authenticators remove:authenticators'

// Keeps the domain's scheme, so a local emulator on plain http works too.
export const mfaAudience = (domain) => `${baseUrlOf(domain)}/mfa/`

const redirectUri = () => window.location.origin + window.location.pathname

// Creates the client and, when we are coming back from /authorize, finishes the login.
// Returns { client, callbackError }.
export async function initAuth(config) {
  const client = await createAuth0Client({
    domain: config.domain,
    clientId: config.clientId,
    authorizationParams: { redirect_uri: redirectUri() },
    // cacheLocation defaults to 'memory': tokens never touch storage.
  })

  let callbackError = null
  const params = new URLSearchParams(window.location.search)
  if ((params.has('code') || params.has('error')) && params.has('state')) {
    try {
      await client.handleRedirectCallback()
    } catch (err) {
      callbackError = err
    }
    window.history.replaceState({}, document.title, window.location.pathname)
  }
  return { client, callbackError }
}

export function signIn(client, domain) {
  return client.loginWithRedirect({
    authorizationParams: {
      audience: mfaAudience(domain),
      scope: MFA_SCOPE,
    },
  })
}

export function getMfaToken(client, domain) {
  return client.getTokenSilently({
    authorizationParams: {
      audience: mfaAudience(domain),
      scope: MFA_SCOPE,
    },
  })
}

export function getAppToken(client, appAudience) {
  return client.getTokenSilently({ authorizationParams: { audience: appAudience } })
}

export function signOut(client) {
  return client.logout({ logoutParams: { returnTo: redirectUri() } })
}
