import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';

// Record keys for the cell-key method (docs/disclosure-control.md): a secret, uniform 63-bit
// integer per client, per trajectory and per record, derived by HMAC under CELL_KEY_SECRET. The
// key never enters the database; only these derived values do, so whoever sees only the portal's
// output cannot compute a cell key, and the same contributors always give the same cell key.

export type RecordKeys = { clientKey: bigint; trajectKey: bigint; rowKey: bigint };

const MASK_63 = (1n << 63n) - 1n;
/** An odd 64-bit constant (the golden ratio): respondents 0–3 give four distinct record keys per trajectory. */
const STEP = 0x9e3779b97f4a7c15n;

/** The first two 63-bit words of a keyed hash: one HMAC serves a trajectory and its records. */
function wordsOf(secret: Buffer, input: string): [bigint, bigint] {
  const digest = createHmac('sha256', secret).update(input, 'utf8').digest();
  return [digest.readBigUInt64BE(0) >> 1n, digest.readBigUInt64BE(8) >> 1n];
}

/**
 * The keys of one record: the client's from its stage-2 pseudonym (so it is the same at every
 * provider), the trajectory's from the provider's AGB code and traject id, the record's (one
 * respondent's measurement) from the same hash and the respondent. Two HMACs per record: the import
 * computes them for every row (bench:import).
 */
export function recordKeys(
  r: { pseudonym: string; agbCode: string; trajectId: string; respondent: string | null },
  secret: Buffer = Buffer.from(env().CELL_KEY_SECRET, 'base64'),
): RecordKeys {
  const [trajectKey, recordBase] = wordsOf(secret, `traject|${r.agbCode}|${r.trajectId}`);
  // The record's key: the trajectory's second secret word, stepped by the respondent (none, 1, 2, 3):
  // uniform and secret like the word itself, and different for each respondent of one trajectory.
  const respondent = BigInt(r.respondent ? r.respondent.charCodeAt(0) - 47 : 0);
  return {
    clientKey: wordsOf(secret, `client|${r.pseudonym}`)[0],
    trajectKey,
    rowKey: (recordBase + respondent * STEP) & MASK_63,
  };
}
