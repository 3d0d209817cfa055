import { Prisma } from '@/lib/db';
import type { Tx } from '@/lib/access/with-scope';
import type { Scope } from '@/lib/access/scope';
import { trajectoryScopeSql } from '@/lib/access/trajectory-scope';
import type { Domein } from '@/lib/generated/prisma/enums';
import { filterSql } from '@/lib/filters/filter-sql';
import type { FilterState } from '@/lib/filters/registry';
import type { IndicatorContext, IndicatorDefinition } from './definition';
import { GROUP_BY, type GroupBy } from './group-by';
import type { Count } from './suppression';
import { TOTAL } from './indicator-table';

/** Which part of the table a count belongs to; group '*' is the total over all groups. */
export type CellKind = { cat: string } | 'geen' | 'head' | 'meas' | 'pop';
/** part: the quarter (of einddatum) a count is restricted to, for the decomposition guard; null for the view. */
export type RawCell = { group: string; kind: CellKind; part: string | null; counts: Count[] };

export type IndicatorQuery = {
  indicator: IndicatorDefinition;
  domein: Domein;
  groupBy: GroupBy;
  /** The view itself first, then the neighbours of the differencing guard; one scan computes all. */
  variants: FilterState[];
  ctx: IndicatorContext;
  /** Also count every cell per quarter of einddatum (the suppression's decomposition guard). */
  byQuarter?: boolean;
};

/**
 * One indicator table in one SQL statement: every cell, row total, column total and the grand total,
 * computed from the data with GROUPING SETS (never by adding shown cells), for the view and each of
 * its neighbour views at once (FILTER per variant), counting units and distinct clients.
 * Distinct counts run on 64-bit hashes of the keys: sorting integers instead of collated text is ~6×
 * faster, and a collision among 5 million keys has a chance of about one in a million.
 */
export async function queryIndicator(tx: Tx, scope: Scope, q: IndicatorQuery): Promise<RawCell[]> {
  const { indicator, ctx } = q;
  const preds = q.variants.map(filterSql);
  const v = (i: number) => Prisma.raw(`v${i}`);
  const unit = (i: number) =>
    indicator.unit === 'traject' ? Prisma.sql`count(DISTINCT tk) FILTER (WHERE ${v(i)})` : Prisma.sql`count(*) FILTER (WHERE ${v(i)})`;
  const aggregates = (only?: number) =>
    Prisma.join(
      preds.map((_, i) =>
        only === undefined || i === only
          ? Prisma.sql`${unit(i)} AS ${Prisma.raw(`u${i}`)}, count(DISTINCT ck) FILTER (WHERE ${v(i)}) AS ${Prisma.raw(`c${i}`)}`
          : Prisma.sql`NULL::bigint AS ${Prisma.raw(`u${i}`)}, NULL::bigint AS ${Prisma.raw(`c${i}`)}`,
      ),
    );
  // One total row needs no per-group sets: they would repeat the totals (half the work).
  const tableSets = [['cat'], ['head'], ['meas'], []];
  const grouped = q.groupBy === 'totaal' ? tableSets : [...tableSets.map((set) => ['grp', ...set]), ...tableSets];
  const setsSql = (sets: string[][]) => Prisma.raw(sets.map((set) => `(${set.join(', ')})`).join(', '));
  const flags = Prisma.join(preds.map((p, i) => Prisma.sql`${p} AS ${v(i)}`));
  const grp = q.groupBy === 'totaal' ? Prisma.sql`NULL AS grp, 1 AS g_grp` : Prisma.sql`grp, GROUPING(grp) AS g_grp`;
  const rows = await tx.$queryRaw<Record<string, unknown>[]>`
    WITH base AS (
      SELECT ${GROUP_BY[q.groupBy].sql} AS grp, ${indicator.category(ctx)} AS cat, ${GROUP_BY.kwartaal.sql} AS pq,
             hashtextextended(t.aanbieder_id::text || t.traject_id, 0) AS tk,
             hashtextextended(t.client_pseudonym, 0) AS ck, ${flags}
      FROM trajectory t
      WHERE ${trajectoryScopeSql(scope)} AND t.domein = ${q.domein}::"Domein" AND t.einddatum IS NOT NULL
        AND ${indicator.population?.(ctx) ?? Prisma.sql`TRUE`}
        AND (${Prisma.join(preds, ' OR ')})
    ), marked AS (
      SELECT *, cat = ANY(${indicator.headline.keys}::text[]) AS head, cat IS NOT NULL AS meas FROM base
    )
    SELECT ${grp}, NULL AS pq, 1 AS g_pq, cat, head, meas, GROUPING(cat) AS g_cat, GROUPING(head) AS g_head,
           GROUPING(meas) AS g_meas, ${aggregates()}
    FROM marked
    GROUP BY GROUPING SETS (${setsSql(grouped)})
    ${
      // The same cells per quarter, for the view itself only (the neighbours need no split).
      q.byQuarter
        ? Prisma.sql`UNION ALL
    SELECT ${grp}, pq, 0 AS g_pq, cat, head, meas, GROUPING(cat) AS g_cat, GROUPING(head) AS g_head,
           GROUPING(meas) AS g_meas, ${aggregates(0)}
    FROM marked WHERE v0
    GROUP BY GROUPING SETS (${setsSql(grouped.map((set) => ['pq', ...set]))})`
        : Prisma.empty
    }`;

  const cells: RawCell[] = [];
  for (const r of rows) {
    const group = r.g_grp ? TOTAL : String(r.grp);
    let kind: CellKind | null = null;
    if (!r.g_cat) kind = r.cat === null ? 'geen' : { cat: String(r.cat) };
    else if (!r.g_head) kind = r.head === true ? 'head' : null;
    else if (!r.g_meas) kind = r.meas === true ? 'meas' : null;
    else kind = 'pop';
    if (!kind) continue;
    const counts = preds.map((_, i) => ({ units: Number(r[`u${i}`]), clients: Number(r[`c${i}`]) }));
    cells.push({ group, kind, part: r.g_pq ? null : String(r.pq), counts });
  }
  return cells;
}
