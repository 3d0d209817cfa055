'use client';

import dynamic from 'next/dynamic';
import type { TrendPoint } from './trend-lines';
import { useBoxWidth } from './use-box-width';

// recharts loads after the page has become interactive, never before the table (see ranking-chart.tsx).
const TrendLines = dynamic(() => import('./trend-lines').then((m) => m.TrendLines), { ssr: false });

/** The trend chart in a box as wide as its place on the page; the lines are drawn once it is measured. */
export function TrendChart({ points, headline }: { points: TrendPoint[]; headline: string }) {
  const { box, width } = useBoxWidth<HTMLDivElement>();
  return (
    <div ref={box} className="trendgrafiek" aria-hidden="true">
      {width > 0 && <TrendLines points={points} headline={headline} width={width} />}
    </div>
  );
}
