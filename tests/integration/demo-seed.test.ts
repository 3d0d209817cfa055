import { describe, expect, it } from 'vitest';
import { withScope } from '@/lib/access/with-scope';
import { db } from '@/lib/db';
import { seedDemo } from '@/prisma/seed/seed-demo';

// Runs last in this database (other tests make their own organisations, so the seed must refuse).
describe('demo seed', () => {
  it('does nothing on a database that already holds organisations', async () => {
    if ((await db().organisation.count()) === 0) await db().organisation.create({ data: { kind: 'TTP', name: 'x' } });
    expect(await seedDemo({ trajectories: 10 })).toBe(false);
  });
  it('stores only stage-2 pseudonyms', async () => {
    const bad = await withScope('system', (tx) =>
      tx.trajectory.count({ where: { NOT: { clientPseudonym: { startsWith: 'v1:' } } } }),
    );
    expect(bad).toBe(0);
  });
});
