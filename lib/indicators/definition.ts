import type { Prisma } from '@/lib/db';
import { env } from '@/lib/env';
import { addMonths } from '@/lib/filters/months';
import type { Domein } from '@/lib/generated/prisma/enums';

/** What an indicator's SQL may depend on besides the row: the moment of the view and the settings. */
export type IndicatorContext = { asOf: Date; geenNieuweStartMaanden?: number };

/** The context of a view (or a report frozen) at `asOf`, with the settings it depends on. */
export const indicatorContext = (asOf: Date): IndicatorContext => ({
  asOf,
  geenNieuweStartMaanden: env().GEEN_NIEUWE_START_MAANDEN,
});

/**
 * One NJi indicator (docs/domain.md, "The indicators"). The registry (registry.ts) lists them; the query
 * (query-indicator.ts), the disclosure control, the pages, the exports and the API all work from this shape.
 */
export type IndicatorDefinition = {
  key: string;
  label: string;
  /** One sentence for the page: what is counted, over what. */
  description: string;
  domeinen: readonly Domein[];
  /**
   * What one count is: a trajectory (counted once, however many respondent records it has), or a
   * measurement (one respondent's answer; the respondent filter chooses whose).
   */
  unit: 'traject' | 'meting';
  /** Which ended trajectories belong to the population besides the period and filters (e.g. window passed). */
  population?: (ctx: IndicatorContext) => Prisma.Sql;
  /** The category key of a row as SQL text, NULL when the row has no valid measurement. */
  category: (ctx: IndicatorContext) => Prisma.Sql;
  categories: readonly { key: string; label: string }[];
  /** The headline share shown on cards and in trends: these categories over all measured. */
  headline: { keys: readonly string[]; label: string };
  /** Where the favourable end of the categories is (charts colour from unfavourable to favourable). */
  favourable: 'first' | 'last';
  /** True when rows can lack a measurement: the view then also shows the respons for this indicator. */
  measured: boolean;
  /** Months the default period moves back, for figures that need time to settle. */
  defaultLagMonths?: number;
  /**
   * For figures that settle only later: whether every trajectory ended in this month (yyyy-mm) counts
   * by now. Months that do not are told as "nog niet bekend" (IndicatorView.unsettledFrom), not zero.
   */
  settled?: (month: string, ctx: IndicatorContext) => boolean;
};

/**
 * The first month from `van` to `tm` (yyyy-mm) whose trajectories do not count yet for `indicator`
 * (its `settled`), or null when all do: the figures from then on are "nog niet bekend", not zero.
 */
export function firstUnsettled(
  indicator: Pick<IndicatorDefinition, 'settled'>,
  period: { van: string; tm: string },
  ctx: IndicatorContext,
): string | null {
  if (!indicator.settled) return null;
  for (let m = period.van; m <= period.tm; m = addMonths(m, 1)) if (!indicator.settled(m, ctx)) return m;
  return null;
}

/**
 * The one category the headline is (uitval: 03, tevredenheid: 8 of hoger), or null when it joins
 * several (zonder hulp verder, afname problematiek): then the headline is a cell of its own, otherwise
 * it is that category's cell, with the same count and perturbation.
 */
export const headlineCategory = (indicator: Pick<IndicatorDefinition, 'headline'>): string | null =>
  indicator.headline.keys.length === 1 ? indicator.headline.keys[0] : null;
