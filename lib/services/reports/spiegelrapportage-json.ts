import { z } from 'zod';
import { firstUnsettled, indicatorContext } from '@/lib/indicators/definition';
import { findIndicator } from '@/lib/indicators/registry';
import type { Spiegelrapportage } from './get-spiegelrapportage';

// A spiegelrapportage frozen as JSON (a kwaliteitsgesprek keeps the figures as they were discussed),
// parsed at the edge of the database rather than cast.
const ZFigure = z.object({ n: z.number().nullable(), pct: z.number().nullable(), suppressed: z.boolean() });

const ZReportPeriod = z.object({
  key: z.string(),
  kind: z.enum(['kwartaal', 'halfjaar', 'jaar']),
  label: z.string(),
  van: z.string(),
  tm: z.string(),
});

export const ZSpiegelrapportage = z.object({
  version: z.enum(['intern', 'deelbaar']),
  aanbieder: z.object({ name: z.string(), agbCode: z.string() }),
  audience: z.string(),
  period: ZReportPeriod,
  generatedAt: z.string(),
  maturity: z.object({ level: z.number().nullable(), label: z.string() }),
  indicators: z.array(
    z.object({
      key: z.string(),
      domein: z.enum(['JEUGD', 'WMO']).optional(),
      label: z.string(),
      description: z.string(),
      headline: z.string(),
      categories: z.array(z.object({ key: z.string(), label: z.string() })),
      periods: z.array(
        z.object({
          period: ZReportPeriod,
          whollySuppressed: z.boolean(),
          unsettledFrom: z.string().nullable().optional(),
          populatie: ZFigure,
          headline: ZFigure,
          categories: z.array(ZFigure),
          respons: ZFigure.nullable(),
        }),
      ),
    }),
  ),
}) satisfies z.ZodType<Spiegelrapportage>;

/** The frozen figures of a conversation; throws when the stored JSON is not a report (a bug or damage). */
export const parseSpiegelrapportage = (json: unknown): Spiegelrapportage =>
  withUnsettled(ZSpiegelrapportage.parse(json));

/**
 * A report frozen before session 26 lacks each period's unsettledFrom: derived from the moment it was
 * made, as getSpiegelrapportage would have stored it, so it too says "nog niet bekend" instead of 0.
 */
function withUnsettled(r: Spiegelrapportage): Spiegelrapportage {
  const ctx = indicatorContext(new Date(r.generatedAt));
  for (const ind of r.indicators) {
    const definition = findIndicator(ind.key);
    for (const p of ind.periods)
      if (p.unsettledFrom === undefined)
        p.unsettledFrom = definition ? firstUnsettled(definition, p.period, ctx) : null;
  }
  return r;
}
