import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Comparison } from '@/components/dashboard/comparison';
import { GroupChart } from '@/components/dashboard/group-chart';
import { IndicatorTable } from '@/components/dashboard/indicator-table';
import { type PageSearch, searchOf } from '@/components/dashboard/page-search';
import { Ranking } from '@/components/dashboard/ranking';
import { Trend } from '@/components/dashboard/trend';
import { asViewError, ViewError } from '@/components/dashboard/view-error';
import { ActiveFilters } from '@/components/filters/active-filters';
import { FilterBar } from '@/components/filters/filter-bar';
import { Link } from '@/components/ui/link';
import { requireScope } from '@/lib/access/require-scope';
import { formatMonth } from '@/lib/filters/months';
import { toSearchParams } from '@/lib/filters/parse-filters';
import { needsProtection } from '@/lib/indicators/disclosure-control';
import { unsettledNote } from '@/lib/indicators/format-figure';
import { GROUP_BY, type GroupBy } from '@/lib/indicators/group-by';
import { isOrganisationGroupBy } from '@/lib/indicators/group-nouns';
import { findIndicator } from '@/lib/indicators/registry';
import { filtersFor, parseViewParams, shownFilters } from '@/lib/indicators/view-params';
import { dashboardAuditObject } from '@/lib/services/indicators/audit-object';
import { getComparison } from '@/lib/services/indicators/get-comparison';
import { getFilterOptions } from '@/lib/services/indicators/get-filter-options';
import { getIndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { getRanking } from '@/lib/services/indicators/get-ranking';
import { retentionCutoff, retentionNote } from '@/lib/services/privacy/retention';

type Props = { params: Promise<{ indicator: string }>; searchParams: PageSearch };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: findIndicator((await params).indicator)?.label ?? 'Indicator' };
}

export default async function IndicatorPage({ params, searchParams }: Props) {
  const key = (await params).indicator;
  const search = await searchOf(searchParams);
  const scope = await requireScope('dashboard:view', dashboardAuditObject(`dashboard ${key}`, search));
  const indicator = findIndicator(key);
  if (!indicator) notFound();
  const p = parseViewParams(scope, search);
  const groupings = (Object.keys(GROUP_BY) as GroupBy[]).filter(
    (g) => !(g === 'aanbieder' && scope.kind === 'aanbieder'),
  );
  // Per provider or per municipality the answer comes first: the ranked headline with last year and the average.
  const ranked = isOrganisationGroupBy(p.groupBy);
  // Per month, quarter or year: the headline as a trend line over those periods.
  const overTime = p.groupBy === 'maand' || p.groupBy === 'kwartaal' || p.groupBy === 'jaar';
  const [view, comparison, options] = await Promise.all([
    getIndicatorView(scope, indicator, p).catch(asViewError),
    getComparison(scope, indicator, p).catch(asViewError),
    getFilterOptions(scope),
  ]);
  const ranking =
    ranked && !(view instanceof ViewError) ? await getRanking(scope, indicator, p, view).catch(asViewError) : null;
  const query = toSearchParams(p.filters);
  query.set('domein', p.domein);
  const withGroup = (g: GroupBy) => `?${query}&groep=${g}`;
  // The period the figures cover, as the view computes it (its default, and the grammar of a protected view).
  const { eind_van, eind_tm } = filtersFor(scope, indicator, p);
  const filterProps = {
    filters: shownFilters(scope, indicator, p),
    period: { van: eind_van!, tm: eind_tm! },
    scopeOptions: options,
    keep: { groep: p.groupBy },
    domein: p.domein,
  };
  return (
    <>
      <p>
        <Link href={`/dashboard?${query}`}>← Alle indicatoren</Link>
      </p>
      <h1>{indicator.label}</h1>
      <ActiveFilters {...filterProps} />
      {!(view instanceof ViewError) && view.notes.length > 0 && (
        <p className="melding" role="status">
          {view.notes.join(' ')}
        </p>
      )}
      <div className="met-filters">
        {ranking && !(ranking instanceof ViewError) && (
          <Ranking ranking={ranking} of={p.groupBy === 'aanbieder' ? 'aanbieder' : 'gemeente'} />
        )}
        {overTime && !(view instanceof ViewError) && !view.whollySuppressed && <Trend view={view} asOf={p.asOf} />}
        <p>{indicator.description}</p>
        <FilterBar
          {...filterProps}
          firstYear={retentionCutoff().getUTCFullYear()}
          asOf={p.asOf}
          single={needsProtection(scope)}
        />
        <p className="hint">{retentionNote()}</p>
        {view instanceof ViewError ? (
          <p className="melding melding-fout">{view.message}</p>
        ) : (
          <>
            <nav aria-label="Indeling van de tabel" className="groepkeuze">
              {groupings.map((g) => (
                <a key={g} href={withGroup(g)} aria-current={g === p.groupBy ? 'true' : undefined}>
                  {GROUP_BY[g].label}
                </a>
              ))}
            </nav>
            {unsettledNote(view) && (
              <p className="melding" data-testid="nog-niet-bekend">
                {unsettledNote(view)}
              </p>
            )}
            {!(comparison instanceof ViewError) && (
              <Comparison periods={comparison} headline={view.indicator.headline} />
            )}
            {ranked || overTime ? (
              <details className="formulier-blok">
                <summary>Verdeling over de categorieën</summary>
                <GroupChart view={view} />
              </details>
            ) : (
              <GroupChart view={view} />
            )}
            <IndicatorTable
              view={view}
              allRowsHref={search.get('rijen') === 'alle' ? undefined : `${withGroup(p.groupBy)}&rijen=alle`}
              caption={`${indicator.label}, ${GROUP_BY[p.groupBy].label.toLowerCase()}, einddatum ${formatMonth(view.filters.eind_van!)} t/m ${formatMonth(view.filters.eind_tm!)}`}
            />
            <p className="exporteren">
              Exporteren:{' '}
              <a href={`/api/dashboard/${indicator.key}/export?${query}&groep=${p.groupBy}&formaat=csv`} download>
                CSV
              </a>
              {' · '}
              <a href={`/api/dashboard/${indicator.key}/export?${query}&groep=${p.groupBy}&formaat=xlsx`} download>
                Excel
              </a>
            </p>
          </>
        )}
      </div>
    </>
  );
}
