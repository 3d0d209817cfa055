import { createReadStream } from 'node:fs';
import http from 'node:http';

export type RawAnswer = { status: number; body: string; ms: number };

/**
 * A POST as a script or a forged client sends it, which Playwright's request API cannot: the body
 * streamed from a file (with its length, or chunked without one when `length` is null), or a few
 * bytes under a declared length that they do not fill. Resolves with the first answer, and stops
 * sending then (a server that refuses does not have to read the rest).
 */
export function postRaw(
  url: string,
  headers: Record<string, string>,
  body: { file: string; length: number | null } | { bytes: Buffer; declaredLength: number },
): Promise<RawAnswer> {
  const t0 = performance.now();
  const length = 'file' in body ? body.length : body.declaredLength;
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { ...headers, ...(length === null ? {} : { 'content-length': String(length) }) },
    });
    const source = 'file' in body ? createReadStream(body.file) : null;
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(parts).toString('utf8'),
          ms: performance.now() - t0,
        });
        source?.destroy();
        req.destroy();
      });
    });
    req.on('error', reject);
    if ('file' in body) source?.pipe(req);
    else req.write(body.bytes); // and never ended: the declared length is not reached
  });
}
