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

  it('grades Jeugd and Wmo apart for a provider that delivers both', async () => {
    const scope = expectScope(await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id), 'ttp');
    const both = await makeAanbieder();
    await db().processingAgreement.create({
      data: { aanbiederId: both.id, version: '1', status: 'ONDERTEKEND', domeinen: ['JEUGD', 'WMO'] },
    });
    const end = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const ten = (prefix: string, measured: number, extra: object) =>
      Array.from({ length: 10 }, (_, i) => ({
        client: `${prefix}-${i}`,
        trajectId: `T-${i}`, // the same trajectnummers in both domains: still ten each
        begindatum: '2024-01-01',
        einddatum: end,
        ...(i < measured ? { tevredenheid: 8 } : {}),
        ...extra,
      }));
    await loadRecords(both, [
      ...ten('mj', 6, {}),
      ...ten('mw', 1, { domein: 'WMO' as const, hulpvorm: null, productcategorie: '02' }),
    ]);
    const rows = (await listMaturity(scope)).filter((r) => r.id === both.id);
    expect(rows.map((r) => [r.domein, r.level, r.respons, r.ended])).toEqual([
      ['JEUGD', 6, 60, 10],
      ['WMO', 4, 10, 10],
    ]);
  });
});
