import { Prisma } from '@/lib/db';
import { addMonths, firstDay } from './months';
import { CODE_KEYS, codeFilter, type FilterState, MONTH_KEYS, monthFilter } from './registry';

/** The filters of one view as one SQL condition on trajectory `t` (TRUE when there are none). */
export function filterSql(state: FilterState): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  for (const key of MONTH_KEYS) {
    const month = state[key];
    if (!month) continue;
    const { column, bound } = monthFilter(key);
    const col = Prisma.raw(`t.${column}`); // a column name from the registry, never from the request
    parts.push(
      bound === 'van'
        ? Prisma.sql`${col} >= ${firstDay(month)}::date`
        : Prisma.sql`${col} < ${firstDay(addMonths(month, 1))}::date`,
    );
  }
  for (const key of CODE_KEYS) {
    const values = state[key];
    if (values?.length) parts.push(codeFilter(key).sql(values));
  }
  return parts.length ? Prisma.sql`(${Prisma.join(parts, ' AND ')})` : Prisma.sql`TRUE`;
}
