'use client';
import { useId, useState } from 'react';

type Props = {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected: string[];
  /** One value or all (radio buttons with "Alle"): the query grammar of a protected view. */
  single?: boolean;
};

/**
 * Without a search, a long list shows this many options (and every checked one): a region has ~480
 * providers, and 480 checkboxes were ~1,000 elements on every page of a region, rendered in the server
 * and hydrated in the browser, for a list nobody reads from top to bottom (docs/benchmarks.md, session 15).
 */
export const OPTIONS_AT_ONCE = 40;

/**
 * A checkbox list with a search box (municipalities, providers): the checked options, and those that
 * match the search (without one, the first OPTIONS_AT_ONCE). An option that is not shown is not in the
 * page at all; it was not checked, so the form sends the same.
 */
export function SearchableOptions({ name, legend, options, selected, single = false }: Props) {
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState(new Set(selected));
  const id = useId();
  const q = query.trim().toLowerCase();
  const shown = options.filter((o, i) =>
    checked.has(o.value) ? true : q ? o.label.toLowerCase().includes(q) : i < OPTIONS_AT_ONCE,
  );
  return (
    <fieldset className="keuze">
      <legend>{legend}</legend>
      <label htmlFor={id} className="zoek-label">
        Zoeken in {legend.toLowerCase()}
      </label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="zoekveld" />
      {!q && options.length > OPTIONS_AT_ONCE && (
        <p className="hint">
          De eerste {OPTIONS_AT_ONCE} van {options.length}; zoek om de andere te vinden.
        </p>
      )}
      <div className="keuzelijst">
        {single && (
          <label>
            <input
              type="radio"
              name={name}
              value=""
              checked={checked.size === 0}
              onChange={() => setChecked(new Set())}
            />{' '}
            Alle
          </label>
        )}
        {shown.map((o) => (
          <label key={o.value}>
            <input
              type={single ? 'radio' : 'checkbox'}
              name={name}
              value={o.value}
              checked={checked.has(o.value)}
              onChange={(e) => {
                const next = new Set(single ? [] : checked);
                if (e.target.checked) next.add(o.value);
                else next.delete(o.value);
                setChecked(next);
              }}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
