import { afterEach, describe, expect, it, vi } from 'vitest';
import { transportHeaders } from '@/lib/security/transport';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** next-auth's options as the server builds them under this APP_URL and NEXTAUTH_URL (env() read afresh). */
async function optionsUnder(appUrl: string, nextauthUrl?: string) {
  vi.resetModules();
  process.env.APP_URL = appUrl;
  if (nextauthUrl) process.env.NEXTAUTH_URL = nextauthUrl;
  else delete process.env.NEXTAUTH_URL;
  return (await import('@/lib/auth/auth-options')).authOptions();
}

describe('an https portal keeps to https', () => {
  it('sends HSTS and Cross-Origin-Opener-Policy when APP_URL is https, no HSTS over plain http', () => {
    expect(transportHeaders('https://portaal.ttp.nl')).toEqual({
      'cross-origin-opener-policy': 'same-origin',
      'strict-transport-security': 'max-age=63072000; includeSubDomains',
    });
    expect(transportHeaders('http://localhost:3000')).not.toHaveProperty('strict-transport-security');
  });

  it('makes the session cookies Secure whenever APP_URL is https, whatever NEXTAUTH_URL says', async () => {
    expect((await optionsUnder('https://portaal.ttp.nl')).useSecureCookies).toBe(true);
    expect((await optionsUnder('https://portaal.ttp.nl', 'http://portaal.ttp.nl')).useSecureCookies).toBe(true);
    expect((await optionsUnder('http://localhost:3000')).useSecureCookies).toBe(false);
  });
});
