import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { decryptBytes, encryptBytes } from '@/lib/crypto/secret-box';
import { env } from '@/lib/env';

// Raw uploads at rest: AES-256-GCM with the data key, bound to the upload id (a file cannot be
// swapped for another upload's). Files are named by upload id only: no provider name on disk.
const fileFor = (uploadId: string) => path.resolve(env().UPLOAD_DIR, `${uploadId}.bin`);

export async function storeUploadFile(uploadId: string, content: Buffer): Promise<string> {
  const file = fileFor(uploadId);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, encryptBytes(content, uploadId), { mode: 0o600, flag: 'wx' });
  return file;
}

export async function readUploadFile(uploadId: string, file: string): Promise<Buffer> {
  return decryptBytes(await readFile(file), uploadId);
}

export async function deleteUploadFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
