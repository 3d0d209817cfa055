/** What the trend's lines need of a point: its share (null: a gap) and whether its period still runs. */
type Point = { pct: number | null; running: boolean };

/**
 * The trend's lines as runs of point indices: solid through consecutive ended periods with a figure,
 * a gap wherever a period has none; dashed from the last ended period into the running one(s) after it,
 * only where both have a figure. A plain module: the server draws the chart, and the unit tests read it.
 */
export function trendSegments(points: Point[]): { settled: number[][]; dashed: number[] } {
  const settled: number[][] = [];
  points.forEach((p, i) => {
    if (p.running || p.pct === null) return;
    if (i === 0 || points[i - 1].running || points[i - 1].pct === null) settled.push([]);
    settled[settled.length - 1].push(i);
  });
  const firstRunning = points.findIndex((p) => p.running);
  const dashed: number[] = [];
  if (firstRunning >= 0)
    for (let i = Math.max(0, firstRunning - 1); i < points.length && points[i].pct !== null; i++) dashed.push(i);
  return { settled, dashed: dashed.length > 1 ? dashed : [] };
}
