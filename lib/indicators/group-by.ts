import { z } from 'zod';
import { Prisma } from '@/lib/db';

// How an indicator table is split into rows. The SQL expressions are fixed here; the request only
// picks a key (z.enum), never a column.
export const GROUP_BY = {
  totaal: { label: 'Totaal', sql: Prisma.sql`'totaal'` },
  aanbieder: { label: 'Per aanbieder', sql: Prisma.sql`t.aanbieder_id::text` },
  gemeente: { label: 'Per gemeente', sql: Prisma.sql`t.gemeentecode::text` },
  maand: { label: 'Per maand', sql: Prisma.sql`to_char(t.einddatum, 'YYYY-MM')` },
  kwartaal: { label: 'Per kwartaal', sql: Prisma.sql`to_char(t.einddatum, 'YYYY-"K"Q')` },
  jaar: { label: 'Per jaar', sql: Prisma.sql`to_char(t.einddatum, 'YYYY')` },
  respondent: { label: 'Per respondent', sql: Prisma.sql`coalesce(t.respondent::text, '-')` },
} as const;

export const ZGroupBy = z.enum(Object.keys(GROUP_BY) as [keyof typeof GROUP_BY, ...(keyof typeof GROUP_BY)[]]);
export type GroupBy = z.infer<typeof ZGroupBy>;

/** A bad value in the URL is ignored: the table falls back to one total row. */
export const parseGroupBy = (v: unknown): GroupBy => ZGroupBy.catch('totaal').parse(v);

/** The last month (yyyy-mm) of a period row's key, for the groupings by time; null for the others. */
export function lastMonthOf(groupBy: GroupBy, key: string): string | null {
  if (groupBy === 'maand') return key;
  if (groupBy === 'kwartaal') return `${key.slice(0, 4)}-${String(Number(key.slice(6)) * 3).padStart(2, '0')}`;
  if (groupBy === 'jaar') return `${key.slice(0, 4)}-12`;
  return null;
}
