import { K_ANONYMITY, MAX_OFFSET, PERTURBATION_NOTE, WHOLLY_HIDDEN } from '@/lib/indicators/disclosure-control';
import type { Figure, TableRow } from '@/lib/indicators/indicator-table';
import type { IndicatorView } from '@/lib/services/indicators/get-indicator-view';

// The API's shape of a view (documented in the README): the same figures as the page, with n
// (distinct clients) and a suppressed flag per cell; a suppressed cell has n and percentage null.
// For a protected view, `verstoring` says how far a count may lie from the truth, `aanpassingen` what
// the query grammar changed in what was asked, and `melding` the one sentence of a view under 7 clients
// (none included: an empty view answers in the same words and shape).
const cell = (f: Figure) => ({ n: f.n, percentage: f.pct, suppressed: f.suppressed });

export function indicatorJson(view: IndicatorView) {
  const row = (r: TableRow) => ({
    sleutel: r.key,
    label: r.label,
    categorieen: view.indicator.categories.map((c, i) => ({
      sleutel: c.key,
      label: c.label,
      ...cell(r.categories[i]),
    })),
    kerncijfer: cell(r.headline),
    respons: r.respons ? cell(r.respons) : null,
    populatie: cell(r.populatie),
  });
  return {
    indicator: {
      sleutel: view.indicator.key,
      naam: view.indicator.label,
      kerncijfer: view.indicator.headline,
      eenheid: view.indicator.unit,
    },
    domein: view.domein,
    groep: view.groupBy,
    filters: view.filters,
    aanpassingen: view.notes,
    minimumAantal: K_ANONYMITY,
    verstoring: view.protection ? { maximaleAfwijking: MAX_OFFSET, toelichting: PERTURBATION_NOTE } : null,
    geheelOnderdrukt: view.whollySuppressed,
    melding: view.whollySuppressed ? WHOLLY_HIDDEN : null,
    rijen: view.rows.map(row),
    totaal: row(view.total),
  };
}
