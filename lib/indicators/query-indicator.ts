import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import { Prisma } from '@/lib/db';
import { filterSql } from '@/lib/filters/filter-sql';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { keyedCount, keyedRows } from './cell-key-sql';
import type { IndicatorContext, IndicatorDefinition } from './definition';
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
  const cells: RawCell[] = [];
  for (const r of rows) {
    let kind: CellKind | null = null;
    if (!r.g_cat) kind = r.cat === null ? 'geen' : { cat: String(r.cat) };
    else if (!r.g_head) kind = r.head === true ? 'head' : null;
    else if (!r.g_meas) kind = r.meas === true ? 'meas' : null;
    else kind = 'pop';
    if (!kind) continue;
    cells.push({
      group: r.g_grp ? TOTAL : String(r.grp),
      kind,
      count: {
        units: { n: Number(r.units), key: Number(r.units_key ?? 0) },
        clients: { n: Number(r.clients), key: Number(r.clients_key ?? 0) },
      },
    });
  }
  return cells;
}

/** The statement of queryIndicator (exported for the benchmark's EXPLAIN ANALYZE). */
export function indicatorSql(scope: Scope, q: IndicatorQuery): Prisma.Sql {
  const { indicator, ctx } = q;
  const units = indicator.unit === 'traject' ? keyedCount('traject_key', 'units') : keyedRows('units');
  // One total row needs no per-group sets: they would repeat the totals (half the work).
  const tableSets = [['cat'], ['head'], ['meas'], []];
  const sets = q.groupBy === 'totaal' ? tableSets : [...tableSets.map((set) => ['grp', ...set]), ...tableSets];
  const grp = q.groupBy === 'totaal' ? Prisma.sql`NULL AS grp, 1 AS g_grp` : Prisma.sql`grp, GROUPING(grp) AS g_grp`;
  return Prisma.sql`
    WITH base AS (
      SELECT ${GROUP_BY[q.groupBy].sql} AS grp, ${indicator.category(ctx)} AS cat,
             t.client_key, t.traject_key, t.row_key
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)} AND t.domein = ${q.domein}::"Domein" AND t.einddatum IS NOT NULL
        AND ${indicator.population?.(ctx) ?? Prisma.sql`TRUE`}
        AND ${filterSql(q.filters)}
    ), marked AS (
      SELECT *, cat = ANY(${indicator.headline.keys}::text[]) AS head, cat IS NOT NULL AS meas FROM base
    )
    SELECT ${grp}, cat, head, meas, GROUPING(cat) AS g_cat, GROUPING(head) AS g_head, GROUPING(meas) AS g_meas,
           ${units}, ${keyedCount('client_key', 'clients')}
    FROM marked
    GROUP BY GROUPING SETS (${Prisma.raw(sets.map((set) => `(${set.join(', ')})`).join(', '))})`;
}
