import { createHash } from 'node:crypto';
import { CODE_KEYS, type CodeKey, type FilterState, type MonthKey } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import type { GroupBy } from '@/lib/indicators/group-by';

// What a view is for the budget and the detector (docs/view-budget.md): its key, and its families.
// Pure: the SQL function charge_view stores and counts what this computes.

export type ChargedView = { indicator: string; domein: Domein; groupBy: GroupBy; filters: FilterState };

/**
 * The dimensions along which a view has variants: the period (both bounds together), the start-date
 * range, and each code filter. A view's family for dimension d is the view with d left out.
 */
const MONTH_DIMENSIONS = {
  periode: ['eind_van', 'eind_tm'],
  startdatum: ['begin_van', 'begin_tm'],
} as const satisfies Record<string, readonly MonthKey[]>;

export type Dimension = keyof typeof MONTH_DIMENSIONS | CodeKey;

/** In the order of view_charge.families (a stored family key's position names its dimension). */
export const DIMENSIONS: readonly Dimension[] = [...(Object.keys(MONTH_DIMENSIONS) as Dimension[]), ...CODE_KEYS];

/** The Dutch name of a dimension, for the TTP's monitor and the audit log. */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  periode: 'periode',
  startdatum: 'startdatum',
  reden_einde: 'reden einde',
  gemeente: 'gemeente',
  aanbieder: 'aanbieder',
  profiel: 'profiel',
  verwijzer: 'verwijzer',
  productcategorie: 'productcategorie',
  perspectief: 'perspectief',
  zorgvraagzwaarte: 'zorgvraagzwaarte',
  hulpvorm: 'hulpvorm',
  complexiteit: 'complexiteit',
  respondent: 'respondent',
};

const filterKeysOf = (d: Dimension): readonly string[] =>
  d in MONTH_DIMENSIONS ? MONTH_DIMENSIONS[d as keyof typeof MONTH_DIMENSIONS] : [d];

/** The view with its filters in a fixed order, empty ones left out and code lists sorted. */
export function canonicalView(view: ChargedView): ChargedView {
  const filters: Record<string, string | string[]> = {};
  for (const key of Object.keys(view.filters).sort()) {
    const v = view.filters[key as keyof FilterState];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    filters[key] = Array.isArray(v) ? [...v].sort() : v;
  }
  return { indicator: view.indicator, domein: view.domein, groupBy: view.groupBy, filters: filters as FilterState };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** SHA-256 (hex) of the canonical view: the same view through page, export or API has one key. */
export const viewKey = (view: ChargedView): string => sha256(JSON.stringify(canonicalView(view))).toString('hex');

/** The view without dimension d: what its variants along d have in common. */
export function familyOf(view: ChargedView, d: Dimension): ChargedView {
  const c = canonicalView(view);
  const left = new Set(filterKeysOf(d));
  const filters = Object.fromEntries(Object.entries(c.filters).filter(([k]) => !left.has(k)));
  return { ...c, filters: filters as FilterState };
}

/**
 * One 64-bit key per dimension (as decimal strings for PostgreSQL's bigint[]): the family's canonical
 * JSON with the dimension named, so families along different dimensions never share a key.
 */
export const familyKeys = (view: ChargedView): string[] =>
  DIMENSIONS.map((d) =>
    sha256(JSON.stringify({ ...familyOf(view, d), without: d }))
      .readBigInt64BE(0)
      .toString(),
  );

/** The budget's month of a moment: calendar months in Europe/Amsterdam (yyyy-mm). */
const AMSTERDAM_MONTH = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
});

export function budgetMonth(at: Date): string {
  const parts = AMSTERDAM_MONTH.formatToParts(at).reduce<Record<string, string>>(
    (acc, p) => Object.assign(acc, { [p.type]: p.value }),
    {},
  );
  return `${parts.year}-${parts.month}`;
}
