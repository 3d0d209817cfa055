import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { requestedAccounts } from './submit-access-request';

/** The queue: new requests first (oldest on top), then the last 50 handled ones; with what the portal already knows of the AGB code. */
export async function listAccessRequests(scope: TtpScope) {
  checkCaller(scope, 'organisations:manage', 'ttp');
  const [open, handled] = await Promise.all([
    db().accessRequest.findMany({ where: { status: 'NIEUW' }, orderBy: { createdAt: 'asc' } }),
    db().accessRequest.findMany({
      where: { status: { not: 'NIEUW' } },
      orderBy: { handledAt: 'desc' },
      take: 50,
      include: { organisation: { select: { name: true } } },
    }),
  ]);
  const known = await db().organisation.findMany({
    where: { agbCode: { in: open.map((r) => r.agbCode) } },
    select: { agbCode: true, name: true },
  });
  const knownBy = new Map(known.map((o) => [o.agbCode, o.name]));
  return {
    open: open.map((r) => ({
      ...r,
      accounts: requestedAccounts(r.accounts),
      existingName: knownBy.get(r.agbCode) ?? null,
    })),
    handled: handled.map((r) => ({ ...r, accounts: requestedAccounts(r.accounts) })),
  };
}
