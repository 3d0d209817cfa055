import { formatMonth } from '@/lib/filters/months';
import { HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import type { Figure } from '@/lib/indicators/indicator-table';

const nf = new Intl.NumberFormat('nl-NL');
const pf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const formatPct = (pct: number | null) => (pct === null ? '—' : `${pf.format(pct)}%`);
export const formatN = (f: Figure) => (f.suppressed ? HIDDEN_MARKER : nf.format(f.n ?? 0));

/** What a page, card or report says instead of a count that is not known yet. */
export const NOT_YET_KNOWN = 'nog niet bekend';

/**
 * Nothing of the period counts yet (geen nieuwe start: the window runs for every month of it): its
 * population of 0 is "nog niet bekend", not zero; in a protected view 0 reads "< 7" like 1 to 6, so
 * there a hidden population of a period with months still open is "nog niet bekend" too. With enough
 * months counted, the figures are shown, with unsettledNote under them.
 */
export const notYetKnown = (unsettledFrom: string | null | undefined, populatie: Figure) =>
  !!unsettledFrom && (populatie.suppressed || populatie.n === 0);

/** The sentence a page or card shows for a view with months that do not count yet. */
export const unsettledNote = (v: { unsettledFrom?: string | null }) =>
  v.unsettledFrom
    ? `Nog niet bekend voor trajecten beëindigd vanaf ${formatMonth(v.unsettledFrom)}: het venster waarin een nieuwe start nog kan volgen, loopt nog. Die tellen mee zodra het voorbij is.`
    : null;

/** The same sentence under a report's table of consecutive periods: from the first that has months not counted yet. */
export const periodsUnsettledNote = (periods: { unsettledFrom?: string | null }[]) =>
  unsettledNote(periods.find((p) => p.unsettledFrom) ?? {});
