import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import type { Domein } from '@/lib/generated/prisma/enums';
import { parseFilters, snapToQuarters, valuesOf, withDefaultPeriod, type SearchInput } from '@/lib/filters/parse-filters';
import type { FilterState } from '@/lib/filters/registry';
import type { IndicatorDefinition } from './definition';
import { parseGroupBy, type GroupBy } from './group-by';
import { DOMEINEN } from './registry';
import { needsSuppression } from './suppression';

/** Everything that defines one indicator view; the same for page, export and API. */
export type ViewParams = {
  domein: Domein;
  groupBy: GroupBy;
  /** As in the URL; the default period is filled in per indicator (withDefaultPeriod). */
  filters: FilterState;
  asOf: Date;
  /** A provider's own figures as it may share them: suppressed like everyone else's (spiegelrapportage). */
  shareable?: boolean;
};

const ZDomein = z.enum(Object.keys(DOMEINEN) as [Domein, ...Domein[]]).catch('JEUGD');

const first = (input: SearchInput, key: string): string | undefined => valuesOf(input, key)[0];

/** Municipalities and regions work in whole quarters (docs/suppression.md): no table per month. */
export const groupByFor = (scope: Scope, g: GroupBy, shareable = false): GroupBy => (g === 'maand' && needsSuppression(scope, shareable) ? 'kwartaal' : g);

/** Reads a view from URL parameters; anything invalid falls back to its default, never an error. */
export function parseViewParams(scope: Scope, input: SearchInput, asOf = new Date()): ViewParams {
  if (scope.kind === 'ttp') throw new Error('TTP-beheer ziet geen cijfers');
  return {
    domein: ZDomein.parse(first(input, 'domein')),
    groupBy: groupByFor(scope, parseGroupBy(first(input, 'groep'))),
    filters: parseFilters(input, { scopeKind: scope.kind, gemeenteCodes: scope.kind === 'gemeente' ? scope.gemeenteCodes : undefined }),
    asOf,
  };
}

/** Months by which periods move for the differencing guard; suppressed scopes work in quarters. */
export const periodStep = (suppression: boolean) => (suppression ? 3 : 1);

/** The view's filters with its period filled in (and in whole quarters where figures are suppressed). */
export function filtersFor(indicator: IndicatorDefinition, p: ViewParams, suppression: boolean): FilterState {
  const filters = withDefaultPeriod(p.filters, p.asOf, indicator.defaultLagMonths, suppression);
  return suppression ? snapToQuarters(filters) : filters;
}
