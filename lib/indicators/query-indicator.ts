import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { Prisma } from '@/lib/db';
import { filterSql } from '@/lib/filters/filter-sql';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { keyedCount, keyedRows } from './cell-key-sql';
import { headlineCategory, type IndicatorContext, type IndicatorDefinition } from './definition';
import type { CellCount } from './disclosure-control';
import { cachedRows } from './figure-cache';
import { GROUP_BY, type GroupBy } from './group-by';

/** Which part of the table a count belongs to. */
export type CellKind = { cat: string } | 'geen' | 'head' | 'meas' | 'pop';
/** Group '*' (TOTAL) is the total over all groups. */
export type RawCell = { group: string; kind: CellKind; count: CellCount };

export const TOTAL = '*';

export type IndicatorQuery = {
  indicator: IndicatorDefinition;
  domein: Domein;
  groupBy: GroupBy;
  filters: FilterState;
  ctx: IndicatorContext;
};

/**
 * One indicator table in one SQL statement: every cell, row total, column total and the grand total,
 * computed from the data with GROUPING SETS (never by adding cells), each with its distinct clients,
 * its units and the cell keys of both: the sum of the distinct contributors' record keys modulo the
 * key range (docs/disclosure-control.md). The stored 63-bit record keys also make the distinct counts
 * (integer sorts, no hashing of text; a collision among 5 million keys has a chance of ~1e-6).
 * The counts are cached until the trajectory data changes (figure-cache.ts).
 */
export async function queryIndicator(scope: Scope, q: IndicatorQuery): Promise<RawCell[]> {
  const sql = indicatorSql(scope, q);
  const rows = await cachedRows<Record<string, unknown>>(scope, sql);
  const { headCat, measIsPop } = sets(q);
  const cells: RawCell[] = [];
  for (const r of rows) {
    let kind: CellKind | null = null;
    if (!r.g_cat) kind = r.cat === null ? 'geen' : { cat: String(r.cat) };
    else if (!r.g_head) kind = r.head === true ? 'head' : null;
    else if (!r.g_meas) kind = r.meas === true ? 'meas' : null;
    else kind = 'pop';
    if (!kind) continue;
    const count = {
      units: { n: Number(r.units), key: Number(r.units_key ?? 0) },
      clients: { n: Number(r.clients), key: Number(r.clients_key ?? 0) },
    };
    const group = r.g_grp ? TOTAL : String(r.grp);
    cells.push({ group, kind, count });
    // The cells the statement leaves out because they hold the same rows as one it computes (sets()):
    // the same contributors, so the same counts and cell keys, and so the same perturbation.
    if (headCat !== null && typeof kind === 'object' && kind.cat === headCat)
      cells.push({ group, kind: 'head', count });
    if (measIsPop && kind === 'pop') cells.push({ group, kind: 'meas', count });
  }
  return cells;
}

/**
 * Which grouping sets the statement needs. Every distinct count costs a sort per set, so a set whose
 * cells equal other cells is left out: the headline of one category is that category's cell, and
 * for an indicator without measurements (every row has a category, which the statement enforces) the
 * measured rows are the population.
 */
function sets(q: IndicatorQuery) {
  const headCat = headlineCategory(q.indicator);
  const headFromCat = headCat !== null;
  const measIsPop = !q.indicator.measured;
  const table = [['cat'], ...(headFromCat ? [] : [['head']]), ...(measIsPop ? [] : [['meas']]), []];
  return { headCat, headFromCat, measIsPop, table };
}

/** The statement of queryIndicator (exported for the benchmark's EXPLAIN ANALYZE). */
export function indicatorSql(scope: Scope, q: IndicatorQuery): Prisma.Sql {
  const { indicator, ctx } = q;
  const units = indicator.unit === 'traject' ? keyedCount('traject_key', 'units') : keyedRows('units');
  const { headFromCat, measIsPop, table } = sets(q);
  // One total row needs no per-group sets: they would repeat the totals (half the work).
  const grouping = q.groupBy === 'totaal' ? table : [...table.map((set) => ['grp', ...set]), ...table];
  const grp = q.groupBy === 'totaal' ? Prisma.sql`NULL AS grp, 1 AS g_grp` : Prisma.sql`grp, GROUPING(grp) AS g_grp`;
  const head = headFromCat ? Prisma.sql`NULL AS head, 1 AS g_head` : Prisma.sql`head, GROUPING(head) AS g_head`;
  const meas = measIsPop ? Prisma.sql`NULL AS meas, 1 AS g_meas` : Prisma.sql`meas, GROUPING(meas) AS g_meas`;
  return Prisma.sql`
    WITH base AS (
      SELECT ${GROUP_BY[q.groupBy].sql} AS grp, ${indicator.category(ctx)} AS cat,
             t.client_key, t.traject_key, t.row_key
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)} AND t.domein = ${q.domein}::"Domein" AND t.einddatum IS NOT NULL
        AND ${indicator.population?.(ctx) ?? Prisma.sql`TRUE`}
        AND ${filterSql(q.filters)}
    ), marked AS (
      SELECT *, cat = ANY(${indicator.headline.keys}::text[]) AS head, cat IS NOT NULL AS meas
      FROM base ${measIsPop ? Prisma.sql`WHERE cat IS NOT NULL` : Prisma.empty}
    )
    SELECT ${grp}, cat, GROUPING(cat) AS g_cat, ${head}, ${meas},
           ${units}, ${keyedCount('client_key', 'clients')}
    FROM marked
    GROUP BY GROUPING SETS (${Prisma.raw(grouping.map((set) => `(${set.join(', ')})`).join(', '))})`;
}
