import { CODE_KEYS, type CodeKey, FILTERS, type FilterState, MONTH_KEYS, optionsIn } from '@/lib/filters/registry';
import type { Domein } from '@/lib/generated/prisma/enums';
import { DOMEINEN } from '@/lib/indicators/registry';
import type { Option } from '@/lib/services/indicators/get-filter-options';
import { SearchableOptions } from './searchable-options';

type Props = {
  filters: FilterState;
  /** Options of the filters whose values depend on the scope. */
  scopeOptions: Record<'gemeente' | 'aanbieder', Option[]>;
  /** Other view parameters to keep when the form is sent (domein, groep). */
  keep: Record<string, string>;
  domein: string;
};

const optionsOf = (key: CodeKey, scopeOptions: Props['scopeOptions'], domein: string): Option[] => {
  const options = optionsIn(key, domein === 'WMO' ? 'WMO' : ('JEUGD' satisfies Domein));
  if (options === null) return [];
  if (options === 'scope') return scopeOptions[key as 'gemeente' | 'aanbieder'] ?? [];
  return Object.entries(options).map(([value, label]) => ({ value, label: `${value} ${label}` }));
};

/**
 * The filter bar: a plain GET form, so every view is a URL that can be bookmarked and shared. It
 * renders the registry; a filter with no options for this scope is left out.
 */
export function FilterBar({ filters, scopeOptions, keep, domein }: Props) {
  const active = CODE_KEYS.filter((k) => filters[k]?.length).length;
  return (
    <form method="get" className="filterbalk" aria-label="Filters">
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
        {MONTH_KEYS.map((key) => (
          <div className="veld" key={key}>
            <label htmlFor={key}>{FILTERS[key].label}</label>
            <input id={key} name={key} type="month" min="2015-01" defaultValue={filters[key]} />
          </div>
        ))}
      </div>
      <details open={active > 0}>
        <summary>Meer filters{active > 0 ? ` (${active} actief)` : ''}</summary>
        <div className="filtergroepen">
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
              />
            ) : (
              <fieldset className="keuze" key={key}>
                <legend>{FILTERS[key].label}</legend>
                {options.map((o) => (
                  <label key={o.value}>
                    <input type="checkbox" name={key} value={o.value} defaultChecked={selected.has(o.value)} />{' '}
                    {o.label}
                  </label>
                ))}
              </fieldset>
            );
          })}
        </div>
      </details>
      <p>
        <button className="knop" type="submit">
          Filters toepassen
        </button>{' '}
        <a href={`?${new URLSearchParams(keep)}`}>Alle filters wissen</a>
      </p>
    </form>
  );
}
