/** One ranked row: this period and a year earlier as shares, or hidden ("< 7"). */
export type RankingRow = { label: string; pct: number | null; lastYear: number | null; hidden: boolean };

const ROW_HEIGHT = 30;

/**
 * The ranking chart's height for its rows: on a phone (narrow) each row a little taller. Known before
 * the chart is drawn, so the page keeps the chart's place while recharts loads and the table below
 * does not jump.
 */
export const chartHeight = (rows: number, narrow: boolean) =>
  Math.max(140, rows * (narrow ? ROW_HEIGHT + 8 : ROW_HEIGHT) + 80);
