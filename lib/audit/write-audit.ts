import { pgPool } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';

/** Who did it: a snapshot, so the log still reads right after the account or organisation changes. */
export type AuditActor = {
  /** null for an API token (its id is in `email` as "api-token:<prefix>"). */
  userId: string | null;
  email: string;
  role: Role;
  organisationId: string;
  organisationName: string;
};

export type AuditEntry = {
  event: string;
  actor?: AuditActor | null;
  /** What was touched: a record id, a page, or the scope and filters of an aggregate. */
  object?: string;
  scope?: Prisma.InputJsonValue;
  address?: string | null;
  outcome?: 'ok' | 'geweigerd' | 'mislukt';
};

// NEN 7513: every access is logged, append-only (the database refuses UPDATE and DELETE).
export async function writeAudit(entry: AuditEntry): Promise<void> {
  const { actor } = entry;
  // One plain INSERT over the pg pool: every API call and page view writes one, and Prisma's create
  // (which reads the row back) cost it about a millisecond more (npm run bench:dashboard). Named, so
  // each connection parses and plans it once.
  await pgPool().query({
    name: 'write-audit',
    text: `INSERT INTO audit_log (event, user_id, user_email, role, organisation_id, organisation_name, object, scope, address, outcome)
     VALUES ($1, $2::uuid, $3, $4::"Role", $5::uuid, $6, $7, $8::jsonb, $9, $10)`,
    values: [
      entry.event,
      actor?.userId ?? null,
      actor?.email ?? null,
      actor?.role ?? null,
      actor?.organisationId ?? null,
      actor?.organisationName ?? null,
      entry.object ?? null,
      entry.scope === undefined ? null : JSON.stringify(entry.scope),
      entry.address ?? null,
      entry.outcome ?? 'ok',
    ],
  });
}
