import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { withScope } from '@/lib/access/with-scope';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { AppError } from '@/lib/errors';
import type { FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { K_ANONYMITY } from '@/lib/indicators/disclosure-control';
import type { Figure } from '@/lib/indicators/indicator-table';
import { indicatorsFor } from '@/lib/indicators/registry';
import { PROTECTED_PERIOD_KINDS } from '@/lib/indicators/view-grammar';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { maturityOf } from '@/lib/services/maturity/list-maturity';
import { MATURITY_LABELS } from '@/lib/services/maturity/maturity-level';
import { periodSeries, type ReportPeriod } from '@/lib/services/reports/report-period';
import { type ReportVersion, reportTarget } from './report-target';

/** Periods a report compares: the chosen one and the three before it (Hart van Brabant: consecutive periods). */
export const REPORT_PERIODS = 4;

export type ReportPeriodFigures = {
  period: ReportPeriod;
  whollySuppressed: boolean;
  /**
   * As IndicatorView.unsettledFrom: the first month of the period whose trajectories do not count yet
   * (geen nieuwe start: the window runs), so its figures are "nog niet bekend", not zero. Absent in
   * reports frozen before session 26 (parseSpiegelrapportage derives it).
   */
  unsettledFrom?: string | null;
  populatie: Figure;
  headline: Figure;
  categories: Figure[];
  respons: Figure | null;
};

export type ReportIndicator = {
  key: string;
  /** Absent in reports frozen before Wmo existed (those are Jeugd). */
  domein?: Domein;
  label: string;
  description: string;
  headline: string;
  categories: { key: string; label: string }[];
  periods: ReportPeriodFigures[];
};

/** Plain JSON: a kwaliteitsgesprek freezes it as it was discussed. */
export type Spiegelrapportage = {
  version: ReportVersion;
  aanbieder: { name: string; agbCode: string };
  audience: string;
  period: ReportPeriod;
  generatedAt: string;
  maturity: { level: number | null; label: string };
  indicators: ReportIndicator[];
};

/**
 * The spiegelrapportage of one provider for one period: every indicator with n, percentages and the
 * three periods before. Each figure is one dashboard view (grouping "totaal", filtered on the
 * provider) and passes the dashboards' disclosure control in the shareable version, so a report
 * shows every cell with the same number as the dashboards.
 */
export async function getSpiegelrapportage(
  scope: Scope,
  input: { agbCode: string; period: ReportPeriod; version: ReportVersion },
  asOf = new Date(),
): Promise<Spiegelrapportage> {
  checkCaller(scope, 'report:view');
  const target = await reportTarget(scope, input.agbCode, input.version);
  // A shareable report goes through the query grammar of protected views, which has no half-years.
  if (target.shareable && !(PROTECTED_PERIOD_KINDS as readonly string[]).includes(input.period.kind))
    throw new AppError('Een deelbare spiegelrapportage gaat over een kwartaal of een jaar; kies een van die.', 400);
  const periods = periodSeries(input.period, REPORT_PERIODS);
  const providerFilter: FilterState = scope.kind === 'gemeente' ? { aanbieder: [target.aanbieder.agbCode] } : {};
  const indicators: ReportIndicator[] = [];
  // Each domain the provider delivers, side by side: a conversation can cover Jeugd and Wmo.
  const domeinen = await deliveredDomains(scope, target.aanbieder.id);
  for (const domein of domeinen)
    for (const indicator of indicatorsFor(domein)) {
      const figures = await Promise.all(
        periods.map(async (period) => {
          const view = await getIndicatorView(scope, indicator, {
            domein,
            groupBy: 'totaal',
            asOf,
            shareable: target.shareable,
            filters: { ...providerFilter, eind_van: period.van, eind_tm: period.tm },
          });
          const t = view.total;
          return {
            period,
            whollySuppressed: view.whollySuppressed,
            unsettledFrom: view.unsettledFrom,
            populatie: t.populatie,
            headline: t.headline,
            categories: t.categories,
            respons: t.respons,
          };
        }),
      );
      indicators.push({
        key: indicator.key,
        domein,
        label: domein === 'WMO' ? `${indicator.label} (Wmo)` : indicator.label,
        description: indicator.description,
        headline: indicator.headline.label,
        categories: indicator.categories.map((c) => ({ key: c.key, label: c.label })),
        periods: figures,
      });
    }
  return {
    version: input.version,
    aanbieder: { name: target.aanbieder.name, agbCode: target.aanbieder.agbCode },
    audience: target.audience,
    period: input.period,
    generatedAt: asOf.toISOString(),
    maturity: await reportMaturity(
      target.aanbieder.id,
      target.shareable,
      asOf,
      scope.kind === 'gemeente' ? scope.gemeenteCodes : undefined,
    ),
    indicators,
  };
}

/**
 * The domains a provider has trajectories in, as far as the caller may see them (a municipality: for
 * its residents); Jeugd when none yet, so a new provider's report still has its headings.
 */
async function deliveredDomains(scope: Scope, aanbiederId: string): Promise<Domein[]> {
  const rows = await withScope(scope, (tx) =>
    tx.trajectory.findMany({ where: { aanbiederId }, distinct: ['domein'], select: { domein: true } }),
  );
  const found = (['JEUGD', 'WMO'] as const).filter((d) => rows.some((r) => r.domein === d));
  return found.length ? found : ['JEUGD'];
}

/**
 * Levels 4–6 differ only by the respons over the last twelve months; in a shareable report that
 * share must rest on at least 7 trajectories like any figure, otherwise only "4–6" is told. A
 * municipality's or region's report tells the level over its own residents only (`gemeenteCodes`),
 * like every other figure in it.
 */
async function reportMaturity(aanbiederId: string, shareable: boolean, asOf: Date, gemeenteCodes?: string[]) {
  const rows = await maturityOf(aanbiederId, asOf, gemeenteCodes);
  if (!rows.length) return { level: null, label: 'onbekend (aanbieder gedeactiveerd)' };
  const one = (row: (typeof rows)[number]) =>
    shareable && row.level >= 4 && row.ended < K_ANONYMITY
      ? { level: null, label: `4–6: productiedata (te weinig beëindigde trajecten om de respons te tonen)` }
      : { level: row.level, label: MATURITY_LABELS[row.level] };
  if (rows.length === 1) return one(rows[0]);
  // Jeugd and Wmo: a level each, told in one line
  const parts = rows.map((r) => ({ domein: DOMEIN_LABEL[r.domein], ...one(r) }));
  return {
    level: null,
    label: parts.map((p) => `${p.domein} ${p.level ?? ''} ${p.label}`.replace('  ', ' ')).join('; '),
  };
}
