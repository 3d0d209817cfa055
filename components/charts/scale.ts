// Shared by the server-drawn sparklines and the client trend chart: a plain module, not a client one.

/** A scale that shows the movement: from a little under the lowest to a little over the highest, in fives. */
export function trendDomain(values: number[]): [number, number] {
  if (!values.length) return [0, 100];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(2, (hi - lo) * 0.15);
  return [Math.max(0, Math.floor((lo - pad) / 5) * 5), Math.min(100, Math.ceil((hi + pad) / 5) * 5)];
}
