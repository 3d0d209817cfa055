import {
  HIDDEN_MARKER as HIDDEN,
  HIDDEN_EXPLANATION,
  PERTURBATION_NOTE,
  WHOLLY_HIDDEN,
} from '@/lib/indicators/disclosure-control';
import type { Figure, TableRow } from '@/lib/indicators/indicator-table';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';

// One indicator view as a flat table for CSV and Excel: the same figures as the page, hidden cells as
// "< 7", never a number; under a protected table the same explanation as on the page.

export function indicatorRows(view: IndicatorView): { header: string[]; rows: (string | number | null)[][] } {
  const cats = view.indicator.categories;
  const header = [
    'groep',
    ...cats.flatMap((c) => [`n ${c.label}`, `% ${c.label}`]),
    `n ${view.indicator.headline}`,
    `% ${view.indicator.headline}`,
    ...(view.indicator.measured ? ['n met meting', '% respons'] : []),
    'n cliënten (populatie)',
  ];
  const pair = (f: Figure | null): (string | number | null)[] =>
    !f ? [] : f.suppressed ? [HIDDEN, HIDDEN] : [f.n, f.pct];
  const line = (r: TableRow) => [
    r.label,
    ...r.categories.flatMap(pair),
    ...pair(r.headline),
    ...pair(r.respons),
    r.populatie.suppressed ? HIDDEN : r.populatie.n,
  ];
  const groups = view.groupBy === 'totaal' ? [] : view.rows; // one total row needs no copy of itself
  const notes = view.protection
    ? [
        [],
        ...(view.whollySuppressed ? [[WHOLLY_HIDDEN]] : []),
        [`${HIDDEN}: ${HIDDEN_EXPLANATION}`],
        [PERTURBATION_NOTE],
        ...view.notes.map((n) => [n]),
      ]
    : [];
  return { header, rows: [...groups.map(line), line({ ...view.total, label: 'Totaal' }), ...notes] };
}
