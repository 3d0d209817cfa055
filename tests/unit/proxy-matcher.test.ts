import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';
import { filesNamed, urlOf } from '../e2e/helpers/app-tree';

// The proxy buffers every body it sees (proxy.ts): a route that reads a file from its body must stay
// outside it, and then guard itself against cross-site posts. Every other route keeps the proxy.
// The matcher is compiled by Next.js's own code, as the build compiles it.

const { getMiddlewareMatchers } = createRequire(import.meta.url)('next/dist/build/analysis/get-page-static-info.js');
const [matcher] = getMiddlewareMatchers(config.matcher, { basePath: '' }) as { regexp: string }[];
const proxied = (url: string) => new RegExp(matcher.regexp).test(url);

const READS_BODY = /\b(deliverFile|readBody|requestBody)\(|\breq\.(body|formData|json|text|arrayBuffer)\b/;
const routes = filesNamed('route.ts').map((file) => ({
  url: urlOf(file).replace(/\[[^\]]+\]/g, '0b6c3a52-3f0e-4a57-9d55-1d2b7e6f9a10'),
  source: readFileSync(file, 'utf8'),
}));
const bodyRoutes = routes.filter((r) => READS_BODY.test(r.source));

describe('the proxy and request bodies', () => {
  it('leaves every route that reads a body to that route, which refuses cross-site posts itself', () => {
    expect(bodyRoutes.map((r) => r.url).sort()).toEqual([
      '/api/beheer/overeenkomsten/0b6c3a52-3f0e-4a57-9d55-1d2b7e6f9a10/ondertekend',
      '/api/uploads',
      '/api/v1/aanleveringen',
    ]);
    for (const { url, source } of bodyRoutes) {
      expect(proxied(url), url).toBe(false);
      expect(proxied(`${url}/`), `${url}/`).toBe(false);
      // a token's route carries no cookie for a forged post to borrow; a session's checks the origin
      expect(/sameOrigin: true/.test(source) || /access: \{\s*token:/.test(source), url).toBe(true);
    }
  });

  it('runs on every other route and page, so they keep the CSRF check and the CSP nonce', () => {
    const others = routes.filter((r) => !bodyRoutes.includes(r)).map((r) => r.url);
    expect(others.length).toBeGreaterThan(10);
    for (const url of [...others, '/', '/inloggen', '/aanbieder/aanleveren', '/api/uploads/x/verslag', '/api/uploadsx'])
      expect(proxied(url), url).toBe(true);
    expect(proxied('/_next/static/chunks/app.js')).toBe(false);
  });
});
