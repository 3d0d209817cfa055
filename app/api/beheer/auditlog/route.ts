import { requireScope } from '@/lib/access/require-scope';
import { expectScope } from '@/lib/access/scope';
import { toCsvDownload } from '@/lib/exports/csv';
import { describeAuditFilters, searchAudit, ZAuditFilters } from '@/lib/services/audit/search-audit';

const EXPORT_LIMIT = 100_000;

/** The audit log, filtered as on the page, as CSV (the export itself is logged). */
export async function GET(req: Request) {
  const filters = ZAuditFilters.parse(Object.fromEntries(new URL(req.url).searchParams));
  const scope = expectScope(await requireScope('audit:view', `export ${describeAuditFilters(filters)}`), 'ttp');
  const { rows } = await searchAudit(scope, { ...filters, pagina: 1 }, EXPORT_LIMIT);
  const body = toCsvDownload(
    ['tijd_utc', 'actie', 'gebruiker', 'rol', 'organisatie', 'object', 'adres', 'uitkomst'],
    rows.map((r) => [
      r.occurredAt.toISOString(),
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
}
