import type { Metadata } from 'next';
import { TableScroll } from '@/components/ui/table-scroll';
import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { eventLabel } from '@/lib/audit/event-labels';
import { formatDateTime, formatNumber } from '@/lib/format';
import { AUDIT_PAGE_SIZE, describeAuditFilters, searchAudit, ZAuditFilters } from '@/lib/services/audit/search-audit';

export const metadata: Metadata = { title: 'Auditlog' };

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = ZAuditFilters.parse(
    Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  // Reading the log is itself logged, with the filters used.
  const scope = expectScope(await requireScope('audit:view', describeAuditFilters(filters)), 'ttp');
  const { rows, total } = await searchAudit(scope, filters);
  const query = new URLSearchParams(
    Object.entries(filters).flatMap(([k, v]) => (v === undefined || k === 'pagina' ? [] : [[k, String(v)]])),
  );
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  return (
    <>
      <h1>Auditlog</h1>
      <p>
        Elke toegang tot het portaal (NEN 7513). Het log kan niet worden gewijzigd of verwijderd; ook het raadplegen
        ervan wordt vastgelegd. Tijden in Nederlandse tijd; het log zelf en de export bewaren ook UTC.
      </p>
      <form method="get" className="filters" aria-label="Zoeken in het auditlog">
        <div className="veld">
          <label htmlFor="gebruiker">Gebruiker (e-mail)</label>
          <input id="gebruiker" name="gebruiker" defaultValue={filters.gebruiker} />
        </div>
        <div className="veld">
          <label htmlFor="organisatie">Organisatie</label>
          <input id="organisatie" name="organisatie" defaultValue={filters.organisatie} />
        </div>
        <div className="veld">
          <label htmlFor="actie">Actie</label>
          <input id="actie" name="actie" defaultValue={filters.actie} placeholder="bijv. export, ingelogd" />
        </div>
        <div className="veld">
          <label htmlFor="van">Van</label>
          <input id="van" name="van" type="date" defaultValue={filters.van} />
        </div>
        <div className="veld">
          <label htmlFor="tot">Tot en met</label>
          <input id="tot" name="tot" type="date" defaultValue={filters.tot} />
        </div>
        <button className="knop" type="submit">
          Zoeken
        </button>
      </form>
      <p>
        {formatNumber(total)} regels{total > AUDIT_PAGE_SIZE && `, pagina ${filters.pagina} van ${formatNumber(pages)}`}
        .{' '}
        <a href={`/api/beheer/auditlog?${query}`} download>
          Exporteer als CSV
        </a>
      </p>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th scope="col">Tijd</th>
              <th scope="col">Actie</th>
              <th scope="col">Gebruiker</th>
              <th scope="col">Organisatie</th>
              <th scope="col">Object</th>
              <th scope="col">Adres</th>
              <th scope="col">Uitkomst</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.id)}>
                <td>
                  <time dateTime={r.occurredAt.toISOString()} title={`${r.occurredAt.toISOString()} (UTC)`}>
                    {formatDateTime(r.occurredAt)}
                  </time>
                </td>
                <td>
                  {eventLabel(r.event)} <code className="hint">{r.event}</code>
                </td>
                <td>{r.userEmail ?? '—'}</td>
                <td>{r.organisationName ?? '—'}</td>
                <td>{r.object ?? ''}</td>
                <td>{r.address ?? '—'}</td>
                <td>{r.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <nav aria-label="Pagina's" className="paginering">
        {filters.pagina > 1 && <a href={`?${query}&pagina=${filters.pagina - 1}`}>Vorige</a>}
        {filters.pagina < pages && <a href={`?${query}&pagina=${filters.pagina + 1}`}>Volgende</a>}
      </nav>
    </>
  );
}
