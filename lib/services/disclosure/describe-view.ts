import { FILTER_KEYS, FILTERS } from '@/lib/filters/registry';
import { GROUP_BY } from '@/lib/indicators/group-by';
import { DOMEINEN, findIndicator } from '@/lib/indicators/registry';
import type { ChargedView } from './view-families';

/** A view in one Dutch line, as the TTP's monitor lists it: "Uitval, Jeugd, per aanbieder; Einddatum van: 2025-01, …". */
export function describeView(view: ChargedView): string {
  const head = [
    findIndicator(view.indicator)?.label ?? view.indicator,
    DOMEINEN[view.domein] ?? view.domein,
    (GROUP_BY[view.groupBy]?.label ?? view.groupBy).toLowerCase(),
  ].join(', ');
  // In the filter bar's order (the registry's), not the key's alphabetical one.
  const filters = FILTER_KEYS.flatMap((key) => {
    const v = view.filters[key];
    return v === undefined ? [] : [`${FILTERS[key].label}: ${Array.isArray(v) ? v.join(', ') : v}`];
  });
  return filters.length ? `${head}; ${filters.join('; ')}` : head;
}
