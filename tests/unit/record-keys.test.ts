import { describe, expect, it } from 'vitest';
import { recordKeys } from '@/lib/pseudonym/record-keys';

// The secret record keys behind the cell keys (docs/disclosure-control.md).
const secret = Buffer.alloc(32, 5);
const base = { pseudonym: 'v1:abc', agbCode: '98100001', trajectId: 'T-1', respondent: null };

describe('record keys', () => {
  it('are the same for the same record, every time, and 63-bit non-negative', () => {
    const a = recordKeys(base, secret);
    expect(recordKeys(base, secret)).toEqual(a);
    for (const k of Object.values(a)) expect(k >= 0n && k < 1n << 63n).toBe(true);
  });

  it('give a client one key at every provider, and each respondent of a trajectory its own record key', () => {
    const elsewhere = recordKeys({ ...base, agbCode: '98100002', trajectId: 'X-9' }, secret);
    expect(elsewhere.clientKey).toBe(recordKeys(base, secret).clientKey);
    expect(elsewhere.trajectKey).not.toBe(recordKeys(base, secret).trajectKey);
    const rows = [null, '1', '2', '3'].map((respondent) => recordKeys({ ...base, respondent }, secret));
    expect(new Set(rows.map((r) => r.rowKey)).size).toBe(4);
    expect(new Set(rows.map((r) => r.trajectKey)).size).toBe(1);
  });

  it('depend on the secret: without it nobody computes them', () => {
    const other = recordKeys(base, Buffer.alloc(32, 6));
    const mine = recordKeys(base, secret);
    expect(other.clientKey).not.toBe(mine.clientKey);
    expect(other.trajectKey).not.toBe(mine.trajectKey);
    expect(other.rowKey).not.toBe(mine.rowKey);
  });
});
