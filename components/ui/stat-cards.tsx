export type Stat = { label: string; value: string; note?: string };

/** A row of key figures. Values arrive formatted (and suppressed where needed) from lib/. */
export function StatCards({ stats, label }: { stats: Stat[]; label: string }) {
  return (
    <dl className="kaarten" aria-label={label}>
      {stats.map((s) => (
        <div className="kaart" key={s.label}>
          <dt>{s.label}</dt>
          <dd>
            {s.value}
            {s.note && <small>{s.note}</small>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
