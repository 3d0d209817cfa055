import type { IndicatorDefinition } from './definition';
import { type CellCount, protectTable, type ShownCell } from './disclosure-control';
import { type CellKind, type RawCell, TOTAL } from './query-indicator';

// From the query's cells to a table: cell ids, the protection, and the figures a page, export or API
// shows (n, percentage, suppressed).

const kindId = (k: CellKind) => (typeof k === 'string' ? k : `cat:${k.cat}`);
export const cellId = (group: string, kind: CellKind) => `${group}|${kindId(kind)}`;

export type CountTable = {
  /** Group keys with a population, in the order of the query's group expression. */
  groups: string[];
  /** Cell id → true counts with their cell keys. */
  cells: Map<string, CellCount>;
};

export function toCountTable(raw: RawCell[]): CountTable {
  const cells = new Map<string, CellCount>();
  const groups = new Set<string>();
  for (const c of raw) {
    cells.set(cellId(c.group, c.kind), c.count);
    if (c.group !== TOTAL && c.kind === 'pop' && c.count.units.n > 0) groups.add(c.group);
  }
  return { groups: [...groups].sort(), cells };
}

/** The cells as a municipality, a region or a shareable report sees them (docs/disclosure-control.md). */
export function protectCountTable(table: CountTable) {
  const populationOf = (id: string) => cellId(id.slice(0, id.indexOf('|')), 'pop');
  return protectTable(table.cells, populationOf, cellId(TOTAL, 'pop'));
}

export type Protected = ReturnType<typeof protectCountTable>;

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

/**
 * A chart of rows draws at most this many: a region sees ~480 providers, and a chart of hundreds of
 * bars is neither readable nor cheap to draw (seconds on a phone). The table under it has every row.
 */
export const CHART_ROWS = 25;

/**
 * A page's table shows at most this many rows unless asked for all: a region's table per provider had
 * ~480 rows, ~1 MB of HTML and page data, and most of the portal's time per page went into rendering
 * it (docs/benchmarks.md, session 15). The export and the API always have every row.
 */
export const TABLE_ROWS = 50;

/** All rows while they fit; else the `limit` with the most clients (as shown), in their own order. */
export function withMostClients<T>(rows: T[], clientsOf: (row: T) => number | null, limit = CHART_ROWS): T[] {
  if (rows.length <= limit) return rows;
  const kept = new Set([...rows].sort((a, b) => (clientsOf(b) ?? -1) - (clientsOf(a) ?? -1)).slice(0, limit));
  return rows.filter((r) => kept.has(r));
}

/** Percentages of perturbed counts can pass 100 (49 of 50 shown as 51 of 50): shown as at most 100. */
const pct = (num: number, den: number) => (den > 0 ? Math.min(100, Math.round((1000 * num) / den) / 10) : 0);

/**
 * Rows of figures, one per group of `table.groups`; `protectedCells` null means the scope sees exact
 * figures (the provider's own data).
 */
export function presentRows(
  indicator: IndicatorDefinition,
  table: CountTable,
  protectedCells: Protected | null,
  labelOf: (group: string) => string,
): { rows: TableRow[]; total: TableRow } {
  const row = (g: string): TableRow => {
    const get = (k: CellKind): ShownCell | undefined => {
      const id = cellId(g, k);
      // No rows for a protected cell: a true 0, hidden like 1 to 6 (disclosure-control.ts).
      if (protectedCells) return protectedCells.shown.get(id) ?? null;
      const c = table.cells.get(id);
      return c ? { units: c.units.n, clients: c.clients.n } : { units: 0, clients: 0 };
    };
    const figure = (k: CellKind, den: CellKind | null): Figure => {
      const cell = get(k);
      if (!cell) return { n: null, pct: null, suppressed: true };
      const d = den === null ? null : get(den);
      return { n: cell.clients, pct: d && d.units > 0 ? pct(cell.units, d.units) : null, suppressed: false };
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
