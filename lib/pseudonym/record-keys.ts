import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

// Record keys for the cell-key method (docs/disclosure-control.md): a secret, uniform 63-bit
// integer per client, per trajectory and per record, derived by HMAC under CELL_KEY_SECRET. The
// key never enters the database; only these derived values do, so whoever sees only the portal's
// output cannot compute a cell key, and the same contributors always give the same cell key.

export type RecordKeys = { clientKey: bigint; trajectKey: bigint; rowKey: bigint };

const keyOf = (secret: Buffer, input: string) =>
  createHmac('sha256', secret).update(input, 'utf8').digest().readBigUInt64BE(0) >> 1n;

/**
 * The keys of one record: the client's from its stage-2 pseudonym (so it is the same at every
 * provider), the trajectory's from the provider's AGB code and traject id, the record's (one
 * respondent's measurement) from those and the respondent.
 */
export function recordKeys(
  r: { pseudonym: string; agbCode: string; trajectId: string; respondent: string | null },
  secret: Buffer = Buffer.from(env().CELL_KEY_SECRET, 'base64'),
): RecordKeys {
  return {
    clientKey: keyOf(secret, `client|${r.pseudonym}`),
    trajectKey: keyOf(secret, `traject|${r.agbCode}|${r.trajectId}`),
    rowKey: keyOf(secret, `record|${r.agbCode}|${r.trajectId}|${r.respondent ?? ''}`),
  };
}
