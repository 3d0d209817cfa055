import { z } from 'zod';
import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { eventsMatching } from '@/lib/audit/event-labels';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

// Search in the NEN 7513 access log (TTP admins only). Filters come from the URL; a value that
// does not parse is ignored, never an error.
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);
const optionalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .optional()
  .catch(undefined);

export const ZAuditFilters = z.object({
  gebruiker: optionalText,
  organisatie: optionalText,
  actie: optionalText,
  van: optionalDate,
  tot: optionalDate,
  pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TAuditFilters = z.infer<typeof ZAuditFilters>;

export const AUDIT_PAGE_SIZE = 100;

function whereFor(f: TAuditFilters): Prisma.AuditLogWhereInput {
  // The log keeps UTC (NEN 7513); the date range is inclusive, in UTC days.
  const day = (d: string, next = false) => new Date(Date.parse(`${d}T00:00:00Z`) + (next ? 86_400_000 : 0));
  return {
    ...(f.gebruiker ? { userEmail: { contains: f.gebruiker, mode: 'insensitive' } } : {}),
    ...(f.organisatie ? { organisationName: { contains: f.organisatie, mode: 'insensitive' } } : {}),
    ...(f.actie ? actionWhere(f.actie) : {}),
    ...(f.van || f.tot
      ? { occurredAt: { ...(f.van ? { gte: day(f.van) } : {}), ...(f.tot ? { lt: day(f.tot, true) } : {}) } }
      : {}),
  };
}

/** "Actie": the Dutch words people read in the log, or the start of the code. */
function actionWhere(text: string): Prisma.AuditLogWhereInput {
  const { codes, prefix } = eventsMatching(text);
  return { OR: [{ event: { in: codes } }, { event: { startsWith: prefix } }] };
}

export async function searchAudit(
  scope: Extract<Scope, { kind: 'ttp' }>,
  filters: TAuditFilters,
  take = AUDIT_PAGE_SIZE,
) {
  checkCaller(scope, 'audit:view', 'ttp');
  const where = whereFor(filters);
  const [rows, total] = await Promise.all([
    db().auditLog.findMany({ where, orderBy: { id: 'desc' }, take, skip: (filters.pagina - 1) * take }),
    db().auditLog.count({ where }),
  ]);
  return { rows, total };
}

/** The filters as they are written to the audit log when someone reads the log. */
export const describeAuditFilters = (f: TAuditFilters) =>
  `auditlog ${JSON.stringify(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)))}`;
