import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { dataKey } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env';

// Raw uploads at rest: AES-256-GCM with the data key, bound to the upload id (a file cannot be
// swapped for another upload's). Layout: "GPU1" | iv (12) | ciphertext | tag (16), written and read
// in slices so a large file is never held twice in memory. Files are named by upload id only.
const MAGIC = Buffer.from('GPU1');
const IV = 12;
const TAG = 16;
const SLICE = 1024 * 1024;
const fileFor = (uploadId: string) => path.resolve(env().UPLOAD_DIR, `${uploadId}.bin`);

export async function storeUploadFile(uploadId: string, content: Buffer): Promise<string> {
  const file = fileFor(uploadId);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', dataKey(), iv).setAAD(Buffer.from(uploadId));
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  const write = (b: Buffer) => (out.write(b) ? undefined : new Promise<void>((r) => out.once('drain', () => r())));
  await write(Buffer.concat([MAGIC, iv]));
  for (let i = 0; i < content.length; i += SLICE) await write(cipher.update(content.subarray(i, i + SLICE)));
  await write(Buffer.concat([cipher.final(), cipher.getAuthTag()]));
  out.end();
  await finished(out);
  return file;
}

export async function readUploadFile(uploadId: string, file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  const head = Buffer.alloc(MAGIC.length + IV);
  const tag = Buffer.alloc(TAG);
  let size: number;
  try {
    size = (await handle.stat()).size;
    await handle.read(head, 0, head.length, 0);
    await handle.read(tag, 0, TAG, size - TAG);
  } finally {
    await handle.close();
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('Onbekend bestandsformaat in de uploadopslag');
  const decipher = createDecipheriv('aes-256-gcm', dataKey(), head.subarray(MAGIC.length)).setAAD(
    Buffer.from(uploadId),
  );
  decipher.setAuthTag(tag);
  const plain = Buffer.allocUnsafe(size - head.length - TAG);
  let pos = 0;
  for await (const chunk of createReadStream(file, { start: head.length, end: size - TAG - 1, highWaterMark: SLICE })) {
    pos += decipher.update(chunk as Buffer).copy(plain, pos);
  }
  decipher.final(); // throws when the file was altered
  return plain;
}

export async function deleteUploadFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
