import { createHash, createPrivateKey, createPublicKey, hkdfSync, sign, verify } from 'node:crypto';
import { dataKey } from './secret-box';

// Statements the TTP gives to providers (the deletion statement, docs/privacy.md) carry an Ed25519
// signature. The signing key is derived from the data key (HKDF, its own label), so no new secret
// has to be kept; the public key is printed in the processing register, and anyone can check a
// statement with it. A new data key means a new signing key: old statements keep the key they name.

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

function signingKey() {
  const seed = Buffer.from(hkdfSync('sha256', dataKey(), Buffer.alloc(0), 'gemeenteportaal verklaring v1', 32));
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, seed]), format: 'der', type: 'pkcs8' });
}

/** The public key (SPKI, base64) that checks the TTP's statements. */
export const statementPublicKey = () =>
  createPublicKey(signingKey()).export({ format: 'der', type: 'spki' }).toString('base64');

/** A short, readable fingerprint of a public key: the first 16 bytes of its SHA-256, in groups. */
export const keyFingerprint = (publicKey: string) =>
  (createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32).match(/.{4}/g) ?? []).join(
    ' ',
  );

/** JSON with its keys sorted at every level: the same statement always signs to the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export type Signature = { algoritme: 'Ed25519'; publiekeSleutel: string; handtekening: string };

export function signStatement(statement: object): Signature {
  const key = signingKey();
  return {
    algoritme: 'Ed25519',
    publiekeSleutel: createPublicKey(key).export({ format: 'der', type: 'spki' }).toString('base64'),
    handtekening: sign(null, Buffer.from(canonicalJson(statement)), key).toString('base64'),
  };
}

export function verifyStatement(statement: object, signature: Signature): boolean {
  const key = createPublicKey({ key: Buffer.from(signature.publiekeSleutel, 'base64'), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(canonicalJson(statement)), key, Buffer.from(signature.handtekening, 'base64'));
}
