import { describe, expect, it } from 'vitest';
import type { Scope } from '@/lib/access/scope';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { loadRecords, makeAanbieder, makeGemeente, makeUser, type RecordInput, scopeOf } from './helpers/fixtures';

// Every indicator against small datasets computed by hand. The provider's own view is unsuppressed,
// so the exact figures show; the disclosure control has its own tests.
const AS_OF = new Date('2026-11-23T12:00:00Z');
const PERIOD = 'eind_van=2026-01&eind_tm=2026-06';

const view = (scope: Scope, key: string, query = PERIOD) =>
  getIndicatorView(scope, findIndicator(key)!, parseViewParams(scope, new URLSearchParams(query), AS_OF));

async function providerWith(rows: RecordInput[]) {
  const a = await makeAanbieder();
  await loadRecords(a, rows);
  return { aanbieder: a, scope: await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id) };
}
const times = (n: number, make: (i: number) => RecordInput) => Array.from({ length: n }, (_, i) => make(i));

describe('uitval', () => {
  it('counts reden einde 03 over ended trajectories in the period, with 04 beside it', async () => {
    const { scope } = await providerWith([
      ...times(3, (i) => ({ client: `u-03-${i}`, redenEinde: '03' })),
      { client: 'u-04', redenEinde: '04' },
      ...times(6, (i) => ({ client: `u-01-${i}`, redenEinde: '01' })),
      { client: 'u-running', einddatum: null },
      { client: 'u-later', einddatum: '2026-07-01', redenEinde: '03' },
      { client: 'u-earlier', begindatum: '2025-06-01', einddatum: '2025-12-31', redenEinde: '03' },
      { client: 'u-across', begindatum: '2025-06-01', einddatum: '2026-01-01', redenEinde: '01' },
    ]);
    const v = await view(scope, 'uitval');
    expect(v.protection).toBe(false);
    expect(v.total.populatie.n).toBe(11); // 10 + the trajectory that began before the period
    expect(v.total.headline).toEqual({ n: 3, pct: 27.3, suppressed: false });
    const byCode = Object.fromEntries(v.indicator.categories.map((c, i) => [c.key, v.total.categories[i]]));
    expect(byCode['04']).toEqual({ n: 1, pct: 9.1, suppressed: false });
    expect(byCode['01'].n).toBe(7);
    const perMonth = await view(scope, 'uitval', `${PERIOD}&groep=maand`);
    expect(perMonth.rows.map((r) => [r.key, r.populatie.n])).toEqual([
      ['2026-01', 1],
      ['2026-06', 10],
    ]);
    expect(perMonth.rows[0].label).toBe('jan 2026');
    expect(perMonth.total.label).toBe('Totaal');
  });

  it('counts trajectories for the percentage and distinct clients for n', async () => {
    const { scope } = await providerWith([
      { client: 'same', redenEinde: '03', einddatum: '2026-02-01' },
      { client: 'same', redenEinde: '03', einddatum: '2026-05-01' },
      { client: 'other', redenEinde: '01' },
    ]);
    const v = await view(scope, 'uitval');
    expect(v.total.headline).toEqual({ n: 1, pct: 66.7, suppressed: false });
    expect(v.total.populatie.n).toBe(2);
  });
});

describe('cliënttevredenheid', () => {
  it('puts scores in the bands ≤4, 5–7, ≥8, per measurement, and only measurements within 3 weeks of the end', async () => {
    const { scope } = await providerWith([
      ...[3, 4, 5, 7, 8, 10].map((score, i) => ({ client: `t-${i}`, tevredenheid: score })),
      { client: 't-late', tevredenheid: 9, meetdatum: '2026-05-01' }, // 60 days before the end: not valid
      { client: 't-none' },
      { client: 't-pair', trajectId: 'PAIR-1', respondent: '1', tevredenheid: 9 },
      { client: 't-pair', trajectId: 'PAIR-1', respondent: '2', tevredenheid: 6 },
    ]);
    const v = await view(scope, 'clienttevredenheid');
    const [laag, midden, hoog] = v.total.categories;
    expect(laag).toMatchObject({ n: 2, pct: 25 });
    expect(midden).toMatchObject({ n: 3, pct: 37.5 });
    expect(hoog).toMatchObject({ n: 3, pct: 37.5 });
    expect(v.total.respons).toMatchObject({ n: 7, pct: 80 }); // 8 of 10 records measured
    const perRespondent = await view(scope, 'clienttevredenheid', `${PERIOD}&groep=respondent`);
    expect(perRespondent.rows.map((r) => [r.key, r.headline.n])).toEqual([
      ['-', 2],
      ['1', 1],
      ['2', 0],
    ]);
    const parents = await view(scope, 'clienttevredenheid', `${PERIOD}&respondent=2`);
    expect(parents.total.categories.map((c) => c.n)).toEqual([0, 1, 0]);
  });

  it('shows no percentages when nothing was measured', async () => {
    const { scope } = await providerWith(times(4, (i) => ({ client: `nm-${i}` })));
    const v = await view(scope, 'clienttevredenheid');
    expect(v.total.categories.every((c) => c.n === 0 && c.pct === null)).toBe(true);
    expect(v.total.respons).toEqual({ n: 0, pct: 0, suppressed: false });
  });
});

describe('zonder hulp verder, afname problematiek, doelrealisatie', () => {
  it('distribute the answers and give the headline share', async () => {
    const { scope } = await providerWith([
      ...[1, 2, 3, 3, 4].map((a, i) => ({ client: `z-${i}`, zonderHulpVerder: a, doelrealisatie: a - 2 })),
      { client: 'z-free', verwijzer: '06', afnameProblematiek: 1 },
      { client: 'z-a1', afnameProblematiek: 1 },
      { client: 'z-a5', afnameProblematiek: 5 },
    ]);
    const zhv = await view(scope, 'zonder-hulp-verder');
    expect(zhv.total.categories.map((c) => c.n)).toEqual([1, 1, 2, 1]);
    expect(zhv.total.headline).toMatchObject({ n: 3, pct: 60 });
    const afname = await view(scope, 'afname-problematiek');
    expect(afname.total.populatie.n).toBe(7); // the freely accessible trajectory is not in it
    expect(afname.total.categories.map((c) => c.n)).toEqual([1, 0, 0, 0, 1]);
    expect(afname.total.headline).toMatchObject({ n: 1, pct: 50 });
    const doel = await view(scope, 'doelrealisatie');
    expect(doel.total.categories.map((c) => c.n)).toEqual([1, 1, 2, 1]);
    expect(doel.total.headline).toMatchObject({ n: 1, pct: 20 });
  });
});

describe('respons', () => {
  it('counts trajectories with a valid measurement on any indicator', async () => {
    const { scope } = await providerWith([
      { client: 'r-1', tevredenheid: 8 },
      { client: 'r-2', doelrealisatie: 2 },
      { client: 'r-3', zonderHulpVerder: 4, meetdatum: '2026-01-01' },
      { client: 'r-4' },
    ]);
    const v = await view(scope, 'respons');
    expect(v.total.headline).toEqual({ n: 2, pct: 50, suppressed: false });
  });
});

describe('na beëindiging geen nieuwe start', () => {
  it('links a client across providers and counts a trajectory only once its window has passed', async () => {
    const [a, b] = [await makeAanbieder(), await makeAanbieder()];
    await loadRecords(a, [
      { client: 'g-x', begindatum: '2025-01-01', einddatum: '2025-03-15' },
      { client: 'g-y', begindatum: '2025-01-01', einddatum: '2025-03-15' },
      { client: 'g-z', begindatum: '2025-01-01', einddatum: '2025-03-15' },
      { client: 'g-w', begindatum: '2025-01-01', einddatum: '2026-03-01' }, // window runs to 2026-12-31
      { client: 'g-v', begindatum: '2025-01-01', einddatum: '2025-03-15' },
      { client: 'g-v', begindatum: '2025-06-01', einddatum: null }, // same file, same provider: a new start
    ]);
    await loadRecords(b, [
      { client: 'g-x', begindatum: '2025-09-01', einddatum: null }, // within the window (to 2025-12-31)
      { client: 'g-y', begindatum: '2026-02-01', einddatum: null }, // after it
    ]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    const v = await view(scope, 'geen-nieuwe-start', 'eind_van=2025-01&eind_tm=2026-06');
    expect(v.total.populatie.n).toBe(4);
    expect(v.total.headline).toEqual({ n: 2, pct: 50, suppressed: false });
  });

  it('says from which month the figure is not known yet, instead of reading as zero', async () => {
    const a = await makeAanbieder();
    await loadRecords(a, [
      { client: 'nb-1', begindatum: '2025-01-01', einddatum: '2025-03-15' }, // window to 2025-12-31: counts
      { client: 'nb-2', begindatum: '2025-01-01', einddatum: '2026-03-15' }, // window to 2026-12-31: not yet
    ]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    const v = await view(scope, 'geen-nieuwe-start', 'eind_van=2025-01&eind_tm=2026-06');
    expect(v.unsettledFrom).toBe('2026-01'); // trajectories ended from January 2026: window runs past 23 Nov 2026
    expect(v.total.populatie.n).toBe(1);
    expect((await view(scope, 'geen-nieuwe-start', 'eind_van=2025-01&eind_tm=2025-06')).unsettledFrom).toBeNull();
    expect((await view(scope, 'uitval', 'eind_van=2025-01&eind_tm=2026-06')).unsettledFrom).toBeNull();
  });

  /** Trajectories ended in the first half of 2025 without a new start within the window. */
  const geenNieuweStartH1 = async (scope: Scope) =>
    (await view(scope, 'geen-nieuwe-start', 'eind_van=2025-01&eind_tm=2025-06')).total.headline.n;

  it('follows a later file that moves the new start', async () => {
    const [a, b] = [await makeAanbieder(), await makeAanbieder()];
    await loadRecords(a, [{ client: 'm-1', begindatum: '2025-01-01', einddatum: '2025-03-15' }]);
    await loadRecords(b, [{ client: 'm-1', trajectId: 'B-1', begindatum: '2025-05-01', einddatum: null }]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    expect(await geenNieuweStartH1(scope)).toBe(0);
    // B corrects its record: the new trajectory started only in 2026, after the window.
    await loadRecords(b, [{ client: 'm-1', trajectId: 'B-1', begindatum: '2026-05-01', einddatum: null }]);
    expect(await geenNieuweStartH1(scope)).toBe(1);
  });

  it('unlinks the old client when a later file corrects the pseudonym of the new start', async () => {
    const [a, b] = [await makeAanbieder(), await makeAanbieder()];
    await loadRecords(a, [{ client: 'c-1', begindatum: '2025-01-01', einddatum: '2025-03-15' }]);
    await loadRecords(b, [{ client: 'c-1', trajectId: 'B-7', begindatum: '2025-05-01', einddatum: null }]);
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', a.id)).id);
    expect(await geenNieuweStartH1(scope)).toBe(0);
    // B's record was another client's: the same trajectory, now with the right pseudonym.
    await loadRecords(b, [{ client: 'c-2', trajectId: 'B-7', begindatum: '2025-05-01', einddatum: null }]);
    expect(await geenNieuweStartH1(scope)).toBe(1);
  });
});

describe('a municipality', () => {
  it('sees nothing at all, not even zeros, when the view rests on fewer than 7 clients', async () => {
    const g = await makeGemeente();
    const a = await makeAanbieder();
    await loadRecords(
      a,
      times(5, (i) => ({ client: `s-${i}`, gemeentecode: g.cbsCode!, redenEinde: '03' })),
    );
    const scope = await scopeOf((await makeUser('GEMEENTE', g.id)).id);
    const v = await view(scope, 'uitval');
    expect(v.whollySuppressed).toBe(true);
    const figures = [v.total, ...v.rows].flatMap((r) => [r.headline, r.populatie, ...r.categories]);
    expect(figures.every((f) => f.suppressed && f.n === null && f.pct === null)).toBe(true);
  });
});
