import { CODE_KEYS, MONTH_KEYS, monthFilter, partnerOf, type FilterState } from './registry';
import { addMonths } from './months';

// Differencing guard (domain.md, "Privacy rules"): a view must not differ by 1–6 clients from a view
// one step away, or subtracting the two would reveal the small group. These are the views one step
// away: each filter dropped, each value of a multi-value filter dropped, each period bound moved one
// step inwards (a quarter for suppressed scopes, whose periods are whole quarters). A pair of views (A, B) is always checked from the side that is requested as B; the
// side that answers suppresses, so the attacker never holds both figures.

export type Neighbour = { reason: string; state: FilterState };

/** Beyond this many neighbours the guard would make a view too slow; such a view is refused. */
export const MAX_NEIGHBOURS = 24;

export function neighboursOf(state: FilterState, stepMonths = 1): Neighbour[] {
  const out: Neighbour[] = [];
  for (const key of MONTH_KEYS) {
    const month = state[key];
    if (!month) continue;
    const { column, bound } = monthFilter(key);
    // The period on einddatum is always set; dropping it is not a view one can ask for.
    if (column !== 'einddatum') out.push({ reason: `zonder ${key}`, state: { ...state, [key]: undefined } });
    const other = state[partnerOf(key)];
    const moved = addMonths(month, bound === 'van' ? stepMonths : -stepMonths);
    const stillValid = !other || (bound === 'van' ? moved <= other : moved >= other);
    if (stillValid) out.push({ reason: `${key} ${stepMonths} maand(en) verschoven`, state: { ...state, [key]: moved } });
  }
  for (const key of CODE_KEYS) {
    const values = state[key];
    if (!values?.length) continue;
    out.push({ reason: `zonder ${key}`, state: { ...state, [key]: undefined } });
    if (values.length > 1) {
      for (const v of values) out.push({ reason: `${key} zonder ${v}`, state: { ...state, [key]: values.filter((x) => x !== v) } });
    }
  }
  return out;
}
