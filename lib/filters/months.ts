// Months as the dashboards use them: "yyyy-mm" strings, compared as text, shifted in whole months.

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;

export const isMonth = (v: string) => MONTH.test(v);

/** The month `n` months after `month` (negative: before). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** First day of the month, as an ISO date. */
export const firstDay = (month: string) => `${month}-01`;

export const monthsBetween = (from: string, to: string) => {
  const [a, b] = [from, to].map((m) => m.split('-').map(Number));
  return (b[0] - a[0]) * 12 + (b[1] - a[1]);
};

const nlMonth = new Intl.DateTimeFormat('nl-NL', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const formatMonth = (month: string) => nlMonth.format(new Date(`${firstDay(month)}T00:00:00Z`));

/** The first month of the quarter `month` is in, or (end) the last. */
export function quarterBound(month: string, end: boolean): string {
  const m = Number(month.slice(5, 7));
  const first = m - ((m - 1) % 3);
  return addMonths(`${month.slice(0, 4)}-01`, first - 1 + (end ? 2 : 0));
}
