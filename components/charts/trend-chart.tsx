import { formatPct } from '@/lib/indicators/format-figure';
import { trendDomain, trendTicks } from './scale';
import { trendSegments } from './trend-segments';

export type TrendPoint = {
  label: string;
  /** The headline share; null when hidden ("< 7"), without clients, or not known yet. */
  pct: number | null;
  /** The period has not ended: its figure is of part of it. */
  running: boolean;
  why: string | null;
};

/** At most this many period names under the chart, and on a phone (a narrow box) half of them. */
const LABELS = 10;

/**
 * The headline over the periods of the table: a scale in per cent that fits the values (not from 0,
 * where a change of a few points looks flat), a tooltip per point, a gap where a period is hidden or
 * not known, and a running period drawn as an open circle on a dashed line. Black-and-white legible
 * (one line, a dash, open or filled). The table on the page is the accessible alternative.
 *
 * Drawn on the server like the ranking (see ranking-chart.tsx): the lines in an SVG stretched to the
 * box (their strokes keep their width), the points, tooltips and labels in HTML on the same
 * percentages, so circles stay round and text stays sharp at every width.
 */
export function TrendChart({ points, headline }: { points: TrendPoint[]; headline: string }) {
  const domain = trendDomain(points.flatMap((p) => (p.pct === null ? [] : [p.pct])));
  const [lo, hi] = domain;
  const ticks = trendTicks(domain);
  // a little room at every side, so a point at the edge is drawn whole
  const x = (i: number) => (points.length < 2 ? 50 : 3 + (i * 94) / (points.length - 1));
  const y = (pct: number) => 5 + (1 - (pct - lo) / (hi - lo)) * 90;
  const at = (i: number) => `${x(i)},${y(points[i].pct!)}`;

  const { settled, dashed } = trendSegments(points);

  // the period names under the chart, counted back from the latest (the one asked about most)
  const every = Math.ceil(points.length / LABELS);
  const labelled = points.flatMap((_, i) => ((points.length - 1 - i) % every === 0 ? [i] : []));

  return (
    // hidden from screen readers: the caption, the list and the table carry it
    <div className="trendgrafiek" aria-hidden="true">
      <div className="trend-as-y">
        {ticks.map((t) => (
          <span key={t} style={{ top: `${y(t)}%` }}>
            {t}%
          </span>
        ))}
      </div>
      <div className="trend-vlak">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {ticks.map((t) => (
            <line key={t} x1={0} x2={100} y1={y(t)} y2={y(t)} className="trend-raster" />
          ))}
          {settled.map((run) => (
            <polyline key={run[0]} points={run.map(at).join(' ')} className="trend-lijn" />
          ))}
          {dashed.length > 0 && <polyline points={dashed.map(at).join(' ')} className="trend-lijn lopend" />}
        </svg>
        {points.map((p, i) =>
          p.pct === null ? null : (
            <span
              key={p.label}
              className={`trend-punt${p.running ? ' lopend-punt' : ''}${x(i) > 50 ? ' rechts' : ''}`}
              style={{ left: `${x(i)}%`, top: `${y(p.pct)}%` }}
            >
              <span className="trend-tip">
                {p.label}
                {p.running && ' (loopt nog: nog geen hele periode)'}
                <br />
                {headline}: {formatPct(p.pct)}
              </span>
            </span>
          ),
        )}
      </div>
      <div className="trend-as-x">
        {labelled.map((i, k) => (
          <span
            key={points[i].label}
            // on a phone every other name, still ending at the latest
            className={(labelled.length - 1 - k) % 2 ? 'smal-weg' : undefined}
            style={{ left: `${x(i)}%` }}
          >
            {points[i].label}
          </span>
        ))}
      </div>
    </div>
  );
}
