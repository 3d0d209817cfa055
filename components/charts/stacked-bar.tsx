import { formatPct } from '@/lib/indicators/format-figure';
import { textOn } from './palette';

type Segment = { label: string; pct: number | null; colour: string };

/**
 * One horizontal 100% bar, in the style of the NJi/Almere dashboards. Decorative for screen readers:
 * the same figures are in the table next to it (aria-hidden here avoids reading them twice).
 */
export function StackedBar({ segments }: { segments: Segment[] }) {
  const shown = segments.filter((s) => s.pct !== null && s.pct > 0);
  if (!shown.length) return <p className="geen-balk">Geen percentages te tonen.</p>;
  // HTML rather than SVG: the labels stay crisp at every width. Hidden segments leave the bar short.
  return (
    <div className="balk" aria-hidden="true">
      {shown.map((s) => (
        <span key={s.label} style={{ width: `${s.pct}%`, background: s.colour, color: textOn(s.colour) }}>
          {s.pct! >= 9 ? formatPct(s.pct) : ''}
        </span>
      ))}
    </div>
  );
}

export function Legend({ items }: { items: { label: string; colour: string }[] }) {
  return (
    <ul className="legenda" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label}>
          <span className="legenda-vlak" style={{ background: i.colour }} /> {i.label}
        </li>
      ))}
    </ul>
  );
}
