import { describe, expect, it } from 'vitest';
import { expectScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { listMaturity } from '@/lib/services/maturity/list-maturity';
import { loadRecords, makeAanbieder, makeTtp, makeUser, scopeOf } from './helpers/fixtures';

describe('maturity overview', () => {
  it('grades each provider from its agreement, uploads and respons', async () => {
    const scope = expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');
    const [none, signed, tested, low, good] = await Promise.all([1, 2, 3, 4, 5].map(() => makeAanbieder()));
    for (const a of [signed, tested, low, good])
      await db().processingAgreement.create({ data: { aanbiederId: a.id, version: '1', status: 'ONDERTEKEND' } });
    await db().upload.create({
      data: {
        aanbiederId: tested.id,
        kind: 'TEST',
        status: 'VERWERKT',
        fileName: 't.csv',
        sizeBytes: 10,
        sha256: 'a'.repeat(64),
        acceptedCount: 5,
      },
    });
    const end = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await loadRecords(
      low,
      Array.from({ length: 10 }, (_, i) => ({
        client: `low-${i}`,
        begindatum: '2024-01-01',
        einddatum: end,
        ...(i < 2 ? { tevredenheid: 8 } : {}),
      })),
    );
    await loadRecords(
      good,
      Array.from({ length: 10 }, (_, i) => ({
        client: `good-${i}`,
        begindatum: '2024-01-01',
        einddatum: end,
        ...(i < 6 ? { tevredenheid: 8 } : {}),
      })),
    );
    const rows = new Map((await listMaturity(scope)).map((r) => [r.id, r]));
    expect([none, signed, tested, low, good].map((a) => rows.get(a.id)?.level)).toEqual([1, 2, 3, 4, 6]);
    expect(rows.get(low.id)?.respons).toBe(20);
  });
});
