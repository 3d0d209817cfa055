import { addMonths, isMonth, monthOf } from './months';
import { CODE_KEYS, codeFilter, FILTERS, type FilterState, MONTH_KEYS, monthFilter, partnerOf } from './registry';

export type SearchInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** What the viewer may filter on: a provider has no provider filter; a municipality only its own gemeenten. */
export type FilterContext = { scopeKind: 'aanbieder' | 'gemeente'; gemeenteCodes?: readonly string[] };

/** Every value of a parameter, from URLSearchParams or from Next's searchParams object. */
export const valuesOf = (input: SearchInput, key: string): string[] => {
  if (input instanceof URLSearchParams) return input.getAll(key);
  const v = input[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/**
 * The filters in a URL (or API query). A value that is not valid for the filter is ignored, never an
 * error: a bookmarked view with a stale or tampered value still opens. Only what the scope allows survives.
 */
export function parseFilters(input: SearchInput, ctx: FilterContext): FilterState {
  const state: FilterState = {};
  for (const key of MONTH_KEYS) {
    const v = valuesOf(input, key)[0];
    if (v && isMonth(v)) state[key] = v;
  }
  for (const van of MONTH_KEYS.filter((k) => monthFilter(k).bound === 'van')) {
    const tm = partnerOf(van);
    if (state[van] && state[tm] && state[van] > state[tm]) {
      delete state[van];
      delete state[tm];
    }
  }
  for (const key of CODE_KEYS) {
    const def = codeFilter(key);
    if (def.scopes && !def.scopes.includes(ctx.scopeKind)) continue;
    const allowed = (v: string) =>
      def.options === 'scope'
        ? def.pattern!.test(v) && (key !== 'gemeente' || !ctx.gemeenteCodes || ctx.gemeenteCodes.includes(v))
        : Object.hasOwn(def.options, v) || (def.wmoOptions ? Object.hasOwn(def.wmoOptions, v) : false);
    const values = [...new Set(valuesOf(input, key).filter(allowed))].sort();
    if (values.length) state[key] = values;
  }
  return state;
}

/**
 * Fills in the period when the URL has none: the twelve whole months before `asOf`, moved `lagMonths`
 * further back for an indicator whose figures need time to settle (geen nieuwe start).
 */
export function withDefaultPeriod(state: FilterState, asOf: Date, lagMonths = 0): FilterState {
  if (state.eind_van && state.eind_tm) return state;
  const last = addMonths(monthOf(asOf), -1 - lagMonths);
  const tm = state.eind_tm ?? last;
  const van = state.eind_van && state.eind_van <= tm ? state.eind_van : addMonths(tm, -11);
  return { ...state, eind_van: van, eind_tm: tm };
}

/** The state as URL parameters, in registry order (so equal views have equal URLs). */
export function toSearchParams(state: FilterState): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(FILTERS) as (keyof typeof FILTERS)[]) {
    const v = state[key];
    for (const value of Array.isArray(v) ? v : v ? [v] : []) params.append(key, value);
  }
  return params;
}
