import { type NextRequest, NextResponse } from 'next/server';
import { env } from '@/lib/env';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { CROSS_SITE_REFUSAL, isCrossSite } from '@/lib/security/same-origin';
import { transportHeaders } from '@/lib/security/transport';

// Before every request: a state-changing request from another site is refused (pages' form
// actions, server actions and routes alike, with a Dutch answer), and every response gets a fresh
// nonce for its scripts (lib/security/csp.ts). Next.js reads the nonce from the request's CSP header
// and puts it on its own scripts; the root layout renders per request so each page gets its own.

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

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
