import { HIDDEN_EXPLANATION, HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import { formatN, formatPct } from '@/lib/indicators/format-figure';
import type { Figure } from '@/lib/indicators/indicator-table';

/** A count and its percentage, or the one marker for a hidden figure. */
export function FigureCells({ f, withPct = true }: { f: Figure; withPct?: boolean }) {
  if (f.suppressed) {
    return (
      <>
        <td className="verborgen">
          <abbr title={HIDDEN_EXPLANATION}>{HIDDEN_MARKER}</abbr>
        </td>
        {withPct && (
          <td className="verborgen" aria-label="niet getoond">
            ·
          </td>
        )}
      </>
    );
  }
  return (
    <>
      <td className="getal">{formatN(f)}</td>
      {withPct && <td className="getal">{formatPct(f.pct)}</td>}
    </>
  );
}
