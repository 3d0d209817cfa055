import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IndicatorTable } from '@/components/dashboard/indicator-table';
import { TABLE_ROWS, type TableRow } from '@/lib/indicators/indicator-table';
import { uitval } from '@/lib/indicators/uitval';
import { zonderHulpVerder } from '@/lib/indicators/zonder-hulp-verder';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';

// A page's table per provider or municipality shows the TABLE_ROWS with the most clients and links to
// all of them (a region's ~480 rows were most of the portal's work per page); every other table, and
// the same table asked for in full, has every row.

const figure = (n: number) => ({ n, pct: 10, suppressed: false });
const row = (i: number): TableRow => ({
  key: `id-${i}`,
  label: `Aanbieder ${String(i).padStart(3, '0')}`,
  categories: uitval.categories.map(() => figure(1)),
  headline: figure(1),
  respons: null,
  populatie: figure(7 + ((i * 37) % 60)), // 7..66, shuffled
});

const view = (groupBy: IndicatorView['groupBy'], count: number): IndicatorView => ({
  indicator: { ...uitval, headline: uitval.headline.label, headlineCategory: '03' },
  domein: 'JEUGD',
  groupBy,
  filters: {},
  notes: [],
  protection: true,
  whollySuppressed: false,
  unsettledFrom: null,
  rows: Array.from({ length: count }, (_, i) => row(i)),
  total: { ...row(999), key: '*', label: 'Totaal' },
});

const bodyRows = (html: string) => [...html.matchAll(/<tr><th scope="row">([^<]+)<\/th>/g)].map((m) => m[1]);

describe('IndicatorTable', () => {
  it('per provider shows the TABLE_ROWS with the most clients, in their order, and links to all', () => {
    const v = view('aanbieder', 60);
    const html = renderToStaticMarkup(createElement(IndicatorTable, { view: v, caption: 't', allRowsHref: '?alle' }));
    const shown = bodyRows(html);
    const largest = v.rows.filter((r) => r.populatie.n! > 66 - TABLE_ROWS).map((r) => r.label);
    expect(shown).toEqual(largest);
    expect(shown).toHaveLength(TABLE_ROWS);
    expect(html).toContain('De tabel toont de 50 aanbieders met de meeste cliënten (van de 60)');
    expect(html).toMatch(/<a href="\?alle">Alle 60 aanbieders tonen<\/a>/);
    expect(html).toContain('Eén aanbieder kiest u in de filters');
    expect(html).toContain('<tr class="totaalrij">');
    const perGemeente = renderToStaticMarkup(
      createElement(IndicatorTable, { view: view('gemeente', 60), caption: 't', allRowsHref: '?alle' }),
    );
    expect(perGemeente).toMatch(/Alle 60 gemeenten tonen<\/a>\. Eén gemeente kiest u in de filters/);
  });

  it('has every row when asked for all, when the rows fit, and for groupings over time', () => {
    const all = (v: IndicatorView, href?: string) =>
      bodyRows(renderToStaticMarkup(createElement(IndicatorTable, { view: v, caption: 't', allRowsHref: href })));
    expect(all(view('aanbieder', 60))).toHaveLength(60);
    expect(all(view('gemeente', TABLE_ROWS), '?alle')).toHaveLength(TABLE_ROWS);
    expect(all(view('maand', 60), '?alle')).toHaveLength(60);
    expect(
      renderToStaticMarkup(
        createElement(IndicatorTable, { view: view('maand', 60), caption: 't', allRowsHref: '?alle' }),
      ),
    ).not.toContain('tabel-ingekort');
  });

  it('shows a headline that is one category once, in that category marked as the headline; a headline over several categories in a column of its own', () => {
    const columnHeads = (html: string) =>
      [...html.matchAll(/<th scope="colgroup" colSpan="2"( class="kernkolom")?>(.*?)<\/th>/g)].map((m) => ({
        text: m[2].replace(/<[^>]+>/g, ''),
        headline: !!m[1],
      }));
    const cellsPerRow = (html: string) =>
      [...html.matchAll(/<tr><th scope="row">[^<]+<\/th>(.*?)<\/tr>/g)].map((m) => m[1].match(/<td/g)!.length);
    // uitval: five categories, the headline is 03, no second column with the same figures
    const u = renderToStaticMarkup(createElement(IndicatorTable, { view: view('aanbieder', 3), caption: 't' }));
    expect(columnHeads(u).filter((h) => h.headline)).toEqual([
      { text: '03 voortijdig, eenzijdig door cliënt (uitval) = uitval (03)', headline: true },
    ]);
    expect(columnHeads(u)).toHaveLength(uitval.categories.length);
    expect(new Set(cellsPerRow(u))).toEqual(new Set([2 * uitval.categories.length + 1]));
    // zonder hulp verder: the headline joins two categories, so it has its own column, beside the respons
    const z: IndicatorView = {
      ...view('aanbieder', 3),
      indicator: { ...zonderHulpVerder, headline: zonderHulpVerder.headline.label, headlineCategory: null },
      rows: [0, 1, 2].map((i) => ({
        ...row(i),
        categories: zonderHulpVerder.categories.map(() => figure(1)),
        respons: figure(1),
      })),
    };
    const zh = renderToStaticMarkup(createElement(IndicatorTable, { view: z, caption: 't' }));
    expect(columnHeads(zh).filter((h) => h.headline)).toEqual([
      { text: zonderHulpVerder.headline.label, headline: true },
    ]);
    expect(columnHeads(zh)).toHaveLength(zonderHulpVerder.categories.length + 2);
    expect(new Set(cellsPerRow(zh))).toEqual(new Set([2 * (zonderHulpVerder.categories.length + 2) + 1]));
  });
});
