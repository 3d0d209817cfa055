'use client';

import dynamic from 'next/dynamic';
import { chartHeight, type RankingRow } from './ranking-layout';
import { isNarrow, useBoxWidth } from './use-box-width';

// recharts (~370 KB of script) loads after the page has become interactive, never before the table:
// on a slow phone its parsing held up the whole page (docs/benchmarks.md, Sessie 24).
const RankingBars = dynamic(() => import('./ranking-bars').then((m) => m.RankingBars), { ssr: false });

/**
 * The ranked headline per provider or municipality: this period as a dark bar with its value, a year
 * earlier as a light bar beneath it, the whole as a dashed reference line. Black-and-white legible
 * (two greys and a dash, values written out). The table on the page is the accessible alternative;
 * the chart is described in its caption and hidden rows say "< 7".
 */
export function RankingChart({
  rows,
  average,
  headline,
}: {
  rows: RankingRow[];
  average: number | null;
  headline: string;
}) {
  const { box, width } = useBoxWidth<HTMLDivElement>();
  return (
    // hidden from screen readers and out of the tab order: the caption, the list and the table carry it
    <div
      ref={box}
      className="rangschikking"
      aria-hidden="true"
      style={{ minHeight: chartHeight(rows.length, width > 0 && isNarrow(width)) }}
    >
      {width > 0 && <RankingBars rows={rows} average={average} headline={headline} width={width} />}
    </div>
  );
}
