// Scales shared by the charts, all drawn on the server: a plain module, not a client one.

/** A scale that shows the movement: from a little under the lowest to a little over the highest, in fives. */
export function trendDomain(values: number[]): [number, number] {
  if (!values.length) return [0, 100];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(2, (hi - lo) * 0.15);
  return [Math.max(0, Math.floor((lo - pad) / 5) * 5), Math.min(100, Math.ceil((hi + pad) / 5) * 5)];
}

/** The ticks of a trend's scale: multiples of the finest of 1, 2, 5, 10, 20 or 25 points that gives at most six steps. */
export function trendTicks([lo, hi]: [number, number]): number[] {
  const step = [1, 2, 5, 10, 20, 25].find((s) => (hi - lo) / s <= 6) ?? 25;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}

/**
 * The ranking's scale, from 0 (bars compare lengths): four equal steps of 5 to 25 points, the smallest
 * that holds the largest share with a little room for its value.
 */
export function rankingScale(values: number[]): { top: number; ticks: number[] } {
  const max = Math.max(10, ...values);
  const step = [5, 10, 15, 20, 25].find((s) => 4 * s >= max * 1.05) ?? 25;
  return { top: 4 * step, ticks: [0, 1, 2, 3, 4].map((i) => i * step) };
}
