import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { addMonths, monthsBetween } from '@/lib/filters/months';
import type { IndicatorDefinition } from '@/lib/indicators/definition';
import type { Figure } from '@/lib/indicators/indicator-table';
import { filtersFor, type ViewParams } from '@/lib/indicators/view-params';
import { getIndicatorView } from './get-indicator-view';

export type PeriodFigure = { label: string; van: string; tm: string; headline: Figure; populatie: Figure };

/**
 * This period against the one before it (same length) and the same period a year earlier. Each is a
 * view of its own (one total row), protected like any other; the periods do not overlap for periods
 * up to a year. "This period" is the page's own: per quarter widened to whole quarters, like its table.
 */
export async function getComparison(
  scope: Scope,
  indicator: IndicatorDefinition,
  params: ViewParams,
): Promise<PeriodFigure[]> {
  checkCaller(scope, 'dashboard:view');
  const current = filtersFor(scope, indicator, params);
  const length = monthsBetween(current.eind_van!, current.eind_tm!) + 1;
  const periods = [
    { label: 'Deze periode', shift: 0 },
    { label: 'Vorige periode', shift: -length },
    // For a period of a whole year the previous period is the year before: no second row for it.
    ...(length === 12 ? [] : [{ label: 'Een jaar eerder', shift: -12 }]),
  ];
  return Promise.all(
    periods.map(async ({ label, shift }) => {
      const van = addMonths(current.eind_van!, shift);
      const tm = addMonths(current.eind_tm!, shift);
      const view = await getIndicatorView(scope, indicator, {
        ...params,
        groupBy: 'totaal',
        filters: { ...current, eind_van: van, eind_tm: tm },
      });
      return { label, van, tm, headline: view.total.headline, populatie: view.total.populatie };
    }),
  );
}
