import { formatPct } from '@/components/dashboard/format-figure';
import { textOn } from './palette';

type Segment = { label: string; pct: number | null; colour: string };

/**
 * One horizontal 100% bar, in the style of the NJi/Almere dashboards. Decorative for screen readers:
 * the same figures are in the table next to it (aria-hidden here avoids reading them twice).
 */
export function StackedBar({ segments }: { segments: Segment[] }) {
  const shown = segments.filter((s) => s.pct !== null && s.pct > 0);
  if (!shown.length) return <p className="geen-balk">Geen percentages te tonen.</p>;
  let x = 0;
  return (
    <svg className="balk" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {shown.map((s) => {
        const w = s.pct!;
        const rect = (
          <g key={s.label}>
            <rect x={x} y={0} width={w} height={10} fill={s.colour} stroke="#fff" strokeWidth={0.3} />
            {w >= 9 && (
              <text x={x + w / 2} y={6.6} fontSize={4} textAnchor="middle" fill={textOn(s.colour)}>
                {formatPct(s.pct)}
              </text>
            )}
          </g>
        );
        x += w;
        return rect;
      })}
    </svg>
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
