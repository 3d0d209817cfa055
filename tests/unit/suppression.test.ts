import { describe, expect, it } from 'vitest';
import { formatShownCount, suppressCount } from '@/lib/indicators/suppression';

describe('primary suppression', () => {
  it('hides 1 to 6 and shows 0 and 7+', () => {
    for (const n of [1, 2, 3, 4, 5, 6]) expect(suppressCount(n)).toEqual({ value: null, suppressed: true });
    expect(suppressCount(0)).toEqual({ value: 0, suppressed: false });
    expect(suppressCount(7)).toEqual({ value: 7, suppressed: false });
  });
  it('prints "< 7" and never the number', () => {
    expect(formatShownCount(suppressCount(3))).toBe('< 7');
    expect(formatShownCount(suppressCount(1234))).toBe('1.234');
  });
});

import { suppressTable, type Count, type Line } from '@/lib/indicators/suppression';

// A table as the attacker sees it: shown values, or null where hidden.
const c = (clients: number, units = clients): Count => ({ units, clients });
function shown(cells: Record<string, Count>, lines: Line[], whole: string, neighbours: Record<string, Count>[] = []) {
  const { hidden, whole: all } = suppressTable({ cells: new Map(Object.entries(cells)), lines, whole, neighbours: neighbours.map((n) => new Map(Object.entries(n))) });
  return Object.fromEntries(Object.entries(cells).map(([id, v]) => [id, all || hidden.has(id) ? null : v.units]));
}
/** Every way a line lets the attacker solve for one hidden member: total minus the shown parts. */
function recoverable(view: Record<string, number | null>, lines: Line[]) {
  const found: string[] = [];
  for (const l of lines) {
    const members = [...l.parts, l.total];
    const unknown = members.filter((m) => view[m] === null);
    if (unknown.length === 1) found.push(unknown[0]);
  }
  return found;
}

describe('table suppression', () => {
  const row: Line[] = [{ parts: ['a', 'b', 'c'], total: 't' }];

  it('hides a lone small cell together with the next-smallest, so total minus shown cells recovers nothing', () => {
    const view = shown({ a: c(3), b: c(20), c: c(40), t: c(63) }, row, 't');
    expect(view).toEqual({ a: null, b: null, c: 40, t: 63 });
    expect(recoverable(view, row)).toEqual([]);
  });

  it('hides a large cell whose complement in the total is small (93 of 96 reveals 3)', () => {
    const view = shown({ a: c(93), b: c(0), c: c(3), t: c(96) }, row, 't');
    expect(view.a).toBeNull();
    expect(view.c).toBeNull();
    expect(recoverable(view, row)).toEqual([]);
  });

  it('hides everything, zeros included, when the whole view rests on fewer than 7 clients', () => {
    expect(shown({ a: c(0), b: c(2), c: c(4), t: c(6) }, row, 't')).toEqual({ a: null, b: null, c: null, t: null });
  });

  it('treats totals as members: a one-row table cannot leak through its column totals', () => {
    // Row g1 and the total row '*' are equal; every row and column relation must stay unsolvable.
    const cells = { 'g1|a': c(4), 'g1|b': c(30), 'g1|t': c(34), '*|a': c(4), '*|b': c(30), '*|t': c(34) };
    const lines: Line[] = [
      { parts: ['g1|a', 'g1|b'], total: 'g1|t' },
      { parts: ['*|a', '*|b'], total: '*|t' },
      { parts: ['g1|a'], total: '*|a' },
      { parts: ['g1|b'], total: '*|b' },
      { parts: ['g1|t'], total: '*|t' },
    ];
    const view = shown(cells, lines, '*|t');
    expect(recoverable(view, lines)).toEqual([]);
    expect(view['g1|a']).toBeNull();
  });

  it('survives an attack over a two-by-three table with row and column totals', () => {
    const cells: Record<string, Count> = {
      'x|a': c(2), 'x|b': c(15), 'x|c': c(30), 'x|t': c(47),
      'y|a': c(12), 'y|b': c(9), 'y|c': c(40), 'y|t': c(61),
      '*|a': c(14), '*|b': c(24), '*|c': c(70), '*|t': c(108),
    };
    const lines: Line[] = [
      ...['x', 'y', '*'].map((g) => ({ parts: [`${g}|a`, `${g}|b`, `${g}|c`], total: `${g}|t` })),
      ...['a', 'b', 'c', 't'].map((k) => ({ parts: [`x|${k}`, `y|${k}`], total: `*|${k}` })),
    ];
    const view = shown(cells, lines, '*|t');
    expect(view['x|a']).toBeNull();
    // Solve repeatedly, as an attacker would, filling in what each line gives away.
    const solved = { ...view };
    for (let round = 0; round < 5; round++) {
      for (const l of lines) {
        const unknown = [...l.parts, l.total].filter((m) => solved[m] === null);
        if (unknown.length !== 1) continue;
        const [u] = unknown;
        const sumParts = l.parts.reduce((s, p) => s + (solved[p] ?? 0), 0);
        solved[u] = u === l.total ? sumParts : solved[l.total]! - sumParts;
      }
    }
    expect(solved['x|a']).toBeNull();
  });

  it('hides cells that differ by 1 to 6 from the same cell in a neighbouring view (differencing)', () => {
    const view = shown({ a: c(40), b: c(50), t: c(90) }, [{ parts: ['a', 'b'], total: 't' }], 't', [{ a: c(37), b: c(50), t: c(87) }]);
    // a and t differ by 3 from the neighbour: both hidden (b alone solves neither).
    expect(view).toEqual({ a: null, b: 50, t: null });
  });

  it('keeps cells that differ by 0 or by 7 and more', () => {
    const view = shown({ a: c(40), b: c(50), t: c(90) }, [{ parts: ['a', 'b'], total: 't' }], 't', [{ a: c(47), b: c(50), t: c(97) }]);
    expect(view).toEqual({ a: 40, b: 50, t: 90 });
  });
});
