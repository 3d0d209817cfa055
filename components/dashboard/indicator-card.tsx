import { paletteFor } from '@/components/charts/palette';
import { Legend, StackedBar } from '@/components/charts/stacked-bar';
import { TrendLine } from '@/components/charts/trend-line';
import { Link } from '@/components/ui/link';
import { HIDDEN_EXPLANATION, HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import { formatN, formatPct, NOT_YET_KNOWN, notYetKnown, unsettledNote } from '@/lib/indicators/format-figure';
import type { OverviewCard } from '@/lib/services/indicators/get-dashboard-overview';

/** One indicator on the overview: the distribution bar, the headline with n, and the trend per quarter. */
export function IndicatorCard({ card, href }: { card: OverviewCard; href: string }) {
  const { view, trend } = card;
  const colours = paletteFor(view.indicator.categories.length, view.indicator.favourable === 'last');
  const t = view.total;
  const points = trend.rows.map((r) => ({ label: r.label, pct: r.headline.pct }));
  return (
    <article className="indicatorkaart" aria-labelledby={`kaart-${view.indicator.key}`}>
      <h2 id={`kaart-${view.indicator.key}`}>
        <Link href={href}>{view.indicator.label}</Link>
      </h2>
      {notYetKnown(view.unsettledFrom, t.populatie) ? (
        <p className="kerncijfer">
          <strong>{NOT_YET_KNOWN}</strong>
        </p>
      ) : (
        <p className="kerncijfer">
          <strong>
            {t.headline.suppressed ? (
              <abbr title={HIDDEN_EXPLANATION}>{HIDDEN_MARKER}</abbr>
            ) : (
              formatPct(t.headline.pct)
            )}
          </strong>{' '}
          {view.indicator.headline}
          <span className="n"> (n = {formatN(t.populatie)} cliënten)</span>
        </p>
      )}
      {unsettledNote(view) && <p className="hint">{unsettledNote(view)}</p>}
      <StackedBar
        segments={view.indicator.categories.map((c, i) => ({
          label: c.label,
          pct: t.categories[i].pct,
          colour: colours[i],
        }))}
      />
      <Legend items={view.indicator.categories.map((c, i) => ({ label: c.label, colour: colours[i] }))} />
      <ul className="sr-only">
        {view.indicator.categories.map((c, i) => (
          <li key={c.key}>
            {c.label}: {formatPct(t.categories[i].pct)}, n = {formatN(t.categories[i])}
          </li>
        ))}
      </ul>
      <TrendLine points={points} />
      <p className="trendtekst">
        Per kwartaal:{' '}
        {points.length ? points.map((p) => `${p.label} ${formatPct(p.pct)}`).join(' · ') : 'geen gegevens'}
      </p>
      {t.respons && <p className="respons">Respons: {formatPct(t.respons.pct)}</p>}
    </article>
  );
}
