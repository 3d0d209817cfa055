'use client';

import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPct } from '@/lib/indicators/format-figure';
import { trendDomain } from './scale';
import { isNarrow } from './use-box-width';

export type TrendPoint = {
  label: string;
  /** The headline share; null when hidden ("< 7"), without clients, or not known yet. */
  pct: number | null;
  /** The period has not ended: its figure is of part of it. */
  running: boolean;
  why: string | null;
};

/**
 * The headline over the periods of the table: axes in per cent on a scale that fits the values (not
 * from 0, where a change of a few points looks flat), a tooltip per point, a gap where a period is
 * hidden or not known, and a running period drawn as an open circle on a dashed line. Black-and-white
 * legible (one line, a dash, open or filled). The table on the page is the accessible alternative.
 */
export function TrendLines({ points, headline, width }: { points: TrendPoint[]; headline: string; width: number }) {
  // The settled line stops at the last ended period; the dashed one joins it to the running period.
  const lastEnded = points.findLastIndex((p) => !p.running && p.pct !== null);
  const data = points.map((p, i) => ({
    ...p,
    vast: p.running ? null : p.pct,
    lopend: p.running || i === lastEnded ? p.pct : null,
  }));
  const values = points.flatMap((p) => (p.pct === null ? [] : [p.pct]));
  return (
    <LineChart
      width={width}
      height={isNarrow(width) ? 220 : 260}
      data={data}
      margin={{ top: 12, right: 24, bottom: 8, left: 0 }}
      accessibilityLayer={false}
    >
      <CartesianGrid stroke="#d1d5db" vertical={false} />
      <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#111827' }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis
        domain={trendDomain(values)}
        tickFormatter={(v: number) => `${v}%`}
        width={48}
        tick={{ fontSize: 11, fill: '#111827' }}
        allowDecimals={false}
      />
      <Tooltip
        formatter={(_v, _name, item) => {
          const p = item.payload as TrendPoint;
          return [p.pct === null ? (p.why ?? '—') : formatPct(p.pct), headline];
        }}
        labelFormatter={(label, items) =>
          `${String(label)}${(items?.[0]?.payload as TrendPoint | undefined)?.running ? ' (loopt nog: nog geen hele periode)' : ''}`
        }
      />
      <Line
        dataKey="vast"
        stroke="#111827"
        strokeWidth={2}
        dot={{ r: 4, fill: '#111827' }}
        connectNulls={false}
        isAnimationActive={false}
      />
      <Line
        dataKey="lopend"
        stroke="#111827"
        strokeWidth={2}
        strokeDasharray="5 4"
        dot={(props: { cx?: number; cy?: number; index?: number; payload?: TrendPoint }) =>
          props.payload?.running && props.cy !== undefined ? (
            <circle
              key={props.index}
              cx={props.cx}
              cy={props.cy}
              r={5}
              fill="#fff"
              stroke="#111827"
              strokeWidth={2}
              className="lopend-punt"
            />
          ) : (
            <g key={props.index} />
          )
        }
        connectNulls={false}
        isAnimationActive={false}
      />
    </LineChart>
  );
}
