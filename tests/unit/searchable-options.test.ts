import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OPTIONS_AT_ONCE, SearchableOptions } from '@/components/filters/searchable-options';

// A region's provider filter has ~480 options: the page holds the first OPTIONS_AT_ONCE and every
// checked one (the search box finds the others), so the form still sends what the URL had.

const options = Array.from({ length: 100 }, (_, i) => ({ value: `a${i}`, label: `Aanbieder ${i}` }));
const render = (opts: typeof options, selected: string[]) =>
  renderToStaticMarkup(
    createElement(SearchableOptions, { name: 'aanbieder', legend: 'Aanbieder', options: opts, selected }),
  );
/** [value, checked] of every checkbox in the markup, in order. */
const boxes = (html: string) =>
  [...html.matchAll(/<input type="checkbox" name="aanbieder"( checked="")? value="([^"]+)"/g)].map(
    (m) => [m[2], !!m[1]] as const,
  );

describe('SearchableOptions', () => {
  it('shows the first options and every checked one, and says how to find the rest', () => {
    const html = render(options, ['a70', 'a3']);
    const shown = boxes(html);
    expect(shown.map(([v]) => v)).toEqual([...options.slice(0, OPTIONS_AT_ONCE).map((o) => o.value), 'a70']);
    expect(shown.filter(([, on]) => on).map(([v]) => v)).toEqual(['a3', 'a70']);
    expect(html).toContain(`De eerste ${OPTIONS_AT_ONCE} van 100; zoek om de andere te vinden.`);
  });

  it('shows a short list whole, without the hint', () => {
    const html = render(options.slice(0, OPTIONS_AT_ONCE), []);
    expect(boxes(html)).toHaveLength(OPTIONS_AT_ONCE);
    expect(html).not.toContain('zoek om de andere');
  });
});
