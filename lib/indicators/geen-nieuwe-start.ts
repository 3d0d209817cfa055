import { Prisma } from '@/lib/db';
import type { IndicatorContext, IndicatorDefinition } from './definition';

// The end of the window after a trajectory ends. CBS rule: until the end of the half-year after the
// half-year in which it ended (6–12 months); or a fixed number of months (GEEN_NIEUWE_START_MAANDEN).
const windowEnd = (ctx: IndicatorContext) =>
  ctx.geenNieuweStartMaanden
    ? Prisma.sql`(t.einddatum + make_interval(months => ${ctx.geenNieuweStartMaanden}::int))::date`
    : Prisma.sql`(date_trunc('year', t.einddatum)
        + CASE WHEN extract(month FROM t.einddatum) <= 6 THEN interval '1 year' ELSE interval '18 months' END
        - interval '1 day')::date`;

const asOfDate = (ctx: IndicatorContext) => ctx.asOf.toISOString().slice(0, 10);

/** The same window for the last day of a month (yyyy-mm), in JavaScript: the month is settled after it. */
function monthSettled(month: string, ctx: IndicatorContext): boolean {
  const [y, m] = month.split('-').map(Number);
  const end = ctx.geenNieuweStartMaanden
    ? Date.UTC(y, m + ctx.geenNieuweStartMaanden, 0) // last day of the month + n months
    : m <= 6
      ? Date.UTC(y, 11, 31)
      : Date.UTC(y + 1, 5, 30);
  return end < Date.parse(asOfDate(ctx));
}

// volgende_start links the client across all providers and municipalities; the import keeps it.
// A trajectory counts only once its window has passed.
export const geenNieuweStart = {
  key: 'geen-nieuwe-start',
  label: 'Na beëindiging geen nieuwe start',
  description:
    'Aandeel beëindigde trajecten waarna de cliënt binnen het venster nergens nieuwe hulp begon (over alle aanbieders); telt mee zodra het venster voorbij is.',
  domeinen: ['JEUGD', 'WMO'],
  unit: 'traject',
  population: (ctx) => Prisma.sql`${windowEnd(ctx)} < ${asOfDate(ctx)}::date`,
  category: (ctx) =>
    Prisma.sql`CASE WHEN t.volgende_start IS NULL OR t.volgende_start > ${windowEnd(ctx)} THEN 'geen' ELSE 'wel' END`,
  categories: [
    { key: 'geen', label: 'geen nieuwe start' },
    { key: 'wel', label: 'wel nieuwe start' },
  ],
  headline: { keys: ['geen'], label: 'geen nieuwe start' },
  favourable: 'first',
  measured: false,
  defaultLagMonths: 12,
  settled: monthSettled,
} as const satisfies IndicatorDefinition;
