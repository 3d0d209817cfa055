import { HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import type { Figure } from '@/lib/indicators/indicator-table';

export { HIDDEN_EXPLANATION } from '@/lib/indicators/disclosure-control';

const nf = new Intl.NumberFormat('nl-NL');
const pf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const HIDDEN_LABEL = HIDDEN_MARKER;

export const formatPct = (pct: number | null) => (pct === null ? '—' : `${pf.format(pct)}%`);
export const formatN = (f: Figure) => (f.suppressed ? HIDDEN_LABEL : nf.format(f.n ?? 0));
