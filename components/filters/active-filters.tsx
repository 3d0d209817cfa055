import { boundLabel } from '@/lib/filters/months';
import { toSearchParams } from '@/lib/filters/parse-filters';
import { CODE_KEYS, FILTERS, type FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { optionsOf, type ScopeOptions } from './filter-options';

type Props = {
  filters: FilterState;
  period: { van: string; tm: string };
  scopeOptions: ScopeOptions;
  keep: Record<string, string>;
  domein: Domein;
};

type Chip = { label: string; without: FilterState };

const rangeLabel = (van: string | undefined, tm: string | undefined) =>
  van && tm
    ? `${boundLabel(van, false)} t/m ${boundLabel(tm, true)}`
    : van
      ? `vanaf ${boundLabel(van, false)}`
      : `t/m ${boundLabel(tm!, true)}`;

/** One chip per active value, each knowing the view without it. */
function chipsOf(filters: FilterState, scopeOptions: ScopeOptions, domein: Domein): Chip[] {
  const chips: Chip[] = [];
  if (filters.eind_van || filters.eind_tm)
    chips.push({
      label: `Einddatum: ${rangeLabel(filters.eind_van, filters.eind_tm)}`,
      without: { ...filters, eind_van: undefined, eind_tm: undefined },
    });
  if (filters.begin_van || filters.begin_tm)
    chips.push({
      label: `Startdatum: ${rangeLabel(filters.begin_van, filters.begin_tm)}`,
      without: { ...filters, begin_van: undefined, begin_tm: undefined },
    });
  for (const key of CODE_KEYS) {
    const values = filters[key] ?? [];
    const labels = new Map(optionsOf(key, scopeOptions, domein).map((o) => [o.value, o.label]));
    for (const value of values)
      chips.push({
        label: `${FILTERS[key].label}: ${labels.get(value) ?? value}`,
        without: { ...filters, [key]: values.filter((v) => v !== value) },
      });
  }
  return chips;
}

/**
 * What the figures below rest on, always in view above them: the period, and every active filter as
 * a chip that removes it (a link, so it works without JavaScript). On a phone the form itself comes
 * after the figures; "Filters aanpassen" leads there.
 */
export function ActiveFilters({ filters, period, scopeOptions, keep, domein }: Props) {
  const href = (state: FilterState) => {
    const q = toSearchParams(state);
    q.set('domein', domein);
    for (const [k, v] of Object.entries(keep)) q.set(k, v);
    return `?${q}`;
  };
  const chips = chipsOf(filters, scopeOptions, domein);
  return (
    <div className="actieve-filters" data-testid="actieve-filters">
      <p className="periode-regel">
        <strong>Periode:</strong> einddatum {rangeLabel(period.van, period.tm)}
        {!filters.eind_van && !filters.eind_tm && ' (standaard)'}
        <a className="naar-filters" href="#filters">
          Filters aanpassen
        </a>
      </p>
      {chips.length > 0 && (
        <div className="chiprij">
          <ul className="chips" aria-label="Actieve filters">
            {chips.map((c) => (
              <li key={c.label}>
                <a className="chip" href={href(c.without)}>
                  {c.label}
                  <span aria-hidden="true"> ×</span>
                  <span className="sr-only"> (filter weghalen)</span>
                </a>
              </li>
            ))}
          </ul>
          <a href={href({})}>Alle filters wissen</a>
        </div>
      )}
    </div>
  );
}
