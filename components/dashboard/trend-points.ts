import type { TrendPoint } from '@/components/charts/trend-chart';
import { monthOf } from '@/lib/filters/months';
import { lastMonthOf } from '@/lib/indicators/group-by';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';

/** The headline per period of a table split by month, quarter or year, for the trend chart. */
export function trendPoints(view: IndicatorView, asOf: Date): TrendPoint[] {
  const now = monthOf(asOf);
  return view.rows.map((r) => {
    const last = lastMonthOf(view.groupBy, r.key)!;
    // a period whose "geen nieuwe start" window still runs is not known: a gap, never a zero
    const unsettled = view.unsettledFrom !== null && last >= view.unsettledFrom;
    const why = unsettled
      ? 'nog niet bekend'
      : r.headline.suppressed
        ? 'minder dan 7 cliënten, niet getoond'
        : !r.populatie.n
          ? 'geen cliënten'
          : null;
    return { label: r.label.replace(' (loopt nog)', ''), pct: why ? null : r.headline.pct, running: last >= now, why };
  });
}
