import { describe, expect, it } from 'vitest';
import { findIndicator } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView, type IndicatorView } from '@/lib/services/indicators/get-indicator-view';
import type { Scope } from '@/lib/access/scope';
import { loadRecords, makeAanbieder, makeGemeente, makeRegio, makeTtp, makeUser, scopeOf, type RecordInput } from './helpers/fixtures';

// Attacks on the municipal view: other tenants' figures through URL parameters, small numbers
// through totals minus shown cells, and through two filter settings that differ by a few clients.
const AS_OF = new Date('2026-11-23T12:00:00Z');
const Q = 'eind_van=2026-01&eind_tm=2026-06';

const view = (scope: Scope, key: string, query: string) =>
  getIndicatorView(scope, findIndicator(key)!, parseViewParams(scope, new URLSearchParams(query), AS_OF));
const times = (n: number, make: (i: number) => RecordInput) => Array.from({ length: n }, (_, i) => make(i));
const tag = () => Math.random().toString(36).slice(2, 8);

async function municipality() {
  const g = await makeGemeente();
  return { g, scope: await scopeOf((await makeUser('GEMEENTE', g.id)).id) };
}

describe('scope', () => {
  it('shows a municipality only its residents, whatever gemeente or aanbieder the URL names', async () => {
    const [mine, theirs] = [await municipality(), await municipality()];
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(10, (i) => ({ client: `${t}-m${i}`, gemeentecode: mine.g.cbsCode! })),
      ...times(30, (i) => ({ client: `${t}-t${i}`, gemeentecode: theirs.g.cbsCode!, redenEinde: '03' })),
    ]);
    const own = await view(mine.scope, 'uitval', Q);
    expect(own.total.populatie.n).toBe(10);
    const tampered = await view(mine.scope, 'uitval', `${Q}&gemeente=${theirs.g.cbsCode}&groep=gemeente`);
    expect(tampered.filters.gemeente).toBeUndefined();
    expect(tampered.rows.map((r) => r.key)).toEqual([mine.g.cbsCode]);
    expect(tampered.total.headline.n).toBe(0);
    const viaProvider = await view(mine.scope, 'uitval', `${Q}&aanbieder=${a.agbCode}`);
    expect(viaProvider.total.populatie.n).toBe(10);
  });

  it('gives a region its member municipalities together, and nothing of others', async () => {
    const [g1, g2, outside] = [await makeGemeente(), await makeGemeente(), await makeGemeente()];
    const regio = await makeRegio([g1.id, g2.id]);
    const scope = await scopeOf((await makeUser('REGIO', regio.id)).id);
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(8, (i) => ({ client: `${t}-1-${i}`, gemeentecode: g1.cbsCode! })),
      ...times(9, (i) => ({ client: `${t}-2-${i}`, gemeentecode: g2.cbsCode! })),
      ...times(20, (i) => ({ client: `${t}-o-${i}`, gemeentecode: outside.cbsCode! })),
    ]);
    const v = await view(scope, 'uitval', `${Q}&groep=gemeente&gemeente=${outside.cbsCode}`);
    expect(v.total.populatie.n).toBe(17);
    expect(v.rows.map((r) => r.key).sort()).toEqual([g1.cbsCode, g2.cbsCode].sort());
  });

  it("never shows a provider another provider's figures", async () => {
    const [p, q] = [await makeAanbieder(), await makeAanbieder()];
    const t = tag();
    await loadRecords(q, times(12, (i) => ({ client: `${t}-${i}`, redenEinde: '03' })));
    const scope = await scopeOf((await makeUser('AANBIEDER_INZAGE', p.id)).id);
    const v = await view(scope, 'uitval', `${Q}&aanbieder=${q.agbCode}&groep=aanbieder`);
    expect(v.rows).toEqual([]);
    expect(v.total.populatie.n).toBe(0);
  });

  it('refuses the TTP, which sees no figures', async () => {
    const scope = await scopeOf((await makeUser('TTP_BEHEER', (await makeTtp()).id)).id);
    await expect(getIndicatorView(scope, findIndicator('uitval')!, { domein: 'JEUGD', groupBy: 'totaal', filters: {}, asOf: AS_OF })).rejects.toMatchObject({ status: 403 });
  });
});

/** What an attacker can solve from one view: every line with exactly one unknown. */
function solve(v: IndicatorView) {
  const rows = [...v.rows, v.total];
  const known = (n: number | null) => n !== null;
  const leaks: string[] = [];
  for (const r of rows) {
    const hidden = r.categories.filter((c) => !known(c.n));
    // Trajectory-level indicators: categories partition the population.
    if (hidden.length === 1 && known(r.populatie.n)) leaks.push(`${r.key}: rij`);
  }
  v.indicator.categories.forEach((_, i) => {
    const column = [...v.rows.map((r) => r.categories[i]), v.total.categories[i]];
    if (v.rows.length > 1 && column.filter((c) => !known(c.n)).length === 1) leaks.push(`kolom ${i}`);
  });
  return leaks;
}

describe('suppression that holds', () => {
  it('hides small cells so that no row or column can be solved from totals', async () => {
    const { g, scope } = await municipality();
    const [a, b, c] = [await makeAanbieder(), await makeAanbieder(), await makeAanbieder()];
    const t = tag();
    const at = (p: typeof a, n: number, reden: string, k: string) =>
      loadRecords(p, times(n, (i) => ({ client: `${t}-${k}-${i}`, gemeentecode: g.cbsCode!, redenEinde: reden })));
    await at(a, 40, '01', 'a1');
    await at(a, 2, '03', 'a3'); // the small number to protect
    await at(b, 25, '01', 'b1');
    await at(b, 9, '03', 'b3');
    await at(c, 30, '01', 'c1');
    await at(c, 8, '03', 'c3');
    const v = await view(scope, 'uitval', `${Q}&groep=aanbieder`);
    const rowA = v.rows.find((r) => r.key === a.id)!;
    expect(rowA.headline).toEqual({ n: null, pct: null, suppressed: true });
    expect(solve(v)).toEqual([]);
    // Not in any other form either: the row's shown figures do not add up to its population.
    const shownA = rowA.categories.reduce((s, c) => s + (c.n ?? 0), 0);
    expect(rowA.populatie.n === null || rowA.populatie.n - shownA >= 7 || rowA.categories.filter((c) => c.suppressed).length > 1).toBe(true);
  });

  it('does not give away a small group through a filter and its absence', async () => {
    const { g, scope } = await municipality();
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(40, (i) => ({ client: `${t}-h${i}`, gemeentecode: g.cbsCode!, verwijzer: '01' })),
      ...times(20, (i) => ({ client: `${t}-u${i}`, gemeentecode: g.cbsCode!, verwijzer: '01', redenEinde: '03' })),
      ...times(3, (i) => ({ client: `${t}-x${i}`, gemeentecode: g.cbsCode!, verwijzer: '02', redenEinde: '03' })),
    ]);
    const all = await view(scope, 'uitval', Q);
    const only01 = await view(scope, 'uitval', `${Q}&verwijzer=01`);
    const both = await view(scope, 'uitval', `${Q}&verwijzer=01&verwijzer=02`);
    // Unfiltered and filtered uitval differ by the 3 clients of verwijzer 02: one of each pair is hidden.
    const diff = (x: IndicatorView, y: IndicatorView) =>
      x.total.headline.n !== null && y.total.headline.n !== null ? x.total.headline.n - y.total.headline.n : null;
    expect(diff(all, only01)).toBeNull();
    expect(diff(both, only01)).toBeNull();
    expect(all.total.headline.n).toBe(23); // the unfiltered view itself is fine
    // The populations (63 and 60) may not both show either.
    expect(all.total.populatie.n === null || only01.total.populatie.n === null).toBe(true);
  });

  it('does not give away a small group through two periods that differ by one quarter', async () => {
    const { g, scope } = await municipality();
    const a = await makeAanbieder();
    const t = tag();
    await loadRecords(a, [
      ...times(30, (i) => ({ client: `${t}-q1-${i}`, gemeentecode: g.cbsCode!, begindatum: '2025-10-01', einddatum: '2026-02-01' })),
      ...times(12, (i) => ({ client: `${t}-q1u-${i}`, gemeentecode: g.cbsCode!, begindatum: '2025-10-01', einddatum: '2026-02-01', redenEinde: '03' })),
      ...times(20, (i) => ({ client: `${t}-q2-${i}`, gemeentecode: g.cbsCode!, einddatum: '2026-05-01' })),
      ...times(2, (i) => ({ client: `${t}-q2u-${i}`, gemeentecode: g.cbsCode!, einddatum: '2026-05-01', redenEinde: '03' })),
    ]);
    const half = await view(scope, 'uitval', 'eind_van=2026-01&eind_tm=2026-06');
    const q1 = await view(scope, 'uitval', 'eind_van=2026-01&eind_tm=2026-03');
    const q2 = await view(scope, 'uitval', 'eind_van=2026-04&eind_tm=2026-06');
    expect(q2.total.headline.suppressed).toBe(true); // 2 clients: primary
    expect(q1.total.headline.n).toBe(12);
    // Half year minus first quarter would give the second quarter's 2: the half-year figure is hidden.
    expect(half.total.headline.n).toBeNull();
    // Months inside a quarter cannot be used to cut finer: the period snaps to whole quarters.
    const monthly = await view(scope, 'uitval', 'eind_van=2026-01&eind_tm=2026-05');
    expect(monthly.filters).toMatchObject({ eind_van: '2026-01', eind_tm: '2026-06' });
  });

  it('does not give away a small quarter through a year minus the quarters of a trend table', async () => {
    const { g, scope } = await municipality();
    const a = await makeAanbieder();
    const t = tag();
    const quarter = (q: string, end: string, uitval: number) =>
      loadRecords(a, [
        ...times(25, (i) => ({ client: `${t}-${q}-${i}`, gemeentecode: g.cbsCode!, begindatum: '2024-01-01', einddatum: end })),
        ...times(uitval, (i) => ({ client: `${t}-${q}u-${i}`, gemeentecode: g.cbsCode!, begindatum: '2024-01-01', einddatum: end, redenEinde: '03' })),
      ]);
    await quarter('q1', '2025-02-01', 10);
    await quarter('q2', '2025-05-01', 2); // the small number to protect
    await quarter('q3', '2025-08-01', 10);
    await quarter('q4', '2025-11-01', 10);
    await quarter('q0', '2024-11-01', 10);
    const year = await view(scope, 'uitval', 'eind_van=2025-01&eind_tm=2025-12');
    const trend = await view(scope, 'uitval', 'eind_van=2024-07&eind_tm=2025-12&groep=kwartaal');
    const q = (k: string) => trend.rows.find((r) => r.key === k)?.headline.n ?? null;
    expect(q('2025-K2')).toBeNull();
    const others = [q('2025-K1'), q('2025-K3'), q('2025-K4')];
    const recovered = year.total.headline.n !== null && others.every((n) => n !== null) ? year.total.headline.n - others.reduce((x, y) => x! + y!, 0)! : null;
    expect(recovered).toBeNull();
    // A municipality gets no table per month: it would split a quarter the same way.
    expect((await view(scope, 'uitval', 'eind_van=2025-01&eind_tm=2025-12&groep=maand')).groupBy).toBe('kwartaal');
  });
});
