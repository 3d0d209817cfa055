import { CODE_KEYS, FILTERS, type FilterState } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { DOMEINEN } from '@/lib/indicators/registry';
import { optionsOf, type ScopeOptions } from './filter-options';
import { PeriodSelect } from './period-select';
import { SearchableOptions } from './searchable-options';

export type FilterBarProps = {
  /** The filters as the URL has them. */
  filters: FilterState;
  /** The einddatum period the figures below cover (the default filled in). */
  period: { van: string; tm: string };
  scopeOptions: ScopeOptions;
  /** Other view parameters to keep when the form is sent (groep). */
  keep: Record<string, string>;
  domein: Domein;
  /** The first year with figures (retention) and today: the quarter picker's range. */
  firstYear: number;
  asOf: Date;
  /** Per filter one value or all (a protected view's query grammar, lib/indicators/view-grammar.ts). */
  single?: boolean;
};

/**
 * The filter form: a plain GET form, so every view is a URL that can be bookmarked and shared. The
 * domain and the period are always in view; every other filter of the registry waits behind "Meer
 * filters" (the active ones are shown as chips above the figures, components/filters/active-filters.tsx),
 * so an active filter never pushes the figures down. A filter with no options here is left out.
 */
export function FilterBar({
  filters,
  period,
  scopeOptions,
  keep,
  domein,
  firstYear,
  asOf,
  single = false,
}: FilterBarProps) {
  const active = CODE_KEYS.filter((k) => filters[k]?.length).length + (filters.begin_van || filters.begin_tm ? 1 : 0);
  const range = { firstYear, asOf };
  return (
    <form id="filters" method="get" className="filterbalk" aria-label="Filters">
      {Object.entries(keep).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="filters">
        <div className="veld">
          <label htmlFor="domein">Domein</label>
          <select id="domein" name="domein" defaultValue={domein}>
            {Object.entries(DOMEINEN).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <PeriodSelect
          id="eind_van"
          label="Einddatum van"
          value={filters.eind_van}
          fallback={period.van}
          end={false}
          {...range}
        />
        <PeriodSelect id="eind_tm" label="Einddatum t/m" value={filters.eind_tm} fallback={period.tm} end {...range} />
        <p className="filterknoppen">
          <button className="knop" type="submit">
            Toepassen
          </button>
        </p>
      </div>
      <details>
        <summary>Meer filters{active > 0 ? ` (${active} actief)` : ''}</summary>
        <div className="filtergroepen">
          <fieldset className="keuze">
            <legend>Startdatum van het traject</legend>
            <PeriodSelect id="begin_van" label="Van" value={filters.begin_van} fallback={null} end={false} {...range} />
            <PeriodSelect id="begin_tm" label="T/m" value={filters.begin_tm} fallback={null} end {...range} />
          </fieldset>
          {CODE_KEYS.map((key) => {
            const options = optionsOf(key, scopeOptions, domein);
            if (!options.length) return null;
            const selected = new Set(filters[key] ?? []);
            return options.length > 12 || key === 'gemeente' ? (
              <SearchableOptions
                key={key}
                name={key}
                legend={FILTERS[key].label}
                options={options}
                selected={[...selected]}
                single={single}
              />
            ) : (
              <fieldset className="keuze" key={key}>
                <legend>{FILTERS[key].label}</legend>
                {single && (
                  <label>
                    <input type="radio" name={key} value="" defaultChecked={selected.size === 0} /> Alle
                  </label>
                )}
                {options.map((o) => (
                  <label key={o.value}>
                    <input
                      type={single ? 'radio' : 'checkbox'}
                      name={key}
                      value={o.value}
                      defaultChecked={selected.has(o.value)}
                    />{' '}
                    {o.label}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
        <p>
          <button className="knop" type="submit">
            Filters toepassen
          </button>
        </p>
      </details>
    </form>
  );
}
