import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { MAX_NEIGHBOURS, neighboursOf } from '@/lib/filters/neighbours';
import { monthsBetween } from '@/lib/filters/months';
import type { FilterState } from '@/lib/filters/registry';
import type { IndicatorDefinition } from '@/lib/indicators/definition';
import type { GroupBy } from '@/lib/indicators/group-by';
import { presentRows, suppressCountTable, toCountTable, type TableRow } from '@/lib/indicators/indicator-table';
import { queryIndicator } from '@/lib/indicators/query-indicator';
import { needsSuppression } from '@/lib/indicators/suppression';
import { filtersFor, groupByFor, periodStep, type ViewParams } from '@/lib/indicators/view-params';
import type { Domein } from '@/lib/generated/prisma/enums';
import { groupLabels } from './group-labels';

export type IndicatorView = {
  indicator: Pick<IndicatorDefinition, 'key' | 'label' | 'description' | 'unit' | 'measured' | 'categories' | 'favourable'> & { headline: string };
  domein: Domein;
  groupBy: GroupBy;
  /** The filters as applied, period included. */
  filters: FilterState;
  /** True for municipal and regional scopes: small and derivable figures are hidden. */
  suppression: boolean;
  /** The view rests on fewer than 7 clients and shows nothing. */
  whollySuppressed: boolean;
  rows: TableRow[];
  total: TableRow;
};

/**
 * One indicator table for one scope. The scope goes into the SQL (and row-level security); for a
 * municipal or regional scope every figure passes the suppression before it leaves this function.
 */
export async function getIndicatorView(scope: Scope, indicator: IndicatorDefinition, params: ViewParams): Promise<IndicatorView> {
  if (scope.kind === 'ttp') throw new AppError('Beheerders van de TTP zien geen cijfers.', 403);
  const suppression = needsSuppression(scope, params.shareable);
  const groupBy = groupByFor(scope, params.groupBy, params.shareable);
  const filters = filtersFor(indicator, params, suppression);
  const neighbours = suppression ? neighboursOf(filters, periodStep(suppression)) : [];
  if (neighbours.length > MAX_NEIGHBOURS) {
    throw new AppError('Te veel filters tegelijk: kies minder filters of minder waarden per filter.', 400, 'TE_VEEL_FILTERS');
  }
  const variants = [filters, ...neighbours.map((n) => n.state)];
  const cells = await withScope(scope, (tx) =>
    queryIndicator(tx, scope, {
      indicator,
      domein: params.domein,
      groupBy,
      variants,
      // A period of several quarters must not be splittable into quarters that other tables show
      // (the trend per quarter, a table per quarter of a longer period): check every quarter's part.
      byQuarter: suppression && monthsBetween(filters.eind_van!, filters.eind_tm!) >= 3 && groupBy !== 'kwartaal',
      ctx: { asOf: params.asOf, geenNieuweStartMaanden: env().GEEN_NIEUWE_START_MAANDEN },
    }),
  );
  const table = toCountTable(cells, variants.length);
  const suppressed = suppression ? suppressCountTable(indicator, table) : null;
  const { rows, total } = presentRows(indicator, table, suppressed, await groupLabels(groupBy, table.groups));
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
    },
    domein: params.domein,
    groupBy,
    filters,
    suppression,
    whollySuppressed: suppressed?.whole ?? false,
    rows,
    total,
  };
}
