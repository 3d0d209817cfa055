import { describe, expect, it } from 'vitest';
import {
  type CellCount,
  formatShownCount,
  HIDDEN_MARKER,
  K_ANONYMITY,
  MAX_OFFSET,
  perturb,
  protectCount,
  protectTable,
} from '@/lib/indicators/disclosure-control';
import { CELL_KEY_RANGE, offsetFor, PTABLE } from '@/lib/indicators/ptable';

// The p-table and the rule that applies it (docs/disclosure-control.md).

const moments = (r: (typeof PTABLE.rows)[number]) => {
  const m = (k: number) => r.offsets.reduce((s, v, i) => s + v ** k * r.probabilities[i], 0);
  return {
    total: r.probabilities.reduce((s, p) => s + p, 0),
    mean: m(1),
    variance: m(2) - m(1) ** 2,
    mae: r.offsets.reduce((s, v, i) => s + Math.abs(v) * r.probabilities[i], 0),
  };
};

/** Every key in the range, in steps: the share of keys that gives each offset. */
function empirical(n: number, steps = 200_000) {
  const counts = new Map<number, number>();
  for (let i = 0; i < steps; i++) {
    const v = offsetFor(n, Math.floor((i + 0.5) * (CELL_KEY_RANGE / steps)));
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

describe('the p-table', () => {
  it('has rows from K up, each a distribution with mean 0, offsets within ±D, never below K', () => {
    expect(PTABLE.rows[0].n).toBe(K_ANONYMITY);
    expect(PTABLE.rows.at(-1)!.andAbove).toBe(true);
    for (const r of PTABLE.rows) {
      const m = moments(r);
      expect(m.total).toBeCloseTo(1, 9);
      expect(Math.abs(m.mean)).toBeLessThan(1e-9);
      expect(m.mae).toBeLessThanOrEqual(1);
      for (const v of r.offsets) {
        expect(Math.abs(v)).toBeLessThanOrEqual(PTABLE.maxOffset);
        expect(r.n + v).toBeGreaterThanOrEqual(K_ANONYMITY);
      }
    }
  });

  it('has the documented variance wherever the row allows it', () => {
    const general = PTABLE.rows.at(-1)!;
    expect(moments(general).variance).toBeCloseTo(PTABLE.variance, 6);
    expect(moments(PTABLE.rows[0]).variance).toBe(0); // a true 7 cannot move down, so with mean 0 it cannot move
  });

  it('is looked up so that each offset gets its share of the key range', () => {
    for (const r of [PTABLE.rows[1], PTABLE.rows.at(-1)!]) {
      const counts = empirical(r.n);
      r.offsets.forEach((v, i) => {
        expect((counts.get(v) ?? 0) / 200_000).toBeCloseTo(r.probabilities[i], 3);
      });
    }
  });
});

describe('one count', () => {
  it('hides 0 to 6 alike and perturbs the rest by at most D, never below 7', () => {
    for (let n = 0; n < K_ANONYMITY; n++)
      expect(protectCount({ n, key: 99 })).toEqual({ value: null, suppressed: true });
    for (let n = K_ANONYMITY; n < 60; n++) {
      for (let key = 0; key < CELL_KEY_RANGE; key += 104_729_731) {
        const shown = protectCount({ n, key });
        expect(shown.suppressed).toBe(false);
        expect(Math.abs(shown.value! - n)).toBeLessThanOrEqual(MAX_OFFSET);
        expect(shown.value!).toBeGreaterThanOrEqual(K_ANONYMITY);
      }
    }
  });

  it('gives the same contributors the same figure every time, and other contributors other offsets', () => {
    expect(perturb({ n: 40, key: 1_234_567 })).toBe(perturb({ n: 40, key: 1_234_567 }));
    const offsets = new Set(Array.from({ length: 200 }, (_, i) => perturb({ n: 40, key: i * 10_737_418 }) - 40));
    expect(offsets.size).toBeGreaterThan(3); // the key, not the count alone, picks the offset
  });

  it('shows "< 7" for a hidden count and a Dutch number otherwise', () => {
    expect(formatShownCount(protectCount({ n: 3, key: 1 }))).toBe(HIDDEN_MARKER);
    expect(formatShownCount({ value: 1234, suppressed: false })).toBe('1.234');
  });
});

describe('a table', () => {
  const cell = (units: number, clients: number, key = 7_777_777): CellCount => ({
    units: { n: units, key: key + 1 },
    clients: { n: clients, key },
  });
  const populationOf = (id: string) => `${id.split('|')[0]}|pop`;

  it('hides the whole table when the view rests on 0 to 6 clients', () => {
    const cells = new Map([
      ['*|pop', cell(5, 5)],
      ['*|cat:01', cell(5, 5)],
      ['*|cat:03', cell(0, 0)],
    ]);
    const t = protectTable(cells, populationOf, '*|pop');
    expect(t.whole).toBe(true);
    expect([...t.shown.values()].every((c) => c === null)).toBe(true);
    const empty = protectTable(new Map([['*|pop', cell(0, 0)]]), populationOf, '*|pop');
    expect(empty.whole).toBe(true); // an empty view answers like a view of a few
  });

  it('hides a row of few clients entirely, hides zeros like 1 to 6 and perturbs totals as cells of their own', () => {
    const cells = new Map([
      ['a|pop', cell(4, 3)],
      ['a|cat:03', cell(0, 0)],
      ['b|pop', cell(30, 25)],
      ['b|cat:03', cell(0, 0)],
      ['b|cat:01', cell(30, 25, 5)],
      ['*|pop', cell(34, 28)],
      ['*|cat:01', cell(34, 28, 9)],
    ]);
    const t = protectTable(cells, populationOf, '*|pop');
    expect(t.shown.get('a|pop')).toBeNull();
    expect(t.shown.get('a|cat:03')).toBeNull(); // "none of these three" would be a statement about them
    expect(t.shown.get('b|cat:03')).toBeNull(); // an exact 0 beside "< 7" would tell that a few exist
    expect(t.shown.get('b|pop')).toEqual({
      units: perturb(cells.get('b|pop')!.units),
      clients: perturb(cells.get('b|pop')!.clients),
    });
    expect(t.shown.get('*|pop')!.clients).toBe(perturb({ n: 28, key: 7_777_777 }));
  });
});
