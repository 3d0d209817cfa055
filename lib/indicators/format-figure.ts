import { formatMonth } from '@/lib/filters/months';
import { HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import type { Figure } from '@/lib/indicators/indicator-table';

const nf = new Intl.NumberFormat('nl-NL');
const pf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const formatPct = (pct: number | null) => (pct === null ? '—' : `${pf.format(pct)}%`);
export const formatN = (f: Figure) => (f.suppressed ? HIDDEN_MARKER : nf.format(f.n ?? 0));

/** The sentence a page or card shows for a view with months that do not count yet. */
export const unsettledNote = (v: { unsettledFrom: string | null }) =>
  v.unsettledFrom
    ? `Nog niet bekend voor trajecten beëindigd vanaf ${formatMonth(v.unsettledFrom)}: het venster waarin een nieuwe start nog kan volgen, loopt nog. Die tellen mee zodra het voorbij is.`
    : null;
