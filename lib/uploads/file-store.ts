import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { dataKey } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env';

// Raw uploads at rest: AES-256-GCM with the data key, bound to the upload id (a file cannot be
// swapped for another upload's). Layout: "GPU1" | iv (12) | ciphertext | tag (16), written and read
// in slices so a large file is never held twice in memory. Files are named by upload id only.
const MAGIC = Buffer.from('GPU1');
const IV = 12;
const TAG = 16;
const SLICE = 1024 * 1024;
/** The stored copy is gone, not ours, or altered (its tag does not match). */
export class StoredFileUnreadable extends Error {}

/** The plaintext's size of a stored file of `size` bytes. */
const plainSize = (size: number) => Math.max(0, size - MAGIC.length - IV - TAG);
const fileFor = (uploadId: string) => path.resolve(env().UPLOAD_DIR, `${uploadId}.bin`);

/** What a stored file is written from: a whole buffer, or its chunks as they arrive (an upload's body). */
export type FileContent = Buffer | AsyncIterable<Uint8Array>;

/** The chunks of a FileContent (a buffer is one chunk). */
export const chunksOf = (content: FileContent): Iterable<Uint8Array> | AsyncIterable<Uint8Array> =>
  Buffer.isBuffer(content) ? [content] : content;

/**
 * Writes `content` encrypted under the upload's id, slice by slice as it arrives: memory stays flat in
 * the file's size. A content that fails midway (too big, the connection gone) leaves no file behind;
 * an existing file is never overwritten (nor removed).
 */
export async function storeUploadFile(uploadId: string, content: FileContent): Promise<string> {
  const file = fileFor(uploadId);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', dataKey(), iv).setAAD(Buffer.from(uploadId));
  const handle = await open(file, 'wx', 0o600);
  try {
    await pipeline(async function* () {
      yield Buffer.concat([MAGIC, iv]);
      for await (const chunk of chunksOf(content))
        for (let i = 0; i < chunk.length; i += SLICE) yield cipher.update(chunk.subarray(i, i + SLICE));
      yield Buffer.concat([cipher.final(), cipher.getAuthTag()]);
    }, handle.createWriteStream());
  } catch (err) {
    await rm(file, { force: true });
    throw err;
  }
  return file;
}

/**
 * The plaintext of a stored upload, slice by slice (~1 MB each): memory stays flat in the file's size.
 * The tag is checked after the last slice: an altered file throws there, so a caller must not keep
 * anything it took from the slices until the iteration has ended without an error (the import
 * works inside a transaction that a failed read rolls back).
 */
export async function* readUploadSlices(uploadId: string, file: string): AsyncGenerator<Buffer> {
  const head = Buffer.alloc(MAGIC.length + IV);
  const tag = Buffer.alloc(TAG);
  let size = 0;
  try {
    const handle = await open(file, 'r');
    try {
      size = (await handle.stat()).size;
      if (size < head.length + TAG) throw new Error('te kort');
      await handle.read(head, 0, head.length, 0);
      await handle.read(tag, 0, TAG, size - TAG);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new StoredFileUnreadable((err as Error).message); // gone or cut short
  }
  if (!head.subarray(0, MAGIC.length).equals(MAGIC))
    throw new StoredFileUnreadable('Onbekend bestandsformaat in de uploadopslag');
  const decipher = createDecipheriv('aes-256-gcm', dataKey(), head.subarray(MAGIC.length)).setAAD(
    Buffer.from(uploadId),
  );
  decipher.setAuthTag(tag);
  if (size > head.length + TAG) {
    for await (const chunk of createReadStream(file, { start: head.length, end: size - TAG - 1, highWaterMark: SLICE }))
      yield decipher.update(chunk as Buffer);
  }
  try {
    decipher.final(); // throws when the file was altered
  } catch (err) {
    throw new StoredFileUnreadable((err as Error).message);
  }
}

/** The plaintext of a stored upload as one buffer (each slice copied in as it comes). */
export async function readUploadFile(uploadId: string, file: string): Promise<Buffer> {
  const plain = Buffer.allocUnsafe(plainSize((await stat(file)).size));
  let pos = 0;
  for await (const slice of readUploadSlices(uploadId, file)) pos += slice.copy(plain, pos);
  return plain;
}

/** A file to read: in slices (memory flat in its size) or whole, and its size in bytes. */
export type FileSource = { size: number; slices: () => AsyncIterable<Buffer>; whole: () => Promise<Buffer> };

/** The first slice of a file (empty for an empty file); the rest is not read. */
export async function firstSlice(file: FileSource): Promise<Buffer> {
  for await (const slice of file.slices()) return slice;
  return Buffer.alloc(0);
}

/** A stored upload as a FileSource; its plaintext is read (and authenticated) at each pass. */
export async function storedUpload(uploadId: string, file: string): Promise<FileSource> {
  const { size } = await stat(file);
  return {
    size: plainSize(size),
    slices: () => readUploadSlices(uploadId, file),
    whole: () => readUploadFile(uploadId, file),
  };
}

export async function deleteUploadFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
