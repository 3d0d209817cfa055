import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { Prisma } from '@/lib/db';
import { cachedRows, inBackground } from '@/lib/indicators/figure-cache';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { loadRecords, makeAanbieder, makeUser, scopeOf } from './helpers/fixtures';

// The figure cache (lib/indicators/figure-cache.ts) is attacked the two ways it could fail: a figure
// cached for one tenant returned to another, and a figure outliving the data it was computed from.
const AS_OF = new Date('2026-11-23T12:00:00Z');
const uitval = (scope: Scope) =>
  getIndicatorView(
    scope,
    findIndicator('uitval')!,
    parseViewParams(scope, new URLSearchParams('eind_van=2026-01&eind_tm=2026-06'), AS_OF),
  );

async function providerScope(uitvallers: number, others: number) {
  const a = await makeAanbieder();
  await loadRecords(a, [
    ...Array.from({ length: uitvallers }, (_, i) => ({ client: `${a.id}-u${i}`, redenEinde: '03' })),
    ...Array.from({ length: others }, (_, i) => ({ client: `${a.id}-o${i}`, redenEinde: '01' })),
  ]);
  return { aanbieder: a, scope: await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id) };
}

describe('figure cache', () => {
  it('never hands one provider the figures cached for another asking the same view', async () => {
    const one = await providerScope(3, 5);
    const two = await providerScope(6, 2);
    // The same view, the same parameters, twice each and interleaved: every answer is its own provider's.
    for (let i = 0; i < 2; i++) {
      expect((await uitval(one.scope)).total.headline.n).toBe(3);
      expect((await uitval(two.scope)).total.headline.n).toBe(6);
    }
  });

  it('shows a change in the data at the next request, whoever wrote it and however', async () => {
    const { aanbieder, scope } = await providerScope(2, 6);
    expect((await uitval(scope)).total.headline.n).toBe(2);
    // Not through the import: a plain UPDATE, as a retention job or a correction would write it.
    await withScope('system', (tx) =>
      tx.trajectory.updateMany({
        where: { aanbiederId: aanbieder.id, redenEinde: '01' },
        data: { redenEinde: '03' },
      }),
    );
    expect((await uitval(scope)).total.headline.n).toBe(8);
    // And through the import: a later file that adds trajectories.
    await loadRecords(aanbieder, [{ client: `${aanbieder.id}-late`, redenEinde: '03' }]);
    expect((await uitval(scope)).total.headline.n).toBe(9);
  });

  it('computes figures in the background a few at a time, and never queues what a page waits for', async () => {
    const { scope } = await providerScope(0, 1);
    // Each statement tells when it ran; distinct statements, so none is kept.
    const timed = (i: number) =>
      Prisma.sql`SELECT clock_timestamp() AS s, pg_sleep(0.15)::text, clock_timestamp() AS e, ${i}::int AS i, ${Math.random()}::float AS r`;
    const mostAtOnce = (spans: { s: Date; e: Date }[][]) => {
      const edges = spans.flatMap(([r]) => [
        [r.s.getTime(), 1],
        [r.e.getTime(), -1],
      ]);
      edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      let now = 0;
      let most = 0;
      for (const [, d] of edges) {
        now += d;
        most = Math.max(most, now);
      }
      return most;
    };
    const inTheBackground = await Promise.all(
      Array.from({ length: 6 }, (_, i) => inBackground(() => cachedRows<{ s: Date; e: Date }>(scope, timed(i)))),
    );
    expect(mostAtOnce(inTheBackground)).toBe(2); // FIGURES_IN_BACKGROUND_AT_ONCE
    const awaited = await Promise.all(
      Array.from({ length: 6 }, (_, i) => cachedRows<{ s: Date; e: Date }>(scope, timed(i))),
    );
    expect(mostAtOnce(awaited)).toBeGreaterThan(2);
  });

  it('runs a statement asked for by many at once once per scope, and never shares it across scopes', async () => {
    const one = await providerScope(0, 1);
    const two = await providerScope(0, 1);
    // One new statement (never kept before), asked for 8 times at once by each of two providers.
    const sql = Prisma.sql`SELECT clock_timestamp()::text AS t, pg_sleep(0.2)::text AS s, ${Math.random()}::float AS r`;
    const ask = (scope: Scope) => cachedRows<{ t: string }>(scope, sql);
    const answers = await Promise.all([
      ...Array.from({ length: 8 }, () => ask(one.scope)),
      ...Array.from({ length: 8 }, () => ask(two.scope)),
    ]);
    const ran = (xs: { t: string }[][]) => new Set(xs.map(([r]) => r.t)).size;
    expect(ran(answers.slice(0, 8))).toBe(1);
    expect(ran(answers.slice(8))).toBe(1);
    expect(answers[0][0].t).not.toBe(answers[8][0].t); // each scope ran its own
    // in the background too, without waiting for a turn
    const later = Prisma.sql`SELECT clock_timestamp()::text AS t, pg_sleep(0.2)::text AS s, ${Math.random()}::float AS r`;
    const background = await Promise.all(
      Array.from({ length: 6 }, () => inBackground(() => cachedRows<{ t: string }>(one.scope, later))),
    );
    expect(ran(background)).toBe(1);
  });
});
