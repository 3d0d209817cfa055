import { formatPct } from '@/lib/indicators/format-figure';
import { trendDomain } from './scale';

type Point = { label: string; pct: number | null };

/**
 * The headline share per period as a small line chart. Hidden (suppressed) periods leave a gap
 * rather than a guessed value. Decorative: the caller shows the same points as text or a table.
 */
export function TrendLine({ points }: { points: Point[] }) {
  const W = 200;
  const H = 60;
  const x = (i: number) => (points.length < 2 ? W / 2 : 8 + (i * (W - 16)) / (points.length - 1));
  // the scale fits the values (from 0 a change of a few points looked flat)
  const [lo, hi] = trendDomain(points.flatMap((p) => (p.pct === null ? [] : [p.pct])));
  const y = (pct: number) => H - 8 - ((pct - lo) / (hi - lo)) * (H - 16);
  const runs: Point[][] = [];
  points.forEach((p, i) => {
    if (p.pct === null) return;
    if (i === 0 || points[i - 1].pct === null) runs.push([]);
    runs[runs.length - 1].push(p);
  });
  return (
    <svg className="trend" viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
      {/* the scale's bounds written at the side: it does not start at 0 */}
      <line x1={0} x2={W} y1={y(lo)} y2={y(lo)} stroke="#9ca3af" strokeWidth={0.5} />
      <line x1={0} x2={W} y1={y(hi)} y2={y(hi)} stroke="#d1d5db" strokeWidth={0.5} strokeDasharray="2 2" />
      <text x={0} y={y(hi) - 1} fontSize={8} fill="#374151">
        {hi}%
      </text>
      <text x={0} y={y(lo) + 8} fontSize={8} fill="#374151">
        {lo}%
      </text>
      {runs.map((run, r) => (
        <polyline
          key={r}
          fill="none"
          stroke="#0072B2"
          strokeWidth={2}
          points={run.map((p) => `${x(points.indexOf(p))},${y(p.pct!)}`).join(' ')}
        />
      ))}
      {points.map((p, i) =>
        p.pct === null ? null : (
          <g key={p.label}>
            <circle cx={x(i)} cy={y(p.pct)} r={2.5} fill="#0072B2" />
            {i === points.length - 1 && (
              <text x={x(i)} y={y(p.pct) - 5} fontSize={9} textAnchor="end">
                {formatPct(p.pct)}
              </text>
            )}
          </g>
        ),
      )}
    </svg>
  );
}
