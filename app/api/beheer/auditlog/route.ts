import { runRoute } from '@/app/api/run-route';
import { expectScope } from '@/lib/access/scope';
import { eventLabel } from '@/lib/audit/event-labels';
import { toCsvDownload } from '@/lib/exports/csv';
import { formatDateTime } from '@/lib/format';
import { describeAuditFilters, searchAudit, ZAuditFilters } from '@/lib/services/audit/search-audit';

const EXPORT_LIMIT = 100_000;
const filtersOf = (url: URL) => ZAuditFilters.parse(Object.fromEntries(url.searchParams));

/** The audit log, filtered as on the page, as CSV (the export itself is logged). */
export const GET = runRoute({
  access: { permission: 'audit:view', object: (url) => `export ${describeAuditFilters(filtersOf(url))}` },
  run: async ({ url, scope }) => {
    const { rows } = await searchAudit(expectScope(scope!, 'ttp'), { ...filtersOf(url), pagina: 1 }, EXPORT_LIMIT);
    const body = toCsvDownload(
      ['tijd_utc', 'tijd_nl', 'actie', 'code', 'gebruiker', 'rol', 'organisatie', 'object', 'adres', 'uitkomst'],
      rows.map((r) => [
        r.occurredAt.toISOString(),
        formatDateTime(r.occurredAt),
        eventLabel(r.event),
        r.event,
        r.userEmail,
        r.role,
        r.organisationName,
        r.object,
        r.address,
        r.outcome,
      ]),
    );
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="auditlog.csv"',
      },
    });
  },
});
