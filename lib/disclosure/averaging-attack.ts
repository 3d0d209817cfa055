import { PTABLE } from '@/lib/indicators/ptable';

// The averaging attack on cell-key perturbation (Asghar and Kaafar, PETS 2020, on the ABS
// TableBuilder), as a scripted insider runs it against the portal's answers, with the truth beside
// them to score it (docs/disclosure-control.md, "Residual risk"). Every answer is a box: for each
// dimension the set of values it covers (end months, municipalities, providers, codes, start months).
// For a hidden cell T, every shown box B that equals T but for one dimension, where B's set holds T's,
// gives an estimate when the rest of B along that dimension is covered by other shown boxes:
// T = B − Σ rest. Each such estimate carries its own offsets; the attacker averages all of them,
// weighting each by the inverse of its number of terms (its variance), and rounds.
// Pure: the caller brings the answers (through the API, or the portal's own functions).

export const DIMENSIONS = ['maanden', 'gemeente', 'aanbieder', 'verwijzer', 'hulpvorm', 'begin'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** What a box covers per dimension: a set of values, sorted; the full domain where the answer had no filter. */
export type Box = { column: string; sets: Record<Dimension, string[]> };

/** One shown or hidden figure with the truth behind it: n, and an id that is equal for equal sets of clients. */
export type Observation = { box: Box; shown: number | null; truth: { n: number; id: string } };

export type Term = { sign: 1 | -1; shown: number; truth: { n: number; id: string } };

export type CellResult = {
  truth: number;
  /** The rounded weighted mean of all estimates, kept within 0…6 (the attacker knows the cell is hidden). */
  estimate: number;
  estimates: number;
  /** The chance that the best single difference, kept within 0…6, is exact (the p-table's chance). */
  chance: number;
};

const keyOf = (box: Box, without?: Dimension) =>
  `${box.column}|${DIMENSIONS.map((d) => (d === without ? '~' : box.sets[d].join(','))).join('|')}`;

/** The distribution of one shown count's offset, from the p-table. */
function offsetDistribution(n: number): Map<number, number> {
  if (n < PTABLE.k) return new Map([[0, 1]]);
  const row = PTABLE.rows[Math.min(n - PTABLE.k, PTABLE.rows.length - 1)];
  return new Map(row.offsets.map((v, i) => [v, row.probabilities[i]]));
}

/**
 * What the p-table predicts for an estimate's error: the chance that it is exactly 0, and its
 * variance. Terms over the same clients carry the same offset, so they are added up first.
 */
export function predictError(terms: { sign: number; truth: { n: number; id: string } }[]) {
  const coefficients = new Map<string, { n: number; c: number }>();
  for (const t of terms) {
    const prev = coefficients.get(t.truth.id) ?? { n: t.truth.n, c: 0 };
    coefficients.set(t.truth.id, { n: prev.n, c: prev.c + t.sign });
  }
  let dist = new Map([[0, 1]]);
  let variance = 0;
  for (const { n, c } of coefficients.values()) {
    if (c === 0) continue;
    const d = offsetDistribution(n);
    const next = new Map<number, number>();
    for (const [s, ps] of dist) for (const [v, pv] of d) next.set(s + c * v, (next.get(s + c * v) ?? 0) + ps * pv);
    dist = next;
    const mean = [...d].reduce((s, [v, p]) => s + v * p, 0);
    variance += c * c * [...d].reduce((s, [v, p]) => s + p * (v - mean) ** 2, 0);
  }
  return { exact: dist.get(0) ?? 0, variance, distribution: dist };
}

/** The largest value a hidden cell can have: the attacker knows it is 0 to k − 1. */
const HIDDEN_MAX = PTABLE.k - 1;
const clamp = (v: number) => Math.min(HIDDEN_MAX, Math.max(0, Math.round(v)));

/**
 * The chance that one difference gives the hidden cell exactly, with what the attacker knows: the
 * error's distribution from the p-table, and that the cell is 0 to k − 1.
 */
function chanceOfOne(truth: number, terms: Term[]): number {
  let p = 0;
  for (const [error, pe] of predictError(terms).distribution) if (clamp(truth + error) === truth) p += pe;
  return p;
}

/** The rest of `outer` without `inner`, or null when `inner` is not a proper subset of `outer`. */
function rest(outer: string[], inner: string[]): Set<string> | null {
  const o = new Set(outer);
  if (inner.length >= outer.length || !inner.every((v) => o.has(v))) return null;
  for (const v of inner) o.delete(v);
  return o;
}

/** Shown boxes (same but for `d`) whose sets exactly cover `remaining`, largest first; null when they cannot. */
function cover(remaining: Set<string>, candidates: Observation[], d: Dimension): Observation[] | null {
  const parts: Observation[] = [];
  const left = new Set(remaining);
  for (const c of [...candidates].sort((a, b) => b.box.sets[d].length - a.box.sets[d].length)) {
    const s = c.box.sets[d];
    if (s.length > 0 && s.every((v) => left.has(v))) {
      for (const v of s) left.delete(v);
      parts.push(c);
      if (left.size === 0) return parts;
    }
  }
  return null;
}

/** Every estimate of every hidden cell from the shown answers, averaged: the attacker's best guess per cell. */
export function averagingAttack(observations: Observation[]): CellResult[] {
  const byBox = new Map<string, Observation>();
  for (const o of observations) byBox.set(keyOf(o.box), o);
  const unique = [...byBox.values()];
  const index = new Map<string, Observation[]>();
  for (const o of unique) {
    if (o.shown === null) continue;
    for (const d of DIMENSIONS) {
      const k = keyOf(o.box, d);
      if (!index.has(k)) index.set(k, []);
      index.get(k)!.push(o);
    }
  }
  const results: CellResult[] = [];
  for (const target of unique) {
    if (target.shown !== null || target.truth.n >= PTABLE.k) continue;
    const estimates: Term[][] = [];
    for (const d of DIMENSIONS) {
      const same = index.get(keyOf(target.box, d)) ?? [];
      for (const outer of same) {
        const remaining = rest(outer.box.sets[d], target.box.sets[d]);
        if (!remaining) continue;
        const parts = cover(
          remaining,
          same.filter((o) => o !== outer),
          d,
        );
        if (!parts) continue;
        estimates.push([
          { sign: 1, shown: outer.shown!, truth: outer.truth },
          ...parts.map((p): Term => ({ sign: -1, shown: p.shown!, truth: p.truth })),
        ]);
      }
    }
    if (estimates.length === 0) continue;
    let sum = 0;
    let weights = 0;
    for (const e of estimates) {
      const w = 1 / e.length;
      sum += w * e.reduce((s, t) => s + t.sign * t.shown, 0);
      weights += w;
    }
    const estimate = clamp(sum / weights);
    const chance = Math.max(...estimates.map((e) => chanceOfOne(target.truth.n, e)));
    results.push({ truth: target.truth.n, estimate, estimates: estimates.length, chance });
  }
  return results;
}

export type AttackSummary = { hidden: number; attacked: number; exact: number; chance: number; maxEstimates: number };

export function summarise(results: CellResult[], hidden: number): AttackSummary {
  return {
    hidden,
    attacked: results.length,
    exact: results.filter((r) => r.estimate === r.truth).length,
    chance: results.reduce((s, r) => s + r.chance, 0),
    maxEstimates: Math.max(0, ...results.map((r) => r.estimates)),
  };
}
