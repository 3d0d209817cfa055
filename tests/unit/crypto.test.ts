import './test-env';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openString, sealString } from '@/lib/crypto/secret-box';
import { pseudonymise } from '@/lib/pseudonym/pseudonymise';

describe('secret box (AES-256-GCM)', () => {
  it('round-trips and never stores the plain text', () => {
    const sealed = sealString('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openString(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });
  it('refuses a secret moved to another user (bound by associated data)', () => {
    expect(() => openString(sealString('geheim', 'user-1'), 'user-2')).toThrow();
  });
  it('refuses a tampered ciphertext', () => {
    const sealed = sealString('geheim', 'u');
    const [v, body] = sealed.split('.');
    const bytes = Buffer.from(body, 'base64url');
    bytes[bytes.length - 1] ^= 1;
    expect(() => openString(`${v}.${bytes.toString('base64url')}`, 'u')).toThrow();
  });
});

describe('pseudonymise (stage 2)', () => {
  const key = randomBytes(32).toString('base64');
  it('is deterministic per key and carries the key version', () => {
    expect(pseudonymise('abc123', key, 1)).toBe(pseudonymise('abc123', key, 1));
    expect(pseudonymise('abc123', key, 1)).toMatch(/^v1:[0-9a-f]{64}$/);
    expect(pseudonymise('abc123', key, 2)).toMatch(/^v2:/);
  });
  it('differs per key, so nobody without the TTP key can link it to the provider pseudonym', () => {
    const other = randomBytes(32).toString('base64');
    expect(pseudonymise('abc123', key)).not.toBe(pseudonymise('abc123', other));
    expect(pseudonymise('abc123', key)).not.toContain('abc123');
  });
  it('links the same client across providers (same stage-1 value, surrounding spaces ignored)', () => {
    expect(pseudonymise(' abc123 ', key)).toBe(pseudonymise('abc123', key));
  });
});
