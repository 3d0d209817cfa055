// Small-number rule (domain.md, "Privacy rules"): no figure shown to a municipality, a region or in a
// shareable report may rest on fewer than K distinct clients, nor be derivable from what is shown.
// This file is the one place that rule lives; every figure leaving the server for such a scope passes
// through suppressTable (tables) or suppressCount (single figures).
import type { Scope } from '@/lib/access/scope';

export const K_ANONYMITY = 7;

/**
 * Who sees small numbers: only a provider, in its own data. Everyone else gets suppressed figures,
 * and so does a provider's shareable spiegelrapportage (`shareable`), which it may pass on.
 */
export const needsSuppression = (scope: Scope, shareable = false) => shareable || scope.kind !== 'aanbieder';

/** How every hidden figure is shown, on pages and in exports. */
export const HIDDEN_MARKER = `< ${K_ANONYMITY}`;

export type ShownCount = { value: number; suppressed: false } | { value: null; suppressed: true };

const small = (n: number, k: number) => n > 0 && n < k;

/** Primary suppression of one count: 1–6 become "< 7"; 0 stays 0 (an empty cell reveals no one). */
export function suppressCount(n: number, k = K_ANONYMITY): ShownCount {
  return small(n, k) ? { value: null, suppressed: true } : { value: n, suppressed: false };
}

export const formatShownCount = (c: ShownCount) =>
  c.suppressed ? HIDDEN_MARKER : new Intl.NumberFormat('nl-NL').format(c.value);

/** units: what percentages are taken of (trajectories or measurements); clients: distinct clients, the n. */
export type Count = { units: number; clients: number };

/** Cells whose units add up to `total` (a row, a column, a distribution): knowing all but one reveals it. */
export type Line = { parts: string[]; total: string };

export type TableToSuppress = {
  cells: ReadonlyMap<string, Count>;
  lines: readonly Line[];
  /** The cell holding the whole view's population: under K, everything goes. */
  whole: string;
  /** The same cells in the views one step away (lib/filters/neighbours.ts). */
  neighbours?: readonly ReadonlyMap<string, Count>[];
  /**
   * The same cells split into parts that other tables show on their own (the quarters of a longer
   * period): a cell with a part of 1 to K−1 is hidden, or the view minus the other parts reveals it.
   */
  components?: readonly ReadonlyMap<string, Count>[];
};

const ZERO: Count = { units: 0, clients: 0 };

/**
 * The cells to hide. In order: the whole view when its population is under K; every cell under K
 * (primary); every cell that differs by 1 to K−1 from the same cell in a neighbouring view
 * (differencing), or that has a part of 1 to K−1 (decomposition); then, until nothing changes,
 * within every line: a shown part whose complement in a shown total is 1 to K−1, and the
 * next-smallest member of a line that holds exactly one hidden cell (secondary). Totals are members of their lines like any other cell.
 */
export function suppressTable(t: TableToSuppress, k = K_ANONYMITY): Suppressed {
  const get = (id: string) => t.cells.get(id) ?? ZERO;
  const hidden = new Set<string>();
  if (small(get(t.whole).clients, k)) return { whole: true, hidden: new Set(t.cells.keys()) };

  for (const [id, c] of t.cells) if (small(c.clients, k)) hidden.add(id);
  for (const other of t.neighbours ?? []) {
    for (const [id, c] of t.cells) {
      const o = other.get(id) ?? ZERO;
      if (small(Math.abs(o.clients - c.clients), k) || small(Math.abs(o.units - c.units), k)) hidden.add(id);
    }
  }

  for (const part of t.components ?? []) {
    for (const [id, c] of part) if (small(c.clients, k) || small(c.units, k)) hidden.add(id);
  }

  for (let changed = true; changed; ) {
    changed = false;
    const hide = (id: string) => {
      if (hidden.has(id)) return;
      hidden.add(id);
      changed = true;
    };
    for (const line of t.lines) {
      const total = get(line.total);
      if (!hidden.has(line.total)) {
        for (const p of line.parts) {
          if (hidden.has(p)) continue;
          const rest = { units: total.units - get(p).units, clients: total.clients - get(p).clients };
          if (small(rest.units, k) || small(rest.clients, k)) hide(p);
        }
      }
      const members = [...line.parts, line.total];
      if (members.filter((m) => hidden.has(m)).length !== 1) continue;
      const candidates = members
        .filter((m) => !hidden.has(m) && get(m).units > 0)
        .sort((a, b) => get(a).clients - get(b).clients || get(a).units - get(b).units || a.localeCompare(b));
      if (candidates.length) hide(candidates[0]);
    }
  }
  return { whole: false, hidden };
}

/** whole: the view rests on fewer than K clients and shows nothing, not even zeros. */
export type Suppressed = { whole: boolean; hidden: Set<string> };
