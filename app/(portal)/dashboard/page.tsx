import type { Metadata } from 'next';
import { IndicatorCard } from '@/components/dashboard/indicator-card';
import { type PageSearch, searchOf } from '@/components/dashboard/page-search';
import { asViewError, ViewError } from '@/components/dashboard/view-error';
import { ActiveFilters } from '@/components/filters/active-filters';
import { FilterBar } from '@/components/filters/filter-bar';
import { requireScope } from '@/lib/access/require-scope';
import { formatMonth } from '@/lib/filters/months';
import { toSearchParams, withDefaultPeriod } from '@/lib/filters/parse-filters';
import { needsProtection, PERTURBATION_NOTE } from '@/lib/indicators/disclosure-control';
import { DOMEINEN } from '@/lib/indicators/registry';
import { parseViewParams } from '@/lib/indicators/view-params';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getDashboardOverview } from '@/lib/services/indicators/get-dashboard-overview';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { retentionCutoff, retentionNote } from '@/lib/services/privacy/retention';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ searchParams }: { searchParams: PageSearch }) {
  const search = await searchOf(searchParams);
  const scope = await requireScope('dashboard:view', dashboardAuditObject('dashboard', search));
  const params = parseViewParams(scope, search);
  const protection = needsProtection(scope);
  const [cards, options] = await Promise.all([
    getDashboardOverview(scope, params).catch(asViewError),
    getFilterOptions(scope),
  ]);
  const query = toSearchParams(params.filters);
  query.set('domein', params.domein);
  const { eind_van, eind_tm } = withDefaultPeriod(params.filters, params.asOf);
  const filterProps = {
    filters: params.filters,
    period: { van: eind_van!, tm: eind_tm! },
    scopeOptions: options,
    keep: {},
    domein: params.domein,
  };
  return (
    <>
      <h1>Dashboard outcome-indicatoren</h1>
      <p>
        {protection
          ? `Cijfers over de inwoners van uw gebied, bij alle aanbieders. Cijfers die op minder dan 7 cliënten rusten, tonen we niet. ${PERTURBATION_NOTE}`
          : 'De cijfers van uw eigen cliënten, exact en zonder afscherming (interne spiegel). Deel ze niet buiten uw organisatie.'}
      </p>
      <ActiveFilters {...filterProps} />
      <div className="met-filters">
        <FilterBar {...filterProps} firstYear={retentionCutoff().getUTCFullYear()} asOf={params.asOf} />
        <p className="hint">{retentionNote()}</p>
        {cards instanceof ViewError ? (
          <p className="melding melding-fout">{cards.message}</p>
        ) : cards.every((c) => !c.view.total.populatie.n) ? (
          // A domain without a single trajectory in the period says so, instead of cards of "— (n = 0)".
          <p className="melding" role="status">
            {protection
              ? `Nog geen ${DOMEINEN[params.domein]}-aanleveringen voor uw inwoners in deze periode: er zijn geen cijfers om te tonen.`
              : `U heeft in deze periode nog geen ${DOMEINEN[params.domein]}-trajecten aangeleverd: er zijn geen cijfers om te tonen.`}
          </p>
        ) : (
          <>
            <p>
              {DOMEINEN[params.domein]}, trajecten beëindigd van {formatMonth(cards[0].view.filters.eind_van!)} tot en
              met {formatMonth(cards[0].view.filters.eind_tm!)}
              {cards.some((c) => c.view.filters.eind_van !== cards[0].view.filters.eind_van) &&
                ' (na beëindiging geen nieuwe start: een jaar eerder, omdat het venster eerst moet verstrijken)'}
              .
            </p>
            <div className="indicatorkaarten">
              {cards.map((card) => (
                <IndicatorCard
                  key={card.view.indicator.key}
                  card={card}
                  href={`/dashboard/${card.view.indicator.key}?${query}`}
                />
              ))}
            </div>
          </>
        )}
      </div>
    </>
  );
}
