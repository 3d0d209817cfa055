import { addMonths, monthOf, monthsBetween, quarterBound } from '@/lib/filters/months';
import { CODE_KEYS, FILTERS, type FilterState } from '@/lib/filters/registry';
import type { GroupBy } from './group-by';

// The views a protected scope (a municipality, a region, a shareable report) may ask for
// (docs/disclosure-control.md, "The query grammar"). Perturbation gives every set of clients one
// offset, so asking the same group again gives nothing new; what it cannot stop is averaging many
// *different* differences that each isolate the same small group: "all but one" of a freely chosen
// set of municipalities, providers or codes, or periods that slide by a month, give one independent
// estimate each. The grammar leaves no such free padding: per dimension one value or all, periods
// that are whole calendar quarters or years. A provider's own exact view is never passed through here.

/**
 * A protected period is one of these, in quarters, on end date: whole calendar units only. No
 * half-years: with them a quarter is also a half-year minus the other quarter, a second estimate
 * beside the year minus three quarters, and averaged they recover hidden quarters more often than one
 * difference does (measured, docs/disclosure-control.md).
 */
const PERIOD_QUARTERS = { kwartaal: 1, jaar: 4 } as const;

/** The periods a protected view, a shareable report or a kwaliteitsgesprek may cover. */
export const PROTECTED_PERIOD_KINDS = Object.keys(PERIOD_QUARTERS) as (keyof typeof PERIOD_QUARTERS)[];

/** Groupings by time: their rows are months, quarters or years. */
const TIME_GROUPINGS: ReadonlySet<GroupBy> = new Set(['maand', 'kwartaal', 'jaar']);

/** A trend (a grouping by time) spans whole calendar years, at most this many. */
export const TREND_MAX_YEARS = 3;

export type ProtectedView = {
  filters: FilterState;
  /** What was changed to fit the grammar, in Dutch, for the page and the API. */
  notes: string[];
};

const yearOf = (month: string) => month.slice(0, 4);
const quartersIn = (van: string, tm: string) => (monthsBetween(van, tm) + 1) / 3;

/** Whether [van, tm] (whole quarters) is a calendar quarter or year. */
function isCalendarPeriod(van: string, tm: string): boolean {
  const n = quartersIn(van, tm);
  const startMonth = Number(van.slice(5, 7));
  if (n === PERIOD_QUARTERS.kwartaal) return true;
  return n === PERIOD_QUARTERS.jaar && startMonth === 1;
}

/**
 * The period of a protected view. Without one: the calendar year of the last whole month before
 * `asOf` (moved back `lagMonths`), so a running year shows its figures so far. With one: widened to
 * whole quarters (a grouping by year to whole years); then a calendar quarter or year stays, a trend
 * (a grouping by time) becomes the whole calendar years it touches (at most three, the last ones), and
 * any other view the calendar year its end lies in.
 */
function protectedPeriod(f: FilterState, groupBy: GroupBy, asOf: Date, lagMonths: number, notes: string[]) {
  const year = (y: string) => ({ van: `${y}-01`, tm: `${y}-12` });
  if (!f.eind_van || !f.eind_tm) return year(yearOf(f.eind_tm ?? addMonths(monthOf(asOf), -1 - lagMonths)));
  let van = quarterBound(f.eind_van, false);
  let tm = quarterBound(f.eind_tm, true);
  if (groupBy === 'jaar') [van, tm] = [year(yearOf(van)).van, year(yearOf(tm)).tm];
  if (!isCalendarPeriod(van, tm)) {
    if (TIME_GROUPINGS.has(groupBy)) {
      const last = yearOf(tm);
      const first = String(Math.max(Number(yearOf(van)), Number(last) - TREND_MAX_YEARS + 1));
      const years = { van: year(first).van, tm: year(last).tm };
      if (years.van !== f.eind_van || years.tm !== f.eind_tm)
        notes.push(
          `Een verloop in de tijd gaat over hele kalenderjaren (hoogstens ${TREND_MAX_YEARS}): getoond wordt ${first === last ? last : `${first} t/m ${last}`}.`,
        );
      return years;
    }
    notes.push(
      `Voor gemeenten en regio's gaat een periode over één kwartaal of kalenderjaar: getoond wordt ${yearOf(tm)}.`,
    );
    return year(yearOf(tm));
  }
  if (van !== f.eind_van || tm !== f.eind_tm) notes.push('De periode is verruimd tot hele kwartalen.');
  return { van, tm };
}

/**
 * The view a protected scope gets for the filters it asked: each code filter one value or none (all);
 * the start date one calendar year or none; the period as protectedPeriod. Idempotent: a view that
 * fits comes back unchanged, without notes.
 */
export function protectedView(f: FilterState, groupBy: GroupBy, asOf: Date, lagMonths = 0): ProtectedView {
  const notes: string[] = [];
  const out: FilterState = {};
  const period = protectedPeriod(f, groupBy, asOf, lagMonths, notes);
  out.eind_van = period.van;
  out.eind_tm = period.tm;
  const begin = f.begin_van ?? f.begin_tm;
  if (begin) {
    const year = yearOf(begin);
    out.begin_van = `${year}-01`;
    out.begin_tm = `${year}-12`;
    if (out.begin_van !== f.begin_van || out.begin_tm !== f.begin_tm)
      notes.push(`De startdatum gaat over één kalenderjaar: ${year}.`);
  }
  for (const key of CODE_KEYS) {
    const values = f[key];
    if (!values?.length) continue;
    if (values.length === 1) out[key] = values;
    else notes.push(`${FILTERS[key].label}: kies één waarde of alle; nu zijn alle waarden getoond.`);
  }
  return { filters: out, notes };
}
