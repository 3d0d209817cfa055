import { describe, expect, it } from 'vitest';
import { addressFromHeaders } from '@/lib/audit/request-address';
import { PEER_HEADER } from '@/lib/security/peer-address';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('the address of a request', () => {
  it('without trusted proxies: the TCP peer, whatever X-Forwarded-For or X-Real-IP say', () => {
    const spoofed = h({ [PEER_HEADER]: '192.0.2.10', 'x-forwarded-for': '203.0.113.1', 'x-real-ip': '203.0.113.2' });
    expect(addressFromHeaders(spoofed, 0)).toBe('192.0.2.10');
    expect(addressFromHeaders(h({ [PEER_HEADER]: '::ffff:127.0.0.1' }), 0)).toBe('127.0.0.1');
    expect(addressFromHeaders(h({ 'x-forwarded-for': '203.0.113.1' }), 0)).toBeNull();
  });

  it('behind n proxies: the n-th entry from the right, never what the client put before it', () => {
    const twoHops = h({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '203.0.113.9, 198.51.100.7, 10.0.0.1' });
    expect(addressFromHeaders(twoHops, 1)).toBe('10.0.0.1');
    expect(addressFromHeaders(twoHops, 2)).toBe('198.51.100.7');
    const short = h({ [PEER_HEADER]: '10.0.0.2', 'x-forwarded-for': '198.51.100.7' });
    expect(addressFromHeaders(short, 2)).toBe('198.51.100.7');
    expect(addressFromHeaders(h({ [PEER_HEADER]: '10.0.0.2' }), 1)).toBe('10.0.0.2');
  });
});
