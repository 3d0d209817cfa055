'use client';
import { useId, useState } from 'react';

type Props = { name: string; legend: string; options: { value: string; label: string }[]; selected: string[] };

/** A checkbox list with a search box (municipalities, providers): unchecked options that do not match are hidden. */
export function SearchableOptions({ name, legend, options, selected }: Props) {
  const [query, setQuery] = useState('');
  const [checked, setChecked] = useState(new Set(selected));
  const id = useId();
  const q = query.trim().toLowerCase();
  return (
    <fieldset className="keuze">
      <legend>{legend}</legend>
      <label htmlFor={id} className="zoek-label">
        Zoeken in {legend.toLowerCase()}
      </label>
      <input id={id} type="search" value={query} onChange={(e) => setQuery(e.target.value)} className="zoekveld" />
      <div className="keuzelijst">
        {options.map((o) => {
          const visible = !q || checked.has(o.value) || o.label.toLowerCase().includes(q);
          return (
            <label key={o.value} hidden={!visible}>
              <input
                type="checkbox"
                name={name}
                value={o.value}
                checked={checked.has(o.value)}
                onChange={(e) => {
                  const next = new Set(checked);
                  if (e.target.checked) next.add(o.value);
                  else next.delete(o.value);
                  setChecked(next);
                }}
              />{' '}
              {o.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
