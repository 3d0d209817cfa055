'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPct } from '@/lib/indicators/format-figure';
import { chartHeight, type RankingRow } from './ranking-layout';
import { isNarrow } from './use-box-width';

/** The bars themselves (recharts), drawn at the measured width: loaded by ranking-chart.tsx once it has one. */
export function RankingBars({
  rows,
  average,
  headline,
  width,
}: {
  rows: RankingRow[];
  average: number | null;
  headline: string;
  width: number;
}) {
  const narrow = isNarrow(width);
  // on a phone the name alone (the table has the code), shorter; a hidden row says "< 7" by its name
  const short = (label: string) => {
    const name = narrow ? label.replace(/ \(\d+\)$/, '') : label;
    const max = narrow ? 24 : 40;
    return name.length > max ? `${name.slice(0, max - 1)}…` : name;
  };
  const data = rows.map((r) => ({
    label: r.hidden ? `${short(r.label)} (< 7)` : short(r.label),
    full: r.label,
    dezePeriode: r.pct,
    jaarEerder: r.lastYear,
    tekst: formatPct(r.pct),
  }));
  const max = Math.max(10, ...rows.flatMap((r) => [r.pct ?? 0, r.lastYear ?? 0]), average ?? 0);
  return (
    <BarChart
      width={width}
      height={chartHeight(rows.length, narrow)}
      data={data}
      layout="vertical"
      margin={{ top: 22, right: 48, bottom: 8, left: 8 }}
      barCategoryGap={4}
      accessibilityLayer={false}
    >
      <CartesianGrid horizontal={false} stroke="#d1d5db" />
      <XAxis type="number" domain={[0, Math.ceil((max * 1.1) / 5) * 5]} tickFormatter={(v: number) => `${v}%`} />
      <YAxis
        type="category"
        dataKey="label"
        width={narrow ? 130 : 290}
        tick={{ fontSize: narrow ? 11 : 12, fill: '#111827' }}
      />
      <Tooltip
        formatter={(v, name) => [
          formatPct(typeof v === 'number' ? v : null),
          name === 'dezePeriode' ? 'deze periode' : 'een jaar eerder',
        ]}
        labelFormatter={(_, items) => String(items?.[0]?.payload?.full ?? '')}
      />
      <Legend
        formatter={(v: string) => (
          <span style={{ color: '#111827' }}>
            {v === 'dezePeriode' ? `${headline}, deze periode` : 'een jaar eerder'}
          </span>
        )}
      />
      <Bar dataKey="dezePeriode" fill="#1f2937" isAnimationActive={false}>
        <LabelList dataKey="tekst" position="right" fontSize={11} />
      </Bar>
      <Bar dataKey="jaarEerder" fill="#d1d5db" stroke="#6b7280" isAnimationActive={false} />
      {average !== null && (
        <ReferenceLine
          x={average}
          stroke="#000"
          strokeDasharray="5 3"
          label={{ value: `gemiddeld ${formatPct(average)}`, position: 'top', fontSize: 11 }}
        />
      )}
    </BarChart>
  );
}
