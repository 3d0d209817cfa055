import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { AppError } from '@/lib/errors';
import type { FilterState } from '@/lib/filters/registry';
import { compareNames } from '@/lib/format';
import type { Domein } from '@/lib/generated/prisma/enums';
import {
  firstUnsettled,
  headlineCategory,
  type IndicatorDefinition,
  indicatorContext,
} from '@/lib/indicators/definition';
import { needsProtection } from '@/lib/indicators/disclosure-control';
import type { GroupBy } from '@/lib/indicators/group-by';
import { isOrganisationGroupBy } from '@/lib/indicators/group-nouns';
import { cellId, presentRows, protectCountTable, type TableRow, toCountTable } from '@/lib/indicators/indicator-table';
import { queryIndicator } from '@/lib/indicators/query-indicator';
import { type ViewParams, viewFilters } from '@/lib/indicators/view-params';
import { chargeView, noteAdjustedRequest } from '@/lib/services/disclosure/charge-view';
import { groupLabels } from './group-labels';
import { protectedRowKeys } from './protected-row-keys';

export type IndicatorView = {
  indicator: Pick<
    IndicatorDefinition,
    'key' | 'label' | 'description' | 'unit' | 'measured' | 'categories' | 'favourable'
  > & {
    headline: string;
    /** The category the headline is, or null when it joins several (headlineCategory). */
    headlineCategory: string | null;
  };
  domein: Domein;
  groupBy: GroupBy;
  /** The filters as applied, period included. */
  filters: FilterState;
  /** What was changed in the filters asked for to fit the query grammar of a protected view, in Dutch. */
  notes: string[];
  /** True for municipal and regional scopes and shareable reports: 1–6 hidden, other counts perturbed. */
  protection: boolean;
  /** The view rests on fewer than 7 clients (none included) and shows nothing. */
  whollySuppressed: boolean;
  /**
   * The first month of the period whose trajectories do not count yet (geen nieuwe start: their
   * window still runs), or null: figures from then on are "nog niet bekend", not zero.
   */
  unsettledFrom: string | null;
  rows: TableRow[];
  total: TableRow;
};

/**
 * One indicator table for one scope. The scope goes into the SQL (and row-level security); for every
 * scope but a provider's own every figure passes the disclosure control before it leaves this function.
 */
export async function getIndicatorView(
  scope: Scope,
  indicator: IndicatorDefinition,
  params: ViewParams,
): Promise<IndicatorView> {
  checkCaller(scope, 'dashboard:view');
  if (scope.kind === 'ttp') throw new AppError('Beheerders van de TTP zien geen cijfers.', 403);
  // Every distinct view a municipality or region gets counts against its budget, and feeds the
  // detector of differencing (lib/services/disclosure/charge-view.ts), in the form the grammar gave it.
  if (scope.kind === 'gemeente') {
    const { filters, notes } = viewFilters(scope, indicator, params);
    const view = { indicator: indicator.key, domein: params.domein, groupBy: params.groupBy };
    if (notes.length) await noteAdjustedRequest(scope, { ...view, filters: params.filters });
    await chargeView(scope, { ...view, filters });
  }
  return computeIndicatorView(scope, indicator, params);
}

/**
 * The view itself, without the caller check: also what `npm run disclosure:risk` measures, reading
 * the TTP's database as each municipality and region would see it.
 */
export async function computeIndicatorView(
  scope: Scope,
  indicator: IndicatorDefinition,
  params: ViewParams,
): Promise<IndicatorView> {
  const protection = needsProtection(scope, params.shareable);
  const { filters, notes } = viewFilters(scope, indicator, params);
  const ctx = indicatorContext(params.asOf);
  const cells = await queryIndicator(scope, {
    indicator,
    domein: params.domein,
    groupBy: params.groupBy,
    filters,
    ctx,
  });
  const counted = toCountTable(cells);
  const protectedCells = protection ? protectCountTable(counted) : null;
  const table = protectedCells
    ? {
        ...counted,
        groups: await protectedRowKeys(
          scope,
          params.groupBy,
          filters,
          params.domein,
          counted.groups.filter((g) => protectedCells.shown.get(cellId(g, 'pop'))),
        ),
      }
    : counted;
  const labelOf = await groupLabels(params.groupBy, table.groups, params.domein, params.asOf);
  const { rows, total } = presentRows(indicator, table, protectedCells, labelOf);
  // Providers and municipalities by name, as anyone looks them up (the keys are ids and codes).
  if (isOrganisationGroupBy(params.groupBy)) rows.sort((a, b) => compareNames(a.label, b.label));
  return {
    indicator: {
      key: indicator.key,
      label: indicator.label,
      description: indicator.description,
      unit: indicator.unit,
      measured: indicator.measured,
      categories: indicator.categories,
      favourable: indicator.favourable,
      headline: indicator.headline.label,
      headlineCategory: headlineCategory(indicator),
    },
    domein: params.domein,
    groupBy: params.groupBy,
    filters,
    notes,
    protection,
    whollySuppressed: protectedCells?.whole ?? false,
    unsettledFrom: firstUnsettled(indicator, { van: filters.eind_van!, tm: filters.eind_tm! }, ctx),
    rows,
    total,
  };
}
