import { addMonths } from '@/lib/filters/months';
import type { FilterState } from '@/lib/filters/registry';
import { type Box, DIMENSIONS, type Observation } from './averaging-attack';

// The families of the averaging attack (docs/disclosure-control.md, "Residual risk"): what a scripted
// insider asks for with a municipality's or a region's token to get many different differences that
// each isolate the same small group. They ask what the portal let them ask before the query grammar
// (sets of municipalities, providers and codes, periods sliding by a month, start-date variants); the
// portal answers the view it allows, and the attack works with the filters each answer says it applied.

export type AttackScope = 'gemeente' | 'regio';
export type Family = { name: string; scope: AttackScope; queries: string[] };

/** What the attacker knows of the scope: its values per dimension and the months with data. */
export type AttackDomain = {
  gemeenten: string[];
  /** AGB codes, as the filter takes them. */
  aanbieders: string[];
  verwijzer: string[];
  hulpvorm: string[];
  /** The calendar year to attack (a protected default) and the months around it for sliding periods. */
  year: number;
  firstMonth: string;
  lastMonth: string;
};

/**
 * Subsets of `values` of up to `small` members and their complements (all of them when few), and the
 * empty one: no filter, every value.
 */
function subsets(values: string[], small: number): string[][] {
  const out = new Map<string, string[]>([['', []]]);
  const add = (s: string[]) => s.length > 0 && out.set([...s].sort().join(','), [...s].sort());
  const walk = (start: number, chosen: string[]) => {
    if (chosen.length) {
      add(chosen);
      add(values.filter((v) => !chosen.includes(v)));
    }
    if (chosen.length === small) return;
    for (let i = start; i < values.length; i++) walk(i + 1, [...chosen, values[i]]);
  };
  walk(0, []);
  return [...out.values()];
}

const param = (key: string, values: string[]) => values.map((v) => `&${key}=${v}`).join('');
const period = (van: string, tm: string) => `eind_van=${van}&eind_tm=${tm}`;

export function attackFamilies(d: AttackDomain): Family[] {
  const y = d.year;
  const quarters = ['01', '04', '07', '10'].map((m) => period(`${y}-${m}`, addMonths(`${y}-${m}`, 2)));
  const periods = [period(`${y}-01`, `${y}-12`), ...quarters];
  const windows: string[] = [];
  for (let van = d.firstMonth; van <= d.lastMonth; van = addMonths(van, 1))
    for (let len = 1; len <= 12 && addMonths(van, len - 1) <= d.lastMonth; len++)
      windows.push(period(van, addMonths(van, len - 1)));
  const beginVariants = quarters.flatMap((q) =>
    [-24, -18, -12, -6].map((shift) => `${q}&begin_van=${addMonths(`${y}-01`, shift)}&begin_tm=${y}-12`),
  );
  return [
    {
      name: 'deelverzamelingen van gemeenten',
      scope: 'regio',
      queries: periods.flatMap((p) =>
        subsets(d.gemeenten, 2).map((s) => `${p}&groep=aanbieder${param('gemeente', s)}`),
      ),
    },
    {
      name: 'deelverzamelingen van aanbieders',
      scope: 'gemeente',
      queries: periods.flatMap((p) => subsets(d.aanbieders, 1).map((s) => `${p}${param('aanbieder', s)}`)),
    },
    {
      name: 'deelverzamelingen van filterwaarden',
      scope: 'gemeente',
      queries: subsets(d.verwijzer, 2).flatMap((v) =>
        [...subsets(d.hulpvorm, 1), []].map(
          (h) => `${periods[0]}&groep=aanbieder${param('verwijzer', v)}${param('hulpvorm', h)}`,
        ),
      ),
    },
    {
      name: 'verschuivende perioden',
      scope: 'gemeente',
      queries: [...windows, ...beginVariants].map((p) => `${p}&groep=aanbieder`),
    },
  ];
}

const monthsFrom = (van: string, tm: string) => {
  const out: string[] = [];
  for (let m = van; m <= tm; m = addMonths(m, 1)) out.push(m);
  return out;
};

/** A figure as the API gives it. */
type Shown = { n: number | null; suppressed: boolean };
/** The part of the API's answer the attack reads (lib/exports/indicator-json.ts). */
export type AnswerRow = { sleutel: string; kerncijfer: Shown; populatie: Shown };
export type Answer = { filters: FilterState; aanpassingen?: string[]; rijen: AnswerRow[]; totaal: AnswerRow };

/** The exact count behind each cell of an answer: by row key ('*' for the total) and column. */
export type Truth = (row: string, column: 'pop' | 'head') => { n: number; id: string };

/**
 * The boxes of one answer (per provider or in total), with what was shown and the truth. Where the
 * answer has no filter, a box covers the whole domain: `domain` gives it per dimension, and
 * `providerId` turns an AGB code of the filter into the row keys of a table per provider.
 */
export function observationsOf(
  answer: Answer,
  truth: Truth,
  domain: { gemeente: string[]; aanbieder: string[]; verwijzer: string[]; hulpvorm: string[]; begin: string[] },
  providerId: (agb: string) => string,
): Observation[] {
  const f = answer.filters;
  const base: Omit<Box['sets'], 'aanbieder'> = {
    maanden: monthsFrom(f.eind_van!, f.eind_tm!),
    gemeente: [...(f.gemeente ?? domain.gemeente)].sort(),
    verwijzer: [...(f.verwijzer ?? domain.verwijzer)].sort(),
    hulpvorm: [...(f.hulpvorm ?? domain.hulpvorm)].sort(),
    begin: f.begin_van && f.begin_tm ? monthsFrom(f.begin_van, f.begin_tm) : domain.begin,
  };
  const all = [...(f.aanbieder?.map(providerId) ?? domain.aanbieder)].sort();
  const out: Observation[] = [];
  const rows: [string, AnswerRow, string[]][] = [
    ['*', answer.totaal, all],
    ...answer.rijen.map((r): [string, AnswerRow, string[]] => [r.sleutel, r, [r.sleutel]]),
  ];
  for (const [key, row, aanbieder] of rows) {
    for (const [column, figure] of [
      ['pop', row.populatie],
      ['head', row.kerncijfer],
    ] as const) {
      const sets = { ...base, aanbieder } as Box['sets'];
      for (const dim of DIMENSIONS) if (!sets[dim]) throw new Error(`geen waarden voor ${dim}`);
      out.push({ box: { column, sets }, shown: figure.suppressed ? null : figure.n, truth: truth(key, column) });
    }
  }
  return out;
}
