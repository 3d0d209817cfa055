import type { Figure } from '@/lib/indicators/indicator-table';
import { HIDDEN_MARKER, K_ANONYMITY } from '@/lib/indicators/suppression';

const nf = new Intl.NumberFormat('nl-NL');
const pf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

export const HIDDEN_LABEL = HIDDEN_MARKER;
export const HIDDEN_EXPLANATION = `Niet getoond: minder dan ${K_ANONYMITY} cliënten, of afgeschermd zodat een klein aantal niet uit totalen of andere filters is terug te rekenen.`;

export const formatPct = (pct: number | null) => (pct === null ? '—' : `${pf.format(pct)}%`);
export const formatN = (f: Figure) => (f.suppressed ? HIDDEN_LABEL : nf.format(f.n ?? 0));
