import { env } from '@/lib/env';

// Cross-site request forgery: a state-changing request that a browser sends from another site is
// refused, with this answer, by proxy.ts (every page, form action and route) and again by runRoute.

export const CROSS_SITE_REFUSAL =
  'Geweigerd: dit verzoek kwam niet van een pagina van het portaal zelf (bescherming tegen cross-site request forgery). Open het portaal opnieuw en probeer het daar.';

/**
 * Same-origin only (the session cookie is SameSite=Lax already). Browsers send Origin "null" under
 * our Referrer-Policy no-referrer, so Sec-Fetch-Site is the signal where they send it; a request
 * without either (curl, a provider's script with a token) is not a browser's forged request.
 */
export function isCrossSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  return Boolean(
    (site && site !== 'same-origin' && site !== 'none') ||
      (origin && origin !== 'null' && origin !== new URL(env().APP_URL).origin),
  );
}
