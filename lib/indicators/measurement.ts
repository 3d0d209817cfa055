import { Prisma } from '@/lib/db';

// A measurement counts for the end of the trajectory when it lies within 3 weeks of einddatum
// (docs/domain.md). Outside that window the answer is kept in the data but counts as "no measurement".
export const MEASUREMENT_WINDOW_DAYS = 21;

const withinWindow = Prisma.sql`t.meetdatum IS NOT NULL AND abs(t.meetdatum - t.einddatum) <= ${MEASUREMENT_WINDOW_DAYS}`;

/** `column` holds a valid end measurement. `column` is a name from an indicator file, never from a request. */
export const validMeasurement = (column: string) =>
  Prisma.sql`(t.${Prisma.raw(column)} IS NOT NULL AND ${withinWindow})`;

/** Category of a coded answer: its value as text when valid, else NULL. */
export const answerCategory = (column: string) =>
  Prisma.sql`CASE WHEN ${validMeasurement(column)} THEN t.${Prisma.raw(column)}::text END`;

export const MEASUREMENT_COLUMNS = [
  'tevredenheid',
  'zonder_hulp_verder',
  'afname_problematiek',
  'doelrealisatie',
] as const;
