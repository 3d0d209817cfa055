import { paletteFor } from '@/components/charts/palette';
import { Legend, StackedBar } from '@/components/charts/stacked-bar';
import { TABLE_ROWS, withMostClients } from '@/lib/indicators/indicator-table';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';

/**
 * One stacked bar per row of the table (the table below is the accessible alternative); of many rows,
 * the CHART_ROWS with the most clients.
 */
export function GroupChart({ view }: { view: IndicatorView }) {
  const colours = paletteFor(view.indicator.categories.length, view.indicator.favourable === 'last');
  const some = withMostClients(view.rows, (r) => r.populatie.n);
  const rows = view.groupBy === 'totaal' ? [view.total] : [...some, { ...view.total, label: 'Totaal' }];
  return (
    <figure
      className="groepgrafiek"
      aria-label={`Grafiek ${view.indicator.label}; dezelfde cijfers staan in de tabel hieronder`}
    >
      {some.length < view.rows.length && (
        <figcaption>
          De {some.length} groepen met de meeste cliënten (van de {view.rows.length});{' '}
          {view.rows.length > TABLE_ROWS
            ? 'de tabel hieronder toont er meer, en alle met de link erboven.'
            : 'de tabel hieronder heeft ze alle.'}
        </figcaption>
      )}
      <Legend items={view.indicator.categories.map((c, i) => ({ label: c.label, colour: colours[i] }))} />
      {rows.map((r) => (
        <div className="groepbalk" key={r.key + r.label}>
          <span className="groeplabel">{r.label}</span>
          <StackedBar
            segments={view.indicator.categories.map((c, i) => ({
              label: c.label,
              pct: r.categories[i].pct,
              colour: colours[i],
            }))}
          />
        </div>
      ))}
    </figure>
  );
}
