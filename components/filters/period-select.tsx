import { boundLabel, formatMonth, quarterChoices } from '@/lib/filters/months';

type Props = {
  id: string;
  label: string;
  /** The bound as the URL has it; undefined: none set. */
  value: string | undefined;
  /** What applies when none is set: the default period's bound, or null for "no bound". */
  fallback: string | null;
  end: boolean;
  firstYear: number;
  asOf: Date;
};

/**
 * One bound of a period, chosen in whole quarters (a plain select: `type=month` is poorly supported
 * outside Chromium). The empty choice keeps the default and names it, so the active period is always
 * visible; a month from an older link that is not a quarter bound stays selectable as itself.
 */
export function PeriodSelect({ id, label, value, fallback, end, firstYear, asOf }: Props) {
  const choices = quarterChoices(firstYear, asOf, end);
  const odd = value && !choices.some((c) => c.value === value);
  return (
    <div className="veld">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} defaultValue={value ?? ''}>
        <option value="">{fallback ? `${boundLabel(fallback, end)} (standaard)` : 'geen grens'}</option>
        {odd && <option value={value}>{formatMonth(value)}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
