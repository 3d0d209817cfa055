import { env } from '@/lib/env';

// Cross-site request forgery: a state-changing request that a browser sends from another site is
// refused, with this answer, by proxy.ts (every page, form action and route) and again by runRoute.

export const CROSS_SITE_REFUSAL =
  'Geweigerd: dit verzoek kwam niet van een pagina van het portaal zelf (bescherming tegen cross-site request forgery). Open het portaal opnieuw en probeer het daar.';

/**
 * Same-origin only (the session cookie is SameSite=Lax already): a Sec-Fetch-Site other than
 * same-origin (or none: typed or bookmarked), or an Origin other than APP_URL's, is refused. Origin
 * "null" (a sandboxed frame, a data: page, a redirect from another site; Next.js would answer such a
 * server action with a bare 500) is refused unless the browser itself says same-origin: a plain HTML
 * form posted from the portal's own page also sends "null", because every page has
 * `Referrer-Policy: no-referrer`, and Sec-Fetch-Site is a header no page can set. A request without
 * either (curl, a provider's script with a token) is not a browser's forged request.
 */
export function isCrossSite(headers: Headers): boolean {
  const site = headers.get('sec-fetch-site');
  const origin = headers.get('origin');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  if (origin === 'null') return site !== 'same-origin';
  return Boolean(origin && origin !== new URL(env().APP_URL).origin);
}
