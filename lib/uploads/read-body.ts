import { AppError } from '@/lib/errors';

/** The one answer to a file over its limit, wherever it is counted: 413 Content Too Large. */
export const fileTooBig = (maxBytes: number) =>
  new AppError(`Het bestand is groter dan ${Math.round(maxBytes / 1024 / 1024)} MB.`, 413, 'TE_GROOT');

/**
 * A request body as its chunks arrive, up to `maxBytes`: a declared length over the limit is refused
 * at once (before anything is read), a body streamed without one when it passes the limit (the rest is
 * not read). Nothing is held: an upload is encrypted to disk chunk by chunk (receiveUpload).
 */
export function requestBody(req: Request, maxBytes: number): AsyncIterable<Uint8Array> {
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw fileTooBig(maxBytes);
  const body = req.body;
  return (async function* () {
    if (!body) return;
    let size = 0;
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        size += value.length;
        if (size > maxBytes) throw fileTooBig(maxBytes);
        yield value;
      }
    } finally {
      await reader.cancel().catch(() => undefined); // a no-op after the end; otherwise the rest unread
    }
  })();
}

/** A request body as one buffer, up to `maxBytes` (for small files read whole, such as a signed PDF). */
export async function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of requestBody(req, maxBytes)) chunks.push(chunk);
  return Buffer.concat(chunks);
}
