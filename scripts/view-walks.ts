// What people and BI tools ask of the dashboards, as sequences of pages at a pace: the benchmark of
// the view budget (scripts/bench-view-budget.ts) measures them, and tests/integration/view-detector.test.ts
// checks that a person's day never fires the detector. A page asks its views through the same services
// as the real page (app/(portal)/dashboard/…), so the views are the ones the portal charges.
import type { Scope } from '@/lib/access/scope';
import { CODE_KEYS, type CodeKey, optionsIn } from '@/lib/filters/registry';
import { GROUP_BY, type GroupBy } from '@/lib/indicators/group-by';
import { isOrganisationGroupBy } from '@/lib/indicators/group-nouns';
import { findIndicator, indicatorsFor } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { setViewClock } from '@/lib/services/disclosure/charge-view';
import { getComparison } from '@/lib/services/indicators/get-comparison';
import { overviewCards } from '@/lib/services/indicators/get-dashboard-overview';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { getRanking } from '@/lib/services/indicators/get-ranking';

/** One page: the overview, or an indicator page; `search` is its URL query; `pause` the seconds before the next. */
export type Visit = { indicator: string | null; search: string; pause: number };

const ignore = () => undefined;

/** Asks what the page asks: the overview's cards and trends, or the table, the comparison and (per organisation) the ranking. */
export async function visit(scope: Scope, v: Visit): Promise<void> {
  const params = parseViewParams(scope, new URLSearchParams(v.search));
  if (!v.indicator) {
    await Promise.all(overviewCards(scope, params).map((c) => c.card.catch(ignore)));
    return;
  }
  const indicator = findIndicator(v.indicator)!;
  const [view] = await Promise.all([
    getIndicatorView(scope, indicator, params),
    getComparison(scope, indicator, params),
  ]);
  if (isOrganisationGroupBy(params.groupBy)) await getRanking(scope, indicator, params, view);
}

const year = (asOf: Date) => asOf.getUTCFullYear();
/** A few periods a contract manager looks at: this year so far, last year, last year's halves. */
const periods = (asOf: Date) => {
  const y = year(asOf);
  return [
    '',
    `eind_van=${y - 1}-01&eind_tm=${y - 1}-12`,
    `eind_van=${y - 1}-01&eind_tm=${y - 1}-06`,
    `eind_van=${y - 1}-07&eind_tm=${y - 1}-12`,
  ];
};

/** A few values of each code filter (the scope's providers or municipalities where the list is the scope's). */
async function filterValues(scope: Scope, few: number): Promise<[CodeKey, string[]][]> {
  const options = await getFilterOptions(scope);
  return CODE_KEYS.flatMap((key): [CodeKey, string[]][] => {
    const list = optionsIn(key, 'JEUGD');
    const values =
      list === 'scope'
        ? (key === 'aanbieder' ? options.aanbieder : options.gemeente).map((o) => o.value)
        : Object.keys(list ?? {});
    // A municipality's own code as a filter is the view without it: nothing to try.
    return values.length > 1 ? [[key, values.slice(0, few)]] : [];
  });
}

/**
 * A heavy day of a contract manager: both overviews in a few periods, every indicator page of both
 * domains with each grouping, each filter tried with a few values on the main indicators, a few
 * periods on each; one page every `pause` seconds.
 */
export async function contractManagerDay(scope: Scope, asOf = new Date(), pause = 20): Promise<Visit[]> {
  const pages: string[][] = [];
  const groupings = (Object.keys(GROUP_BY) as GroupBy[]).filter((g) => g !== 'totaal');
  for (const domein of ['JEUGD', 'WMO'] as const) {
    const d = `domein=${domein}`;
    for (const p of periods(asOf)) pages.push(['', [d, p].filter(Boolean).join('&')]);
    for (const indicator of indicatorsFor(domein)) {
      pages.push([indicator.key, d]);
      for (const g of groupings) pages.push([indicator.key, `${d}&groep=${g}`]);
    }
  }
  const values = await filterValues(scope, 3);
  for (const key of ['uitval', 'clienttevredenheid', 'zonder-hulp-verder']) {
    if (!findIndicator(key)) continue;
    for (const [filter, list] of values) {
      for (const v of list) pages.push([key, `groep=aanbieder&${filter}=${encodeURIComponent(v)}`]);
    }
    for (const p of periods(asOf)) for (const g of ['aanbieder', 'kwartaal']) pages.push([key, `groep=${g}&${p}`]);
  }
  return pages.map(([indicator, search]) => ({ indicator: indicator || null, search, pause }));
}

/** A BI tool's nightly refresh: every indicator of both domains with every grouping, this year and last year. */
export function biRefresh(asOf = new Date()): Visit[] {
  const y = year(asOf);
  return (['JEUGD', 'WMO'] as const).flatMap((domein) =>
    indicatorsFor(domein).flatMap((indicator) =>
      (Object.keys(GROUP_BY) as GroupBy[]).flatMap((g) =>
        [y, y - 1].map((jaar) => ({
          indicator: indicator.key,
          search: `domein=${domein}&groep=${g}&eind_van=${jaar}-01&eind_tm=${jaar}-12`,
          pause: 0.2,
        })),
      ),
    ),
  );
}

/** The API asks one view per request: the table only. */
export async function apiCall(scope: Scope, v: Visit): Promise<void> {
  const params = parseViewParams(scope, new URLSearchParams(v.search));
  await getIndicatorView(scope, findIndicator(v.indicator!)!, params);
}

/**
 * Walks the pages at their pace: the view budget's clock (setViewClock) reads `start` plus the pauses
 * so far, so the detector sees the day as it would happen, however fast the machine runs it.
 */
export async function walkAt(
  scope: Scope,
  visits: Visit[],
  start: Date,
  ask: (scope: Scope, v: Visit) => Promise<void> = visit,
): Promise<Date> {
  let t = start.getTime();
  try {
    for (const v of visits) {
      const at = new Date(t);
      setViewClock(() => at);
      await ask(scope, v);
      t += v.pause * 1000;
    }
  } finally {
    setViewClock(null);
  }
  return new Date(t);
}
