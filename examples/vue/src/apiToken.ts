// The app's own API token, handed over by the widget: kept in memory only (not in reactive
// state, storage or the log).
let token: string | null = null;

/** Keeps the token the widget handed over (`null` forgets it). */
export function keepApiToken(accessToken: string | null): void {
  token = accessToken;
}

/** The `Authorization` header for the app's API calls, once it has a token. */
export function apiAuthorization(): string | null {
  return token === null ? null : `Bearer ${token}`;
}
