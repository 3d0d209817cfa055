import { headers } from 'next/headers';
import { env } from '@/lib/env';
import { PEER_HEADER } from '@/lib/security/peer-address';

const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');

/**
 * The client's address, for the audit log and the rate limits. Without trusted proxies
 * (TRUSTED_PROXY_HOPS 0) it is the TCP peer and X-Forwarded-For is ignored: anyone can send one.
 * Behind n proxies that each append the address they received from, it is the n-th entry of
 * X-Forwarded-For from the right: the entries left of it are the client's own to make up.
 */
export function addressFromHeaders(h: Pick<Headers, 'get'>, hops = env().TRUSTED_PROXY_HOPS): string | null {
  const peer = h.get(PEER_HEADER) || null;
  if (hops === 0) return peer && plain(peer);
  const chain = (h.get('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const client = chain.length >= hops ? chain[chain.length - hops] : (chain[0] ?? peer);
  return client ? plain(client) : null;
}

export async function requestAddress(): Promise<string | null> {
  return addressFromHeaders(await headers());
}
