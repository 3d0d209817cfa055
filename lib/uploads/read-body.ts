import { AppError } from '@/lib/errors';

/** Reads a request body up to `maxBytes`, refusing (without buffering the rest) anything larger. */
export async function readBody(req: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  const tooBig = () =>
    new AppError(`Het bestand is groter dan ${Math.round(maxBytes / 1024 / 1024)} MB.`, 400, 'TE_GROOT');
  if (declared > maxBytes) throw tooBig();
  if (!req.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}
