import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { addMonths, quarterBound } from '@/lib/filters/months';
import { indicatorsFor } from '@/lib/indicators/registry';
import { filtersFor, type ViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView, type IndicatorView } from './get-indicator-view';

/** Quarters in the trend line of a card. */
export const TREND_QUARTERS = 6;

export type OverviewCard = { view: IndicatorView; trend: IndicatorView };

/**
 * One card per indicator of the domain: the view's totals, and the headline per quarter over the
 * last six quarters up to the period's end (its own table, protected like any other).
 */
export async function getDashboardOverview(scope: Scope, params: ViewParams): Promise<OverviewCard[]> {
  checkCaller(scope, 'dashboard:view');
  return Promise.all(
    indicatorsFor(params.domein).map(async (indicator) => {
      const filters = filtersFor(indicator, params);
      const tm = quarterBound(filters.eind_tm!, true);
      const trendFilters = {
        ...filters,
        eind_tm: tm,
        eind_van: quarterBound(addMonths(tm, -3 * TREND_QUARTERS + 1), false),
      };
      const [view, trend] = await Promise.all([
        getIndicatorView(scope, indicator, { ...params, groupBy: 'totaal' }),
        getIndicatorView(scope, indicator, { ...params, groupBy: 'kwartaal', filters: trendFilters }),
      ]);
      return { view, trend };
    }),
  );
}
