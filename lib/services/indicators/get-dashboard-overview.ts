import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import type { IndicatorDefinition } from '@/lib/indicators/definition';
import { inBackground } from '@/lib/indicators/figure-cache';
import { indicatorsFor } from '@/lib/indicators/registry';
import { filtersFor, type ViewParams } from '@/lib/indicators/view-params';
import { settled } from '@/lib/promises';
import { getIndicatorView, type IndicatorView } from './get-indicator-view';

/** Calendar years in the trend line of a card, per quarter: the period's year and the one before. */
export const TREND_YEARS = 2;

export type OverviewCard = { view: IndicatorView; trend: IndicatorView };

/** A card's view is the total, whatever grouping the URL has. */
const cardParams = (params: ViewParams): ViewParams => ({ ...params, groupBy: 'totaal' });
/** The filters and period of a card's figures (the overview's period line says them too). */
export const cardFilters = (scope: Scope, indicator: IndicatorDefinition, params: ViewParams) =>
  filtersFor(scope, indicator, cardParams(params));

/**
 * One card: the view's totals, and the headline per quarter over the calendar year the period ends in
 * and the year before (its own table, protected like any other; whole calendar years, as the query
 * grammar asks of a protected trend).
 */
async function overviewCard(scope: Scope, params: ViewParams, indicator: IndicatorDefinition): Promise<OverviewCard> {
  const filters = cardFilters(scope, indicator, params);
  const year = Number(filters.eind_tm!.slice(0, 4));
  const trendFilters = { ...filters, eind_van: `${year - TREND_YEARS + 1}-01`, eind_tm: `${year}-12` };
  const [view, trend] = await Promise.all([
    getIndicatorView(scope, indicator, cardParams(params)),
    getIndicatorView(scope, indicator, { ...params, groupBy: 'kwartaal', filters: trendFilters }),
  ]);
  return { view, trend };
}

/**
 * One card per indicator of the domain, in order, each with its indicator and its own promise, so a page can show each card
 * as soon as it is ready. The first card is asked alone and the others once it is in, in the
 * background (figure-cache.ts: a few statements at a time over all pages): on a cold cache a
 * region's other 26 statements all at once took the cores from the portal while it sent the first card
 * (a region's overview at 5 million trajectories, to its first card: ~1.8–2.3 s before, ~1.2–1.4 s now;
 * docs/benchmarks.md).
 */
export function overviewCards(
  scope: Scope,
  params: ViewParams,
): { indicator: IndicatorDefinition; card: Promise<OverviewCard> }[] {
  checkCaller(scope, 'dashboard:view');
  const [first, ...rest] = indicatorsFor(params.domein);
  const firstCard = overviewCard(scope, params, first);
  const firstDone = settled(firstCard);
  return [
    { indicator: first, card: firstCard },
    ...rest.map((indicator) => ({
      indicator,
      card: firstDone.then(() => inBackground(() => overviewCard(scope, params, indicator))),
    })),
  ];
}
