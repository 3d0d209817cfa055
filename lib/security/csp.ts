// The Content Security Policy, per response (proxy.ts): scripts only from this site and with this
// response's nonce ('strict-dynamic' lets Next.js's own scripts load the chunks they need), never
// inline script without it. Styles keep 'unsafe-inline' (React style attributes cannot carry a
// nonce). 'unsafe-eval' only for `next dev`. Images: the 2FA QR code is a data: URL.
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}
