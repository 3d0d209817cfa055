import { describe, expect, it } from 'vitest';
import { nameAndCode } from '@/components/charts/ranking-chart';
import { CHART_ROWS, withMostClients } from '@/lib/indicators/indicator-table';
import { type RankingRow, rankRows } from '@/lib/services/indicators/get-ranking';

// The ranked chart above a table per provider or municipality: all rows while they fit, above
// CHART_ROWS the rows with the most clients (a region sees ~480 providers); always high to low.

const row = (i: number, clients: number | null, pct: number | null): RankingRow => ({
  key: `k${i}`,
  label: `Aanbieder ${String(i).padStart(3, '0')}`,
  pct,
  lastYear: null,
  hidden: pct === null,
  clients,
});

describe('rankRows', () => {
  it('ranks every row high to low while they fit, hidden rows last', () => {
    const rows = [row(1, 40, 10), row(2, null, null), row(3, 9, 30.5), row(4, 12, 20)];
    expect(rankRows(rows).map((r) => r.key)).toEqual(['k3', 'k4', 'k1', 'k2']);
  });

  it('above the maximum ranks the rows with the most clients, and only those', () => {
    // 100 rows; the clients rise with i, the share falls with it: the largest have the lowest shares
    const rows = Array.from({ length: 100 }, (_, i) => row(i, i < 5 ? null : 10 + i, 100 - i / 2));
    const ranked = rankRows(rows);
    expect(ranked).toHaveLength(CHART_ROWS);
    expect(new Set(ranked.map((r) => r.key))).toEqual(new Set(rows.slice(-CHART_ROWS).map((r) => r.key)));
    const shares = ranked.map((r) => r.pct!);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    // the input is left as it was (the table below shows it in its own order)
    expect(rows.map((r) => r.key)).toEqual(Array.from({ length: 100 }, (_, i) => `k${i}`));
  });
});

describe('withMostClients (the rows of the stacked bars per group)', () => {
  it('keeps every row while they fit, else the largest, in the order of the table', () => {
    const few = [row(1, 3, 1), row(2, null, null)];
    expect(withMostClients(few, (r) => r.clients)).toEqual(few);
    const many = Array.from({ length: 60 }, (_, i) => row(i, (i * 37) % 60, 1)); // clients 0..59, shuffled
    const kept = withMostClients(many, (r) => r.clients);
    expect(kept.map((r) => r.clients).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: CHART_ROWS }, (_, i) => 35 + i),
    );
    expect(kept.map((r) => r.key)).toEqual(many.filter((r) => r.clients! >= 35).map((r) => r.key));
  });
});

describe('nameAndCode (a phone shows the name without its code)', () => {
  it('parts the code of a provider, and the code and "Gemeente " of a municipality, from the name', () => {
    expect(nameAndCode('Jeugdhulp Midden-Brabant (98100001)')).toEqual({
      prefix: '',
      name: 'Jeugdhulp Midden-Brabant',
      code: ' (98100001)',
    });
    expect(nameAndCode('Gemeente Loon op Zand (GM0809)')).toEqual({
      prefix: 'Gemeente ',
      name: 'Loon op Zand',
      code: ' (GM0809)',
    });
  });

  it('keeps a name without them whole, and never leaves a row without a name', () => {
    expect(nameAndCode('K3 2026')).toEqual({ prefix: '', name: 'K3 2026', code: '' });
    expect(nameAndCode('GM0855')).toEqual({ prefix: '', name: 'GM0855', code: '' });
    expect(nameAndCode('Gemeente (GM0855)')).toEqual({ prefix: '', name: 'Gemeente', code: ' (GM0855)' });
    expect(nameAndCode('Stichting (Jeugd) & Gezin')).toEqual({
      prefix: '',
      name: 'Stichting (Jeugd) & Gezin',
      code: '',
    });
  });
});
