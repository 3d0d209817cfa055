/** A one-button form that posts fixed values to a server action (deactivate, send, mark done …). */
export function ActionButton({
  action,
  fields,
  label,
  ariaLabel,
  formLabel,
}: {
  action: (form: FormData) => Promise<void>;
  fields: Record<string, string>;
  label: string;
  /** When the button text alone does not say what it acts on (e.g. in a table row). */
  ariaLabel?: string;
  formLabel?: string;
}) {
  return (
    <form action={action} className="inline" aria-label={formLabel}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button className="knop knop-licht" type="submit" aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}
