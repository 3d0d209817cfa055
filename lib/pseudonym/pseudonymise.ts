import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

/**
 * Stage-2 pseudonym: HMAC-SHA-256 of the provider's stage-1 client number under the TTP key,
 * prefixed with the key version ("v1:…") so the key can be rotated. The key never leaves the server.
 */
export function pseudonymise(stage1: string, key = env().PSEUDONYM_KEY, version = env().PSEUDONYM_KEY_VERSION): string {
  const mac = createHmac('sha256', Buffer.from(key, 'base64')).update(stage1.trim(), 'utf8').digest('hex');
  return `v${version}:${mac}`;
}
