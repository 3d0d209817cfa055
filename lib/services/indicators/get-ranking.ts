import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { addMonths } from '@/lib/filters/months';
import type { IndicatorDefinition } from '@/lib/indicators/definition';
import { withMostClients } from '@/lib/indicators/indicator-table';
import type { ViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView, type IndicatorView } from './get-indicator-view';

export type RankingRow = {
  key: string;
  label: string;
  /** The headline share this period and a year earlier; null when hidden ("< 7") or without data. */
  pct: number | null;
  lastYear: number | null;
  hidden: boolean;
  /** Distinct clients this period as shown (perturbed); null when the row is hidden. */
  clients: number | null;
};

export type Ranking = {
  headline: string;
  /** The headline of all rows together: the municipal or regional average, drawn as a reference line. */
  average: number | null;
  /** The ranked rows: all, or the CHART_ROWS with the most clients. */
  rows: RankingRow[];
  /** How many rows the view has in all (more than `rows.length` when the ranking left some out). */
  of: number;
  period: { van: string; tm: string };
};

/**
 * The answer first (issue 13): per provider (or per municipality), the headline share of this period
 * ranked high to low, with the same rows a year earlier beside it and the whole as reference. `now` is
 * the view the page shows; the year before is the same grouping a year back, protected as ever: a
 * hidden row stays hidden in both.
 */
export async function getRanking(
  scope: Scope,
  indicator: IndicatorDefinition,
  params: ViewParams,
  now: IndicatorView,
): Promise<Ranking> {
  checkCaller(scope, 'dashboard:view');
  const current = now.filters;
  const before = await getIndicatorView(scope, indicator, {
    ...params,
    filters: { ...current, eind_van: addMonths(current.eind_van!, -12), eind_tm: addMonths(current.eind_tm!, -12) },
  });
  const earlier = new Map(before.rows.map((r) => [r.key, r.headline]));
  const rows: RankingRow[] = now.rows.map((r) => {
    const last = earlier.get(r.key);
    return {
      key: r.key,
      label: r.label,
      pct: r.headline.suppressed ? null : r.headline.pct,
      lastYear: last && !last.suppressed ? last.pct : null,
      hidden: r.headline.suppressed,
      clients: r.populatie.n,
    };
  });
  return {
    headline: indicator.headline.label,
    average: now.total.headline.suppressed ? null : now.total.headline.pct,
    rows: rankRows(rows),
    of: rows.length,
    period: { van: current.eind_van!, tm: current.eind_tm! },
  };
}

/** High to low by the headline share (hidden rows last); above CHART_ROWS rows, those with the most clients. */
export function rankRows(rows: RankingRow[]): RankingRow[] {
  return [...withMostClients(rows, (r) => r.clients)].sort(
    (a, b) => (b.pct ?? -1) - (a.pct ?? -1) || a.label.localeCompare(b.label, 'nl'),
  );
}
