// Small numbers (docs/disclosure-control.md, the rule set of docs/domain.md "Privacy rules"): the one
// place the rule lives. Every count that a municipality, a region or a shareable report sees passes
// through here: a count of 0 to K−1 distinct clients is hidden, every other count is perturbed by a
// bounded offset that the cell key (sum of the contributors' secret record keys) picks from the
// p-table, so the same contributors always get the same offset. A provider's own view stays exact.
// Zero is hidden like 1 to K−1: an exact 0 beside "< 7" would tell that a small group exists, and
// zeros beside a hidden total would tell every member's category.
import type { Scope } from '@/lib/access/scope';
import { offsetFor, PTABLE } from './ptable';

export const K_ANONYMITY = PTABLE.k;
export const MAX_OFFSET = PTABLE.maxOffset;

/**
 * Who sees exact figures: only a provider, in its own data. Everyone else gets protected figures, and
 * so does a provider's shareable spiegelrapportage (`shareable`), which it may pass on.
 */
export const needsProtection = (scope: Scope, shareable = false) => shareable || scope.kind !== 'aanbieder';

/**
 * How every hidden figure is shown, on pages and in exports: a true 0 to 6, so the marker is true and
 * says nothing about which (none or a few).
 */
export const HIDDEN_MARKER = `< ${K_ANONYMITY}`;
export const HIDDEN_EXPLANATION = `Niet getoond: minder dan ${K_ANONYMITY} cliënten (dat kan ook geen zijn).`;
/** What a view says when its whole population is under K, none included: one sentence for both. */
export const WHOLLY_HIDDEN = `Minder dan ${K_ANONYMITY} cliënten in deze selectie: er worden geen cijfers getoond.`;

/** The line under every protected table and in every protected export. */
export const PERTURBATION_NOTE =
  `Aantallen zijn licht verstoord (hoogstens ${MAX_OFFSET} meer of minder), zodat niemand herkenbaar is; ` +
  'totalen kunnen daardoor iets afwijken van de som van hun delen.';

/** A true count and its cell key (sum of the contributors' record keys modulo CELL_KEY_RANGE). */
export type KeyedCount = { n: number; key: number };

export type ShownCount = { value: number; suppressed: false } | { value: null; suppressed: true };

const small = (n: number) => n < K_ANONYMITY;

/** A count of K or more with its offset: never below K. */
export const perturb = (c: KeyedCount) => c.n + offsetFor(c.n, c.key);

/** One protected count: 0 to K−1 is hidden, the rest perturbed. */
export function protectCount(c: KeyedCount): ShownCount {
  return small(c.n) ? { value: null, suppressed: true } : { value: perturb(c), suppressed: false };
}

export const formatShownCount = (c: ShownCount) =>
  c.suppressed ? HIDDEN_MARKER : new Intl.NumberFormat('nl-NL').format(c.value);

/**
 * One cell of a table: units are what percentages are taken of (trajectories or measurements), clients
 * the distinct clients (the cell's n); each with its own cell key.
 */
export type CellCount = { units: KeyedCount; clients: KeyedCount };

/** A cell as shown: perturbed units and clients, or hidden. */
export type ShownCell = { units: number; clients: number } | null;

/**
 * A table's cells as shown. A cell is hidden when its clients are 0 to K−1, or when the population of
 * its row is ("none of these three dropped out" is a statement about them); the whole table when the
 * view's population is, none included. Everything else shows, perturbed; totals are cells of their
 * own, never sums of shown cells. A cell the query has no rows for is a true 0: `presentRows` hides it
 * like the rest.
 */
export function protectTable(
  cells: ReadonlyMap<string, CellCount>,
  populationOf: (id: string) => string,
  whole: string,
): { whole: boolean; shown: Map<string, ShownCell> } {
  const clientsOf = (id: string) => cells.get(id)?.clients.n ?? 0;
  const isWhole = small(clientsOf(whole));
  const shown = new Map<string, ShownCell>();
  for (const [id, c] of cells) {
    if (isWhole || small(c.clients.n) || small(clientsOf(populationOf(id)))) shown.set(id, null);
    else shown.set(id, { units: perturb(c.units), clients: perturb(c.clients) });
  }
  return { whole: isWhole, shown };
}
