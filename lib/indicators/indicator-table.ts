import type { IndicatorDefinition } from './definition';
import type { CellKind, RawCell } from './query-indicator';
import { suppressTable, type Count, type Line, type Suppressed } from './suppression';

// From the query's cells to a table: cell ids, the lines that tie them together (for suppression),
// and the figures a page, export or API shows (n, percentage, suppressed).

export const TOTAL = '*';
const kindId = (k: CellKind) => (typeof k === 'string' ? k : `cat:${k.cat}`);
export const cellId = (group: string, kind: CellKind) => `${group}|${kindId(kind)}`;

export type CountTable = {
  /** Group keys with a population in the view itself, in the order of the query's group expression. */
  groups: string[];
  /** Per variant (0 = the view, then its neighbours): cell id → count. */
  variants: Map<string, Count>[];
  /** The view's cells per quarter of einddatum (empty unless asked for): cell id → count. */
  parts: Map<string, Count>[];
};

export function toCountTable(cells: RawCell[], variantCount: number): CountTable {
  const variants = Array.from({ length: variantCount }, () => new Map<string, Count>());
  const parts = new Map<string, Map<string, Count>>();
  const groups = new Set<string>();
  for (const c of cells) {
    if (c.part !== null) {
      if (!parts.has(c.part)) parts.set(c.part, new Map());
      parts.get(c.part)!.set(cellId(c.group, c.kind), c.counts[0]);
      continue;
    }
    c.counts.forEach((count, i) => variants[i].set(cellId(c.group, c.kind), count));
    if (c.group !== TOTAL && c.kind === 'pop' && c.counts[0].units > 0) groups.add(c.group);
  }
  // Neighbours may hold groups the view lacks; those cells stay out of the view (they are 0 in it).
  for (const id of [...variants[0].keys()]) if (variants[0].get(id)!.units === 0) variants[0].delete(id);
  return { groups: [...groups].sort(), variants, parts: [...parts.values()] };
}

/** Every sum relation in the table: within each row (and the total row) and down each column. */
export function tableLines(indicator: IndicatorDefinition, groups: string[]): Line[] {
  const cats = indicator.categories.map((c) => c.key);
  const head = new Set(indicator.headline.keys);
  const lines: Line[] = [];
  for (const g of [...groups, TOTAL]) {
    const id = (k: CellKind) => cellId(g, k);
    const catIds = cats.map((cat) => id({ cat }));
    lines.push({ parts: catIds, total: id('meas') });
    lines.push({ parts: cats.filter((c) => head.has(c)).map((cat) => id({ cat })), total: id('head') });
    lines.push({ parts: [id('head'), ...cats.filter((c) => !head.has(c)).map((cat) => id({ cat }))], total: id('meas') });
    if (indicator.measured) {
      lines.push({ parts: [...catIds, id('geen')], total: id('pop') });
      lines.push({ parts: [id('meas'), id('geen')], total: id('pop') });
    }
  }
  const kinds: CellKind[] = [...cats.map((cat) => ({ cat })), 'geen', 'head', 'meas', 'pop'];
  for (const k of kinds) lines.push({ parts: groups.map((g) => cellId(g, k)), total: cellId(TOTAL, k) });
  return lines;
}

/** The hidden cells for a scope that must not see small numbers. */
export function suppressCountTable(indicator: IndicatorDefinition, table: CountTable): Suppressed {
  const [cells, ...neighbours] = table.variants;
  return suppressTable({ cells, neighbours, components: table.parts, lines: tableLines(indicator, table.groups), whole: cellId(TOTAL, 'pop') });
}

/** A figure as it leaves the server: n is distinct clients; null with suppressed = true when hidden. */
export type Figure = { n: number | null; pct: number | null; suppressed: boolean };

export type TableRow = {
  key: string;
  label: string;
  categories: Figure[];
  headline: Figure;
  /** Measured indicators: how many have a valid measurement, as a share of the population. */
  respons: Figure | null;
  populatie: Figure;
};

const pct = (num: Count | undefined, den: Count | undefined) =>
  num && den && den.units > 0 ? Math.round((1000 * num.units) / den.units) / 10 : 0;

/** Rows of figures; `suppressed` null means the scope sees everything (the provider's own data). */
export function presentRows(
  indicator: IndicatorDefinition,
  table: CountTable,
  suppressed: Suppressed | null,
  labelOf: (group: string) => string,
): { rows: TableRow[]; total: TableRow } {
  const cells = table.variants[0];
  const row = (g: string): TableRow => {
    const get = (k: CellKind) => cells.get(cellId(g, k));
    const isHidden = (k: CellKind) => (suppressed ? suppressed.whole || suppressed.hidden.has(cellId(g, k)) : false);
    const figure = (k: CellKind, den: CellKind | null): Figure => {
      if (isHidden(k)) return { n: null, pct: null, suppressed: true };
      const showPct = den !== null && !isHidden(den) && (get(den)?.units ?? 0) > 0;
      return { n: get(k)?.clients ?? 0, pct: showPct ? pct(get(k), get(den)) : null, suppressed: false };
    };
    return {
      key: g,
      label: g === TOTAL ? 'Totaal' : labelOf(g),
      categories: indicator.categories.map((c) => figure({ cat: c.key }, 'meas')),
      headline: figure('head', 'meas'),
      respons: indicator.measured ? figure('meas', 'pop') : null,
      populatie: figure('pop', null),
    };
  };
  return { rows: table.groups.map(row), total: row(TOTAL) };
}
