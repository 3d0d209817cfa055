import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

// AES-256-GCM for secrets at rest. Format: "v1.<iv>.<tag>.<ciphertext>", all base64url.
const VERSION = 'v1';

/** The data key (AES-256) for secrets and files at rest. */
export function dataKey(): Buffer {
  return Buffer.from(env().DATA_ENCRYPTION_KEY, 'base64');
}

function encryptBytes(plain: Buffer, aad = ''): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', dataKey(), iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function decryptBytes(sealed: Buffer, aad = ''): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', dataKey(), sealed.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}

/** Encrypts a short string; `aad` binds it to its owner (e.g. the user id) so it cannot be moved. */
export function sealString(plain: string, aad: string): string {
  return `${VERSION}.${encryptBytes(Buffer.from(plain, 'utf8'), aad).toString('base64url')}`;
}

export function openString(sealed: string, aad: string): string {
  const [version, body] = sealed.split('.');
  if (version !== VERSION || !body) throw new Error('Onbekend formaat van versleuteld geheim');
  return decryptBytes(Buffer.from(body, 'base64url'), aad).toString('utf8');
}
