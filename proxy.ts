import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { CROSS_SITE_REFUSAL, isCrossSite } from '@/lib/security/same-origin';
import { transportHeaders } from '@/lib/security/transport';

// Before every request (but those that carry a file, see config below): a state-changing request from
// another site is refused (pages' form actions, server actions and routes alike, with a Dutch answer),
// and every response gets a fresh nonce for its scripts (lib/security/csp.ts). Next.js reads the nonce
// from the request's CSP header and puts it on its own scripts; the root layout renders per request so
// each page gets its own.

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function proxy(request: NextRequest) {
  // The token APIs carry no cookie, so a forged cross-site call has nothing to borrow.
  const tokenApi = request.nextUrl.pathname.startsWith('/api/v1/');
  if (!SAFE.has(request.method) && !tokenApi && isCrossSite(request.headers)) {
    return new NextResponse(CROSS_SITE_REFUSAL, {
      status: 403,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        ...transportHeaders(env().APP_URL),
      },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV !== 'production');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(transportHeaders(env().APP_URL))) response.headers.set(name, value);
  return response;
}

// The routes that take a file as their body stay out of the proxy. For a request it runs on, Next.js
// buffers the body in memory (up to experimental.proxyClientMaxBodySize, next.config.js), waits for its
// end and passes on only what fits: a larger file would arrive cut off, a false Content-Length would be
// waited for. Raising that buffer to UPLOAD_MAX_MB would hold every upload whole in memory. Outside the
// proxy each route streams its body itself up to its own limit (lib/uploads/read-body.ts) and runs
// through runRoute, whose same-origin check refuses a cross-site post (sameOrigin: true; the delivery
// API takes a token, not a cookie); their answers are JSON or a redirect, so they need no CSP nonce.
// tests/unit/proxy-matcher.test.ts holds this list to the routes. Next.js reads the matcher as a literal.
export const config = {
  matcher: [
    {
      source:
        '/((?!_next/static|_next/image|favicon.ico|api/uploads/?$|api/v1/aanleveringen/?$|api/beheer/overeenkomsten/[^/]+/ondertekend/?$).*)',
    },
  ],
};
