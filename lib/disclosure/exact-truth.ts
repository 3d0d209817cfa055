import type { Scope } from '@/lib/access/scope';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { type IndicatorDefinition, indicatorContext } from '@/lib/indicators/definition';
import type { GroupBy } from '@/lib/indicators/group-by';
import { queryIndicator } from '@/lib/indicators/query-indicator';
import type { Truth } from './attack-families';

/**
 * The exact counts behind an answer, to score the attack: the same statement as the view, without the
 * disclosure control. A cell's id is its count with its cell key, equal for equal sets of clients.
 */
export async function exactTruth(
  scope: Scope,
  indicator: IndicatorDefinition,
  domein: Domein,
  groupBy: GroupBy,
  filters: FilterState,
  asOf = new Date(),
): Promise<Truth> {
  const cells = await queryIndicator(scope, { indicator, domein, groupBy, filters, ctx: indicatorContext(asOf) });
  const byCell = new Map<string, { n: number; id: string }>();
  for (const c of cells) {
    if (c.kind !== 'pop' && c.kind !== 'head') continue;
    byCell.set(`${c.group}|${c.kind}`, { n: c.count.clients.n, id: `${c.count.clients.n}:${c.count.clients.key}` });
  }
  return (row, column) => byCell.get(`${row}|${column}`) ?? { n: 0, id: '0' };
}
