import type { CSSProperties } from 'react';
import { formatPct } from '@/lib/indicators/format-figure';
import type { RankingRow } from '@/lib/services/indicators/get-ranking';
import { rankingScale } from './scale';

/**
 * The ranked headline per provider or municipality: this period as a dark bar with its value, a year
 * earlier as a light bar beneath it, the whole as a dashed line through all rows. Black-and-white
 * legible (two greys and a dash, values written out). The table on the page is the accessible
 * alternative; the chart is described in its caption and hidden rows say "< 7".
 *
 * Plain HTML and CSS, drawn on the server: the chart is in the page's first HTML, costs no script
 * and fits its box by itself (a container query, not a measured width). It replaced recharts, whose
 * ~370 KB of script and ~770 ms of drawing on a slow phone came after the table (docs/benchmarks.md,
 * Sessie 25).
 */
export function RankingChart({
  rows,
  average,
  headline,
}: {
  rows: RankingRow[];
  average: number | null;
  headline: string;
}) {
  const { top, ticks } = rankingScale([...rows.flatMap((r) => [r.pct ?? 0, r.lastYear ?? 0]), average ?? 0]);
  const at = (pct: number) => `${(pct / top) * 100}%`;
  // the dashed average runs through every row's track (.rang-baan::after) at this place
  const style = average === null ? undefined : ({ '--gemiddeld': at(average) } as CSSProperties);
  return (
    // hidden from screen readers: the caption, the list and the table carry it
    <div className="rangschikking" aria-hidden="true" data-gemiddeld={average !== null || undefined} style={style}>
      <ul className="rang-legenda">
        <li>
          <span className="rang-staal nu" /> {headline}, deze periode
        </li>
        <li>
          <span className="rang-staal eerder" /> een jaar eerder
        </li>
      </ul>
      <div className="rang-rij rang-kop">
        <span />
        <span className="rang-baan">
          {average !== null && (
            <span className="rang-gemiddeld" style={{ left: at(average) }}>
              gemiddeld {formatPct(average)}
            </span>
          )}
        </span>
      </div>
      <ol className="rang-rijen">
        {rows.map((r) => (
          <li key={r.key} className="rang-rij" title={rankingRowText(r)}>
            <RowName label={r.label} hidden={r.hidden} />
            <span className="rang-baan">
              {r.pct !== null && (
                <span className="rang-balk nu" style={{ width: at(r.pct) }}>
                  <span className="rang-waarde">{formatPct(r.pct)}</span>
                </span>
              )}
              {r.lastYear !== null && <span className="rang-balk eerder" style={{ width: at(r.lastYear) }} />}
            </span>
          </li>
        ))}
      </ol>
      <div className="rang-rij rang-as">
        <span />
        <span className="rang-baan">
          {ticks.map((t) => (
            <span key={t} className="rang-tik" style={{ left: at(t) }}>
              {t}%
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}

/**
 * A row's name apart from what a phone leaves out: the code (" (98100010)" of a provider, " (GM0855)" of
 * a municipality) and a municipality's "Gemeente " (every row of its chart is one). A name without
 * them keeps it whole, and a name is never left empty.
 */
export function nameAndCode(label: string): { prefix: string; name: string; code: string } {
  const code = / \((?:GM)?\d+\)$/.exec(label)?.[0] ?? '';
  const rest = label.slice(0, label.length - code.length);
  const prefix = /^Gemeente (?=\S)/.exec(rest)?.[0] ?? '';
  return { prefix, name: rest.slice(prefix.length), code };
}

/** The row's name, cut short with an ellipsis where it does not fit; on a phone without its code (the table has it) and "Gemeente ". A hidden row says "< 7", never cut off. */
function RowName({ label, hidden }: { label: string; hidden: boolean }) {
  const { prefix, name, code } = nameAndCode(label);
  return (
    <span className="rang-naam">
      <span className="rang-tekst">
        {prefix && <span className="rang-code">{prefix}</span>}
        {name}
        {code && <span className="rang-code">{code}</span>}
      </span>
      {hidden && <span className="rang-klein">&nbsp;(&lt; 7)</span>}
    </span>
  );
}

/** A row in words, its whole name and figures: the bar's tooltip, and the ranking's list for screen readers. */
export const rankingRowText = (r: RankingRow) =>
  `${r.label}: ${r.hidden ? 'minder dan 7 cliënten, niet getoond' : formatPct(r.pct)}${
    r.lastYear === null ? '' : `, een jaar eerder ${formatPct(r.lastYear)}`
  }`;
