import {
  COMPLEXITEIT,
  type CodeList,
  HULPVORM,
  PERSPECTIEF,
  PRODUCTCATEGORIE,
  PRODUCTCATEGORIE_WMO,
  PROFIEL,
  REDEN_EINDE,
  RESPONDENT,
  RESPONDENT_WMO,
  VERWIJZER,
  ZORGVRAAGZWAARTE,
} from '@/lib/cbs/code-lists';
import { Prisma } from '@/lib/db';
import type { Domein } from '@/lib/generated/prisma/enums';
import { AGB_CODE } from '@/lib/validation';

// Every dashboard filter, declared once: the URL parser, the filter bar, the SQL, the export and the
// API all read this table. Adding a filter is adding an entry.
// SQL fragments refer to the trajectory table as `t`; values arrive as bound parameters.

/** A month bound (URL value yyyy-mm): dashboards work in whole months. */
type MonthFilter = { kind: 'maand'; label: string; column: 'begindatum' | 'einddatum'; bound: 'van' | 'tm' };

/** A set of codes (URL: the key repeated, e.g. verwijzer=01&verwijzer=02). */
type CodeFilter = {
  kind: 'codes';
  label: string;
  /** A fixed code list, or 'scope': the options depend on what the user may see (lib/services/indicators/get-filter-options.ts). */
  options: CodeList | 'scope';
  /** The Wmo list where it differs from Jeugd's (lib/cbs/layout.ts); null: the field does not exist in Wmo. */
  wmoOptions?: CodeList | null;
  /** Syntax of one value where the options come from the scope. */
  pattern?: RegExp;
  /** Only for these scope kinds (a provider does not filter on providers). */
  scopes?: readonly ('aanbieder' | 'gemeente')[];
  sql: (values: string[]) => Prisma.Sql;
};

export type FilterDefinition = MonthFilter | CodeFilter;

const ints = (v: string[]) => v.map(Number);

export const FILTERS = {
  eind_van: { kind: 'maand', label: 'Einddatum van', column: 'einddatum', bound: 'van' },
  eind_tm: { kind: 'maand', label: 'Einddatum t/m', column: 'einddatum', bound: 'tm' },
  begin_van: { kind: 'maand', label: 'Startdatum van', column: 'begindatum', bound: 'van' },
  begin_tm: { kind: 'maand', label: 'Startdatum t/m', column: 'begindatum', bound: 'tm' },
  reden_einde: {
    kind: 'codes',
    label: 'Reden einde',
    options: REDEN_EINDE,
    sql: (v) => Prisma.sql`t.reden_einde = ANY(${v}::bpchar[])`,
  },
  gemeente: {
    kind: 'codes',
    label: 'Gemeente',
    options: 'scope',
    pattern: /^\d{4}$/,
    sql: (v) => Prisma.sql`t.gemeentecode = ANY(${v}::bpchar[])`,
  },
  aanbieder: {
    kind: 'codes',
    label: 'Aanbieder',
    options: 'scope',
    pattern: AGB_CODE,
    scopes: ['gemeente'],
    sql: (v) => Prisma.sql`t.aanbieder_id IN (SELECT o.id FROM organisation o WHERE o.agb_code = ANY(${v}::bpchar[]))`,
  },
  profiel: {
    kind: 'codes',
    label: 'Profiel',
    options: PROFIEL,
    sql: (v) => Prisma.sql`t.profiel = ANY(${ints(v)}::int[])`,
  },
  verwijzer: {
    kind: 'codes',
    label: 'Verwijzer',
    options: VERWIJZER,
    sql: (v) => Prisma.sql`t.verwijzer = ANY(${v}::bpchar[])`,
  },
  productcategorie: {
    kind: 'codes',
    label: 'Productcategorie',
    options: PRODUCTCATEGORIE,
    wmoOptions: PRODUCTCATEGORIE_WMO,
    sql: (v) => Prisma.sql`t.productcategorie = ANY(${v}::bpchar[])`,
  },
  perspectief: {
    kind: 'codes',
    label: 'Perspectief',
    options: PERSPECTIEF,
    wmoOptions: null,
    sql: (v) => Prisma.sql`t.perspectief = ANY(${v}::bpchar[])`,
  },
  zorgvraagzwaarte: {
    kind: 'codes',
    label: 'Zorgvraagzwaarte',
    options: ZORGVRAAGZWAARTE,
    sql: (v) => Prisma.sql`t.zorgvraagzwaarte = ANY(${ints(v)}::int[])`,
  },
  hulpvorm: {
    kind: 'codes',
    label: 'Hulpvorm',
    options: HULPVORM,
    wmoOptions: null,
    sql: (v) => Prisma.sql`t.hulpvorm = ANY(${v}::bpchar[])`,
  },
  complexiteit: {
    kind: 'codes',
    label: 'Complexiteit',
    options: COMPLEXITEIT,
    sql: (v) => Prisma.sql`t.complexiteit = ANY(${ints(v)}::int[])`,
  },
  respondent: {
    kind: 'codes',
    label: 'Respondent',
    options: RESPONDENT,
    wmoOptions: RESPONDENT_WMO,
    sql: (v) => Prisma.sql`t.respondent = ANY(${v}::bpchar[])`,
  },
} as const satisfies Record<string, FilterDefinition>;

export type FilterKey = keyof typeof FILTERS;
export type MonthKey = { [K in FilterKey]: (typeof FILTERS)[K] extends MonthFilter ? K : never }[FilterKey];
export type CodeKey = Exclude<FilterKey, MonthKey>;

export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];
export const MONTH_KEYS = FILTER_KEYS.filter((k): k is MonthKey => FILTERS[k].kind === 'maand');
export const CODE_KEYS = FILTER_KEYS.filter((k): k is CodeKey => FILTERS[k].kind === 'codes');

/** The filters of one view: months as yyyy-mm, codes as sorted, distinct lists. */
export type FilterState = { [K in MonthKey]?: string } & { [K in CodeKey]?: string[] };

export const codeFilter = (key: CodeKey): CodeFilter => FILTERS[key];

/** A code filter's options in one domain: its own list, the scope's, or null where Wmo lacks the field. */
export function optionsIn(key: CodeKey, domein: Domein): CodeList | 'scope' | null {
  const def = codeFilter(key);
  return domein === 'WMO' && def.wmoOptions !== undefined ? def.wmoOptions : def.options;
}
export const monthFilter = (key: MonthKey): MonthFilter => FILTERS[key];

/** The other bound of the same date range (eind_van ↔ eind_tm). */
export const partnerOf = (key: MonthKey): MonthKey =>
  MONTH_KEYS.find((k) => k !== key && monthFilter(k).column === monthFilter(key).column)!;
