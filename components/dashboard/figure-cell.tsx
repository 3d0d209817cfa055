import { HIDDEN_EXPLANATION, HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import { formatN, formatPct } from '@/lib/indicators/format-figure';
import type { Figure } from '@/lib/indicators/indicator-table';

/**
 * A count and its percentage, or the one marker for a hidden figure. The marker is explained once,
 * under the table (HiddenMarkerExplained), not in a title on every cell: a region's table per provider
 * has over a thousand hidden cells, and their titles were most of the page.
 */
export function FigureCells({ f, withPct = true }: { f: Figure; withPct?: boolean }) {
  if (f.suppressed) {
    return (
      <>
        <td className="verborgen">{HIDDEN_MARKER}</td>
        {withPct && <td className="verborgen" />}
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

/** The one explanation of the marker, under every table of FigureCells that may hide a figure. */
export function HiddenMarkerExplained() {
  return (
    <>
      <strong>{HIDDEN_MARKER}</strong>: {HIDDEN_EXPLANATION}
    </>
  );
}
