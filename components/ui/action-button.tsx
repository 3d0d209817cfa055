/**
 * A one-button form that posts fixed values to a server action (deactivate, send, mark done …).
 * With `confirm`, the button first opens a short question and acts only on a second, explicit
 * button: every destructive or irreversible admin action takes two deliberate clicks (no script
 * needed: a disclosure widget).
 */
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  formLabel,
  confirm,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  label: string;
  /** When the button text alone does not say what it acts on (e.g. in a table row). */
  ariaLabel?: string;
  formLabel?: string;
  /** The question to confirm, e.g. "Account van Jan deactiveren? Open sessies eindigen direct." */
  confirm?: string;
}) {
  const form = (
    <form action={action} className="inline" aria-label={formLabel ?? (confirm ? (ariaLabel ?? label) : undefined)}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirm && <span className="bevestig-vraag">{confirm} </span>}
      <button className="knop knop-licht" type="submit" aria-label={confirm ? undefined : ariaLabel}>
        {confirm ? `Ja, ${label.toLowerCase()}` : label}
      </button>
    </form>
  );
  if (!confirm) return form;
  return (
    <details className="inline bevestig">
      <summary className="knop knop-licht" aria-label={ariaLabel ? `${ariaLabel}…` : undefined}>
        {label}…
      </summary>
      {form}
    </details>
  );
}
