import { z } from 'zod';
import type { Scope } from '@/lib/access/scope';
import { quarterBound } from '@/lib/filters/months';
import { parseFilters, type SearchInput, valuesOf, withDefaultPeriod } from '@/lib/filters/parse-filters';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import type { IndicatorDefinition } from './definition';
import { needsProtection } from './disclosure-control';
import { type GroupBy, parseGroupBy } from './group-by';
import { DOMEINEN } from './registry';
import { type ProtectedView, protectedView } from './view-grammar';

/** Everything that defines one indicator view; the same for page, export and API. */
export type ViewParams = {
  domein: Domein;
  groupBy: GroupBy;
  /** As in the URL; the default period is filled in per indicator (withDefaultPeriod). */
  filters: FilterState;
  asOf: Date;
  /** A provider's own figures as it may share them: protected like everyone else's (spiegelrapportage). */
  shareable?: boolean;
};

const ZDomein = z.enum(Object.keys(DOMEINEN) as [Domein, ...Domein[]]).catch('JEUGD');

const first = (input: SearchInput, key: string): string | undefined => valuesOf(input, key)[0];

/** Reads a view from URL parameters; anything invalid falls back to its default, never an error. */
export function parseViewParams(scope: Scope, input: SearchInput, asOf = new Date()): ViewParams {
  if (scope.kind === 'ttp') throw new Error('TTP-beheer ziet geen cijfers');
  return {
    domein: ZDomein.parse(first(input, 'domein')),
    groupBy: parseGroupBy(first(input, 'groep')),
    filters: parseFilters(input, {
      scopeKind: scope.kind,
      gemeenteCodes: scope.kind === 'gemeente' ? scope.gemeenteCodes : undefined,
    }),
    asOf,
  };
}

/**
 * The view's filters as applied, with what was changed to fit. A protected scope (a municipality, a
 * region, a shareable report) gets the view the query grammar allows (view-grammar.ts), whatever it
 * asked. A provider's own view: the period filled in, and per quarter widened to whole quarters, so a
 * row "K4 2025" covers October to December however the period began, and is the same figure as that
 * quarter on the overview cards.
 */
export function viewFilters(scope: Scope, indicator: IndicatorDefinition, p: ViewParams): ProtectedView {
  if (needsProtection(scope, p.shareable))
    return protectedView(p.filters, p.groupBy, p.asOf, indicator.defaultLagMonths ?? 0);
  const f = withDefaultPeriod(p.filters, p.asOf, indicator.defaultLagMonths);
  if (p.groupBy !== 'kwartaal') return { filters: f, notes: [] };
  return {
    filters: { ...f, eind_van: quarterBound(f.eind_van!, false), eind_tm: quarterBound(f.eind_tm!, true) },
    notes: [],
  };
}

/** The view's filters as applied, period included (viewFilters). */
export const filtersFor = (scope: Scope, indicator: IndicatorDefinition, p: ViewParams): FilterState =>
  viewFilters(scope, indicator, p).filters;

/**
 * The filters as the filter form and its chips show them: what the view applies (a protected view's
 * grammar included), with the period left out when the URL has none, so it reads as the default.
 */
export function shownFilters(scope: Scope, indicator: IndicatorDefinition, p: ViewParams): FilterState {
  const { filters } = viewFilters(scope, indicator, p);
  const { eind_van, eind_tm, ...rest } = filters;
  return p.filters.eind_van || p.filters.eind_tm ? filters : rest;
}
