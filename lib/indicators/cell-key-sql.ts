import { Prisma } from '@/lib/db';
import { CELL_KEY_RANGE } from './ptable';

// The one SQL form of a count and its cell key (docs/disclosure-control.md): the cell key is the sum of
// the distinct contributors' record keys modulo the key range, computed in the same scan as the count.

const MODULUS = Prisma.raw(String(CELL_KEY_RANGE));

/** `<alias>` distinct contributors of a record-key column and `<alias>_key` their cell key, optionally filtered. */
export function keyedCount(column: 'client_key' | 'traject_key', alias: string, where?: Prisma.Sql): Prisma.Sql {
  const col = Prisma.raw(column);
  const filter = where ? Prisma.sql` FILTER (WHERE ${where})` : Prisma.empty;
  return Prisma.sql`count(DISTINCT ${col})${filter} AS ${Prisma.raw(alias)}, sum(DISTINCT ${col})${filter} % ${MODULUS} AS ${Prisma.raw(`${alias}_key`)}`;
}

/** `<alias>` records (each counted once: measurements) and `<alias>_key` their cell key. */
export const keyedRows = (alias: string): Prisma.Sql =>
  Prisma.sql`count(*) AS ${Prisma.raw(alias)}, sum(row_key) % ${MODULUS} AS ${Prisma.raw(`${alias}_key`)}`;
