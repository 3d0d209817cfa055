import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IndicatorCard } from '@/components/dashboard/indicator-card';
import { type PageSearch, searchOf } from '@/components/dashboard/page-search';
import { asViewError, ViewError } from '@/components/dashboard/view-error';
import { ActiveFilters } from '@/components/filters/active-filters';
import { FilterBar } from '@/components/filters/filter-bar';
import { requireScope } from '@/lib/access/require-scope';
import { formatMonth } from '@/lib/filters/months';
import { toSearchParams } from '@/lib/filters/parse-filters';
import { needsProtection, PERTURBATION_NOTE, WHOLLY_HIDDEN } from '@/lib/indicators/disclosure-control';
import { DOMEINEN } from '@/lib/indicators/registry';
import { parseViewParams, shownFilters } from '@/lib/indicators/view-params';
import { settled } from '@/lib/promises';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { cardFilters, type OverviewCard, overviewCards } from '@/lib/services/indicators/get-dashboard-overview';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { retentionCutoff, retentionNote } from '@/lib/services/privacy/retention';

export const metadata: Metadata = { title: 'Dashboard' };

/** A card once its figures are in; until then its place, titled, so the page does not jump. */
async function StreamedCard({ card, href }: { card: Promise<OverviewCard | ViewError>; href: string }) {
  const c = await card;
  return c instanceof ViewError ? (
    <p className="melding melding-fout">{c.message}</p>
  ) : (
    <IndicatorCard card={c} href={href} />
  );
}

function CardPending({ label }: { label: string }) {
  return (
    <article className="kaart-wacht" aria-busy="true">
      <h2>{label}</h2>
      <p className="hint">Cijfers worden berekend…</p>
    </article>
  );
}

/**
 * The overview streams: the first card (the page's main content, and the one that tells whether the
 * domain is empty in this period) and the filter options are awaited, the other cards follow as they
 * come in (lib/services/indicators/get-dashboard-overview.ts).
 */
export default async function DashboardPage({ searchParams }: { searchParams: PageSearch }) {
  const search = await searchOf(searchParams);
  const scope = await requireScope('dashboard:view', dashboardAuditObject('dashboard', search));
  const params = parseViewParams(scope, search);
  const protection = needsProtection(scope);
  const cards = overviewCards(scope, params).map((c) => ({ ...c, card: c.card.catch(asViewError) }));
  // A card the page does not show (after an error or on an empty domain) must not fail unobserved.
  for (const c of cards) void settled(c.card);
  const [first, options] = await Promise.all([cards[0].card, getFilterOptions(scope)]);
  // An empty first card may still have company (geen nieuwe start looks a year back): then all are asked.
  const empty =
    !(first instanceof ViewError) &&
    !first.view.total.populatie.n &&
    (await Promise.all(cards.map((c) => c.card))).every((c) => !(c instanceof ViewError) && !c.view.total.populatie.n);
  const query = toSearchParams(params.filters);
  query.set('domein', params.domein);
  const { eind_van, eind_tm } = cardFilters(scope, cards[0].indicator, params);
  const filterProps = {
    filters: shownFilters(scope, cards[0].indicator, params),
    period: { van: eind_van!, tm: eind_tm! },
    scopeOptions: options,
    keep: {},
    domein: params.domein,
  };
  const periods = cards.map((c) => cardFilters(scope, c.indicator, params));
  return (
    <>
      <h1>Dashboard outcome-indicatoren</h1>
      <p>
        {protection
          ? `Cijfers over de inwoners van uw gebied, bij alle aanbieders. Cijfers die op minder dan 7 cliënten rusten, tonen we niet. ${PERTURBATION_NOTE}`
          : 'De cijfers van uw eigen cliënten, exact en zonder afscherming (interne spiegel). Deel ze niet buiten uw organisatie.'}
      </p>
      <ActiveFilters {...filterProps} />
      {!(first instanceof ViewError) && first.view.notes.length > 0 && (
        <p className="melding" role="status">
          {first.view.notes.join(' ')}
        </p>
      )}
      <div className="met-filters">
        <FilterBar
          {...filterProps}
          firstYear={retentionCutoff().getUTCFullYear()}
          asOf={params.asOf}
          single={protection}
        />
        <p className="hint">{retentionNote()}</p>
        {first instanceof ViewError ? (
          <p className="melding melding-fout">{first.message}</p>
        ) : empty ? (
          // A domain without a single trajectory in the period says so, instead of cards of "— (n = 0)".
          <p className="melding" role="status">
            {protection
              ? WHOLLY_HIDDEN
              : `U heeft in deze periode nog geen ${DOMEINEN[params.domein]}-trajecten aangeleverd: er zijn geen cijfers om te tonen.`}
          </p>
        ) : (
          <>
            <p>
              {DOMEINEN[params.domein]}, trajecten beëindigd van {formatMonth(periods[0].eind_van!)} tot en met{' '}
              {formatMonth(periods[0].eind_tm!)}
              {periods.some((f) => f.eind_van !== periods[0].eind_van) &&
                ' (na beëindiging geen nieuwe start: een jaar eerder, omdat het venster eerst moet verstrijken)'}
              .
            </p>
            <div className="indicatorkaarten">
              {cards.map(({ indicator, card }, i) => {
                const href = `/dashboard/${indicator.key}?${query}`;
                return i === 0 ? (
                  <IndicatorCard key={indicator.key} card={first} href={href} />
                ) : (
                  <Suspense key={indicator.key} fallback={<CardPending label={indicator.label} />}>
                    <StreamedCard card={card} href={href} />
                  </Suspense>
                );
              })}
            </div>
          </>
        )}
      </div>
    </>
  );
}
