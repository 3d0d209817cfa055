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

/** "K4 2025": the quarter `month` is in. */
export const quarterLabel = (month: string) => `K${Math.ceil(Number(month.slice(5, 7)) / 3)} ${month.slice(0, 4)}`;

/** A period bound as people read it: a whole quarter's bound as "K4 2025", any other month as "nov. 2025". */
export const boundLabel = (month: string, end: boolean) =>
  quarterBound(month, end) === month ? quarterLabel(month) : formatMonth(month);

/**
 * The choices of a quarter picker: every quarter from `firstYear` up to and including the one `asOf`
 * is in, newest first, as the month a "van" bound (its first) or a "t/m" bound (its last) stands for.
 */
export function quarterChoices(firstYear: number, asOf: Date, end: boolean): { value: string; label: string }[] {
  const last = quarterBound(monthOf(asOf), false);
  const out: { value: string; label: string }[] = [];
  for (let m = last; m >= `${firstYear}-01`; m = addMonths(m, -3))
    out.push({ value: end ? addMonths(m, 2) : m, label: quarterLabel(m) });
  return out;
}
