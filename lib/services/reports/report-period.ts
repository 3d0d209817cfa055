import { addMonths, monthOf } from '@/lib/filters/months';

// Periods of a spiegelrapportage and a kwaliteitsgesprek: a quarter ("2026-K3"), a half year
// ("2026-H1") or a year ("2026"), always on end date (einddatum) in whole months.

export type PeriodKind = 'kwartaal' | 'halfjaar' | 'jaar';

export type ReportPeriod = { key: string; kind: PeriodKind; label: string; van: string; tm: string };

const LENGTH: Record<PeriodKind, number> = { kwartaal: 3, halfjaar: 6, jaar: 12 };
const ORDINAL = ['1e', '2e', '3e', '4e'];

function make(kind: PeriodKind, year: number, index: number): ReportPeriod {
  const len = LENGTH[kind];
  const van = `${year}-${String((index - 1) * len + 1).padStart(2, '0')}`;
  const tm = addMonths(van, len - 1);
  switch (kind) {
    case 'kwartaal':
      return { key: `${year}-K${index}`, kind, label: `${ORDINAL[index - 1]} kwartaal ${year}`, van, tm };
    case 'halfjaar':
      return { key: `${year}-H${index}`, kind, label: `${ORDINAL[index - 1]} halfjaar ${year}`, van, tm };
    case 'jaar':
      return { key: String(year), kind, label: String(year), van, tm };
  }
}

/** "2026-K3", "2026-H1" or "2026"; anything else (or a year outside 2015–2100) is null. */
export function parsePeriod(key: string | undefined | null): ReportPeriod | null {
  const m = /^(20\d\d)(?:-(K[1-4]|H[12]))?$/.exec(key ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2015) return null; // the Jeugdwet
  if (!m[2]) return make('jaar', year, 1);
  return make(m[2][0] === 'K' ? 'kwartaal' : 'halfjaar', year, Number(m[2][1]));
}

/** The period `n` periods before (negative) or after this one, of the same kind. */
export function shiftPeriod(p: ReportPeriod, n: number): ReportPeriod {
  const len = LENGTH[p.kind];
  const van = addMonths(p.van, n * len);
  const year = Number(van.slice(0, 4));
  return make(p.kind, year, (Number(van.slice(5, 7)) - 1) / len + 1);
}

/** This period and the `count - 1` before it, oldest first: the consecutive periods a report compares. */
export const periodSeries = (p: ReportPeriod, count: number) =>
  Array.from({ length: count }, (_, i) => shiftPeriod(p, i - count + 1));

/** The last whole period of this kind that has ended before `asOf`. */
export function lastCompletePeriod(kind: PeriodKind, asOf: Date): ReportPeriod {
  const month = addMonths(monthOf(asOf), -1);
  const len = LENGTH[kind];
  const year = Number(month.slice(0, 4));
  const index = Math.floor((Number(month.slice(5, 7)) - 1) / len) + 1;
  const candidate = make(kind, year, index);
  return candidate.tm === month ? candidate : shiftPeriod(candidate, -1);
}

/** Choices for a period picker: the last `count` complete periods of each kind, newest first. */
export function recentPeriods(
  asOf: Date,
  count = 8,
  kinds: readonly PeriodKind[] = ['kwartaal', 'halfjaar', 'jaar'],
): ReportPeriod[] {
  return kinds.flatMap((kind) => {
    const last = lastCompletePeriod(kind, asOf);
    return Array.from({ length: kind === 'kwartaal' ? count : Math.ceil(count / 2) }, (_, i) => shiftPeriod(last, -i));
  });
}
