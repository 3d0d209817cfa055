import './test-env';
import { describe, expect, it, vi } from 'vitest';
import { isCrossSite } from '@/lib/security/same-origin';

vi.stubEnv('APP_URL', 'https://portaal.example.nl');
const h = (headers: Record<string, string>) => new Headers(headers);

describe('cross-site requests', () => {
  it("refuses what another site's page sends, whatever it says of its origin", () => {
    expect(isCrossSite(h({ 'sec-fetch-site': 'cross-site', origin: 'https://portaal.example.nl' }))).toBe(true);
    expect(isCrossSite(h({ 'sec-fetch-site': 'same-site', origin: 'https://andere.example.nl' }))).toBe(true);
    expect(isCrossSite(h({ origin: 'https://kwaad.example' }))).toBe(true);
    // a sandboxed frame or a data: page: Origin null, and no browser vouching for the same origin
    expect(isCrossSite(h({ origin: 'null' }))).toBe(true);
    expect(isCrossSite(h({ 'sec-fetch-site': 'cross-site', origin: 'null' }))).toBe(true);
  });

  it("lets the portal's own forms through, also a plain form that sends Origin null (Referrer-Policy no-referrer)", () => {
    expect(isCrossSite(h({ 'sec-fetch-site': 'same-origin', origin: 'null' }))).toBe(false);
    expect(isCrossSite(h({ 'sec-fetch-site': 'same-origin', origin: 'https://portaal.example.nl' }))).toBe(false);
    // a script with a token: neither header
    expect(isCrossSite(h({}))).toBe(false);
  });
});
