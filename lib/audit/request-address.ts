import { headers } from 'next/headers';

/**
 * The client's address as the reverse proxy reports it. Behind a proxy, configure it to set
 * X-Forwarded-For (the first entry is the client); without one, Next.js does not expose the socket.
 */
export function addressFromHeaders(h: Pick<Headers, 'get'>): string | null {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || h.get('x-real-ip') || null;
}

export async function requestAddress(): Promise<string | null> {
  return addressFromHeaders(await headers());
}
