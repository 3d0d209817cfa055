import { HIDDEN_MARKER } from '@/lib/indicators/disclosure-control';
import type { Figure } from '@/lib/indicators/indicator-table';

const nf = new Intl.NumberFormat('nl-NL');
const pf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const formatPct = (pct: number | null) => (pct === null ? '—' : `${pf.format(pct)}%`);
export const formatN = (f: Figure) => (f.suppressed ? HIDDEN_MARKER : nf.format(f.n ?? 0));
