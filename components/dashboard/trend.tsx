import { TrendChart } from '@/components/charts/trend-chart';
import { formatPct } from '@/lib/indicators/format-figure';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';
import { trendPoints } from './trend-points';

/** The trend over the table's periods: the chart, a caption that says how to read it, and a list for screen readers. */
export function Trend({ view, asOf }: { view: IndicatorView; asOf: Date }) {
  const points = trendPoints(view, asOf);
  const headline = view.indicator.headline;
  return (
    <figure className="antwoord" aria-labelledby="trend-kop">
      <figcaption id="trend-kop">
        <strong>{headline[0].toUpperCase() + headline.slice(1)} door de tijd</strong>. De schaal begint niet bij 0,
        zodat een verandering zichtbaar is; een open rondje aan een stippellijn is een periode die nog loopt; een
        onderbreking is een periode zonder getoond cijfer. De tabel hieronder geeft alle cijfers.
      </figcaption>
      <TrendChart points={points} headline={headline} />
      <ol className="sr-only">
        {points.map((p) => (
          <li key={p.label}>
            {p.label}
            {p.running && ' (loopt nog)'}: {p.why ?? formatPct(p.pct)}
          </li>
        ))}
      </ol>
    </figure>
  );
}
