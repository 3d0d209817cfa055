// Where APP_URL is https the portal is only ever reached over TLS: browsers are told to keep to it
// (HSTS, two years), and every cookie is Secure (next-auth's `__Secure-` names). Cross-Origin-Opener-
// Policy keeps a window the portal opens, or that opens it, out of its browsing context group.

export const isHttps = (appUrl: string) => new URL(appUrl).protocol === 'https:';

/** Headers for every response (proxy.ts). */
export function transportHeaders(appUrl: string): Record<string, string> {
  return {
    'cross-origin-opener-policy': 'same-origin',
    ...(isHttps(appUrl) ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}
