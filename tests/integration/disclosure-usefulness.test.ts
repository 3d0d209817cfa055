import { beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { MAX_OFFSET } from '@/lib/indicators/disclosure-control';
import type { GroupBy } from '@/lib/indicators/group-by';
import { type Figure, presentRows, type TableRow, toCountTable } from '@/lib/indicators/indicator-table';
import { queryIndicator } from '@/lib/indicators/query-indicator';
import { INDICATORS } from '@/lib/indicators/registry';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { loadAttackData } from './helpers/attack-data';
import { makeUser, scopeOf } from './helpers/fixtures';

// The other half of the promise: the figures users need stay visible. For a municipality and
// a region, over all seven indicators and the groupings totaal, aanbieder, gemeente and kwartaal,
// every cell is compared with the exact figure of the same query: at least 95 % of the cells with a
// true n of 10 or more are shown, each shown count within D of the truth, mean absolute error ≤ 1.
// Fixed test secrets (set before anything reads the environment): the same offsets in every run.
process.env.CELL_KEY_SECRET = Buffer.alloc(32, 21).toString('base64');
process.env.PSEUDONYM_KEY = Buffer.alloc(32, 22).toString('base64');

const AS_OF = new Date('2026-11-29T12:00:00Z');
const GROUPINGS: GroupBy[] = ['totaal', 'aanbieder', 'gemeente', 'kwartaal'];
/** Geen nieuwe start counts a trajectory once its window has passed: a period a year further back. */
const periodFor = (key: string) =>
  key === 'geen-nieuwe-start'
    ? { eind_van: '2025-01', eind_tm: '2025-12' }
    : { eind_van: '2026-01', eind_tm: '2026-12' };

let scopes: Record<'gemeente' | 'regio', Scope>;
beforeAll(async () => {
  const data = await loadAttackData('nut');
  scopes = {
    gemeente: await scopeOf((await makeUser('GEMEENTE', data.gemeenten[0].id)).id),
    regio: await scopeOf((await makeUser('REGIO', data.regio.id)).id),
  };
}, 120_000);

const figuresOf = (r: TableRow): Figure[] => [
  ...r.categories,
  r.headline,
  ...(r.respons ? [r.respons] : []),
  r.populatie,
];

describe('usefulness of the protected figures', () => {
  it('shows nearly every figure of 10 or more clients, each within D of the truth', async () => {
    const pairs: { truth: number; shown: number | null }[] = [];
    for (const scope of Object.values(scopes)) {
      for (const indicator of INDICATORS) {
        for (const groupBy of GROUPINGS) {
          const params = { domein: 'JEUGD' as const, groupBy, filters: periodFor(indicator.key), asOf: AS_OF };
          const shown = await getIndicatorView(scope, indicator, params);
          const exactCells = await queryIndicator(scope, {
            indicator,
            domein: 'JEUGD',
            groupBy,
            filters: params.filters,
            ctx: { asOf: AS_OF },
          });
          const exact = presentRows(indicator, toCountTable(exactCells), null, (g) => g);
          // the same rows (the page orders providers and municipalities by name, the exact table by key)
          const shownByKey = new Map([...shown.rows, shown.total].map((r) => [r.key, r]));
          // every row with clients is there (a protected table also lists the rows it can have without)
          expect(shownByKey.size).toBeGreaterThanOrEqual(exact.rows.length + 1);
          for (const row of [...exact.rows, exact.total]) {
            const shownRow = shownByKey.get(row.key)!;
            expect(shownRow).toBeDefined();
            figuresOf(row).forEach((f, j) => {
              pairs.push({ truth: f.n!, shown: figuresOf(shownRow)[j].n });
            });
          }
        }
      }
    }
    const large = pairs.filter((p) => p.truth >= 10);
    const visible = large.filter((p) => p.shown !== null);
    const errors = pairs.filter((p) => p.shown !== null).map((p) => Math.abs(p.shown! - p.truth));
    const mae = errors.reduce((s, e) => s + e, 0) / errors.length;
    console.log(
      `bruikbaarheid: ${visible.length} van ${large.length} cellen met n ≥ 10 getoond; gemiddelde absolute afwijking ${mae.toFixed(2)} over ${errors.length} getoonde cellen`,
    );
    expect(large.length).toBeGreaterThan(500);
    expect(visible.length / large.length).toBeGreaterThanOrEqual(0.95);
    expect(Math.max(...errors)).toBeLessThanOrEqual(MAX_OFFSET);
    expect(mae).toBeLessThanOrEqual(1);
    // Only a true 0–6, or any cell in a row of 0–6 clients, is hidden: the marker "< 7" is true.
    for (const p of pairs.filter((p) => p.shown === null)) expect(p.truth).toBeLessThan(7);
  });
});
