import { beforeAll, describe, expect, it } from 'vitest';
import { withScope } from '@/lib/access/with-scope';
import { Prisma } from '@/lib/db';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { loadRecords, makeAanbieder, makeGemeente, makeRegio, makeUser, scopeOf } from './helpers/fixtures';

// The pairs (municipality, provider) behind the dashboards' filter "aanbieder" are kept by triggers on
// trajectory (migration 20261202000000). After every kind of write they must be exactly the pairs the
// trajectories have, and a municipality may read only its own.
type Org = { id: string; agbCode: string | null; cbsCode: string | null };
let a1: Org, a2: Org, g1: Org, g2: Org;

const pairs = (table: 'trajectory' | 'aanbieder_gemeente', ids: string[]) =>
  withScope(
    'system',
    (tx) =>
      tx.$queryRaw<{ g: string; a: string }[]>`
      SELECT DISTINCT gemeentecode AS g, aanbieder_id::text AS a FROM ${Prisma.raw(table)}
      WHERE aanbieder_id = ANY(${ids}::uuid[]) ORDER BY 1, 2`,
  );
/** The kept pairs of this test's providers, after checking them against the trajectories. */
async function keptPairs() {
  const ids = [a1.id, a2.id];
  const kept = await pairs('aanbieder_gemeente', ids);
  expect(kept).toEqual(await pairs('trajectory', ids));
  return kept.map((p) => `${p.g}:${p.a === a1.id ? 'a1' : 'a2'}`).sort();
}
const code = (g: Org) => g.cbsCode!;

beforeAll(async () => {
  [a1, a2, g1, g2] = await Promise.all([makeAanbieder(), makeAanbieder(), makeGemeente(), makeGemeente()]);
});

describe('aanbieder_gemeente', () => {
  it('follows every write to trajectory: the import, its re-delivery, an update, a delete', async () => {
    await loadRecords(a1, [
      { client: 'ag-x1', trajectId: 'AG-1', gemeentecode: code(g1) },
      { client: 'ag-x2', trajectId: 'AG-2', gemeentecode: code(g1) },
    ]);
    await loadRecords(a2, [{ client: 'ag-y1', trajectId: 'AG-3', gemeentecode: code(g2) }]);
    expect(await keptPairs()).toEqual([`${code(g1)}:a1`, `${code(g2)}:a2`].sort());

    // A re-delivery moves one client to another municipality (the merge's update path): the old pair
    // stays, another trajectory still has it.
    await loadRecords(a1, [{ client: 'ag-x1', trajectId: 'AG-1', gemeentecode: code(g2) }]);
    expect(await keptPairs()).toEqual([`${code(g1)}:a1`, `${code(g2)}:a1`, `${code(g2)}:a2`].sort());

    // A plain UPDATE moves the last one: now the pair goes.
    await withScope('system', (tx) =>
      tx.trajectory.updateMany({ where: { aanbiederId: a1.id }, data: { gemeentecode: code(g2) } }),
    );
    expect(await keptPairs()).toEqual([`${code(g2)}:a1`, `${code(g2)}:a2`].sort());

    // Deleting one of two trajectories keeps the pair; deleting a provider's last removes it.
    await withScope('system', (tx) => tx.trajectory.deleteMany({ where: { aanbiederId: a1.id, trajectId: 'AG-1' } }));
    expect(await keptPairs()).toEqual([`${code(g2)}:a1`, `${code(g2)}:a2`].sort());
    await withScope('system', (tx) => tx.trajectory.deleteMany({ where: { aanbiederId: a2.id } }));
    expect(await keptPairs()).toEqual([`${code(g2)}:a1`]);

    // And the filter lists exactly that: g2 and a region over both see a1 only, g1 sees nobody.
    const providersOf = async (orgId: string, role: 'GEMEENTE' | 'REGIO') =>
      (await getFilterOptions(await scopeOf((await makeUser(role, orgId)).id))).aanbieder.map((o) => o.value);
    expect(await providersOf(g2.id, 'GEMEENTE')).toEqual([a1.agbCode]);
    expect(await providersOf((await makeRegio([g1.id, g2.id])).id, 'REGIO')).toEqual([a1.agbCode]);
    expect(await providersOf(g1.id, 'GEMEENTE')).toEqual([]);
  });

  it('shows a municipality only its own pairs, even without a where-clause, and lets no user scope write', async () => {
    const [a3, g3, g4] = await Promise.all([makeAanbieder(), makeGemeente(), makeGemeente()]);
    await loadRecords(a3, [
      { client: 'ag-z1', gemeentecode: code(g3) },
      { client: 'ag-z2', gemeentecode: code(g4) },
    ]);
    const scope = await scopeOf((await makeUser('GEMEENTE', g3.id)).id);
    const seen = await withScope(
      scope,
      (tx) => tx.$queryRaw<{ g: string }[]>`SELECT gemeentecode AS g FROM aanbieder_gemeente`,
    );
    expect(seen.map((r) => r.g)).toEqual([code(g3)]);
    await expect(
      withScope(
        scope,
        (tx) =>
          tx.$executeRaw`INSERT INTO aanbieder_gemeente (gemeentecode, aanbieder_id) VALUES (${code(g3)}, ${a1.id}::uuid)`,
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(withScope(scope, (tx) => tx.$executeRaw`DELETE FROM aanbieder_gemeente`)).resolves.toBe(0);
  });
});
