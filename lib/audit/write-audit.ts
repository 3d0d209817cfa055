import { db } from '@/lib/db';
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
  await db().auditLog.create({
    data: {
      event: entry.event,
      userId: actor?.userId,
      userEmail: actor?.email,
      role: actor?.role,
      organisationId: actor?.organisationId,
      organisationName: actor?.organisationName,
      object: entry.object,
      scope: entry.scope,
      address: entry.address ?? undefined,
      outcome: entry.outcome ?? 'ok',
    },
  });
}
