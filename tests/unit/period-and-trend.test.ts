import { describe, expect, it } from 'vitest';
import { rankingScale, trendDomain, trendTicks } from '../../components/charts/scale';
import { trendSegments } from '../../components/charts/trend-segments';
import { trendPoints } from '../../components/dashboard/trend-points';
import { boundLabel, quarterChoices } from '../../lib/filters/months';
import type { Figure } from '../../lib/indicators/indicator-table';
import type { IndicatorView } from '../../lib/services/indicators/get-indicator-view';

// Issue 13: the quarter picker offers whole quarters and names a bound as people read it; the trend
// chart's scale fits its values (from 0 a change of a few points looked flat) and a period that is
// hidden, empty or not known yet is a gap, never a zero.

describe('quarter picker', () => {
  it('offers every quarter from the first year with figures to the running one, as first or last month', () => {
    const asOf = new Date('2026-11-29T12:00:00Z');
    const van = quarterChoices(2021, asOf, false);
    const tm = quarterChoices(2021, asOf, true);
    expect(van[0]).toEqual({ value: '2026-10', label: 'K4 2026' });
    expect(tm[0]).toEqual({ value: '2026-12', label: 'K4 2026' });
    expect(van.at(-1)).toEqual({ value: '2021-01', label: 'K1 2021' });
    expect(tm.at(-1)).toEqual({ value: '2021-03', label: 'K1 2021' });
    expect(van).toHaveLength(6 * 4);
  });
  it('names quarter bounds as quarters and other months as months', () => {
    expect(boundLabel('2025-10', false)).toBe('K4 2025');
    expect(boundLabel('2025-12', true)).toBe('K4 2025');
    expect(boundLabel('2025-11', false)).toBe('nov 2025');
    expect(boundLabel('2025-10', true)).toBe('okt 2025');
  });
});

describe('trend scale', () => {
  it('fits the values in fives instead of starting at 0', () => {
    expect(trendDomain([61, 64, 63])).toEqual([55, 70]);
    expect(trendDomain([8.1, 9.4])).toEqual([5, 15]);
  });
  it('stays within 0 and 100', () => {
    expect(trendDomain([1, 2])).toEqual([0, 5]);
    expect(trendDomain([97, 99])).toEqual([95, 100]);
    expect(trendDomain([])).toEqual([0, 100]);
  });
  it('marks the scale in round steps within its bounds, at most six', () => {
    expect(trendTicks([55, 70])).toEqual([55, 60, 65, 70]);
    expect(trendTicks([0, 5])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(trendTicks([5, 15])).toEqual([6, 8, 10, 12, 14]);
    expect(trendTicks([0, 100])).toEqual([0, 20, 40, 60, 80, 100]);
  });
});

describe('trend lines', () => {
  const p = (pct: number | null, running = false) => ({ pct, running });
  it('breaks the solid line where a period has no figure, never bridging the gap', () => {
    expect(trendSegments([p(10), p(12), p(null), p(11), p(9)])).toEqual({
      settled: [
        [0, 1],
        [3, 4],
      ],
      dashed: [],
    });
    expect(trendSegments([p(null), p(12), p(null)])).toEqual({ settled: [[1]], dashed: [] });
  });
  it('joins the last ended period to the running one with a dashed line, only when both have a figure', () => {
    expect(trendSegments([p(10), p(12), p(8, true)])).toEqual({ settled: [[0, 1]], dashed: [1, 2] });
    expect(trendSegments([p(10), p(null), p(8, true)])).toEqual({ settled: [[0]], dashed: [] });
    expect(trendSegments([p(10), p(12), p(null, true)])).toEqual({ settled: [[0, 1]], dashed: [] });
    expect(trendSegments([p(8, true)])).toEqual({ settled: [], dashed: [] });
  });
});

describe('ranking scale', () => {
  it('starts at 0 and holds the largest share in four round steps', () => {
    expect(rankingScale([12.4, 9.7, 15])).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
    expect(rankingScale([61, 58])).toEqual({ top: 80, ticks: [0, 20, 40, 60, 80] });
    expect(rankingScale([100])).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
  });
  it('keeps a readable scale when every share is small or zero', () => {
    expect(rankingScale([0, 1.2])).toEqual({ top: 20, ticks: [0, 5, 10, 15, 20] });
  });
});

describe('trend points', () => {
  const fig = (pct: number | null, suppressed = false, n = 20): Figure => ({ n, pct, suppressed });
  const row = (key: string, label: string, headline: Figure, n = 20) => ({
    key,
    label,
    categories: [],
    headline,
    respons: null,
    populatie: fig(null, false, n),
  });
  const view = (unsettledFrom: string | null) =>
    ({
      groupBy: 'kwartaal',
      unsettledFrom,
      rows: [
        row('2026-K1', 'K1 2026', fig(10)),
        row('2026-K2', 'K2 2026', fig(null, true)),
        row('2026-K3', 'K3 2026', fig(0), 0),
        row('2026-K4', 'K4 2026 (loopt nog)', fig(12)),
      ],
    }) as unknown as IndicatorView;
  it('marks the running quarter and leaves gaps for hidden and empty quarters', () => {
    const points = trendPoints(view(null), new Date('2026-11-29T12:00:00Z'));
    expect(points.map((p) => [p.label, p.pct, p.running, p.why])).toEqual([
      ['K1 2026', 10, false, null],
      ['K2 2026', null, false, 'minder dan 7 cliënten, niet getoond'],
      ['K3 2026', null, false, 'geen cliënten'],
      ['K4 2026', 12, true, null],
    ]);
  });
  it('shows a quarter whose "geen nieuwe start" window still runs as not known, not as a figure', () => {
    const points = trendPoints(view('2026-08'), new Date('2026-11-29T12:00:00Z'));
    expect(points.map((p) => p.why)).toEqual([
      null,
      'minder dan 7 cliënten, niet getoond',
      'nog niet bekend',
      'nog niet bekend',
    ]);
    expect(points[3].pct).toBeNull();
  });
});
