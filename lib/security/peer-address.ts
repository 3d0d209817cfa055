import http from 'node:http';

/**
 * The header that carries the address of the TCP peer of a request: set by the portal's own server
 * on every request, over anything a client sent under that name. Next.js passes the socket to no
 * handler, and fills X-Forwarded-For with it only when the client sent none, so a handler cannot
 * tell a forged X-Forwarded-For from Next.js's own.
 */
export const PEER_HEADER = 'x-gemeenteportaal-peer';

const marked = Symbol.for('gemeenteportaal.peer-address');

/**
 * Makes every HTTP server in this process stamp PEER_HEADER on its requests before any listener
 * (Next.js's) sees them. Called once at server start (instrumentation.ts).
 */
export function stampPeerAddresses(): void {
  const proto = http.Server.prototype as http.Server & { [marked]?: true };
  if (proto[marked]) return;
  proto[marked] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
