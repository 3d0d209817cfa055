/** The outcome of a form action, as backWithMessage put it in the URL (React escapes it; capped in length). */
export function FormMessage({ melding, fout }: { melding?: string; fout?: string }) {
  return (
    <>
      {melding && (
        <p className="melding melding-ok" role="status">
          {melding.slice(0, 300)}
        </p>
      )}
      {fout && (
        <p className="melding melding-fout" role="alert">
          {fout.slice(0, 300)}
        </p>
      )}
    </>
  );
}
