import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { db } from '@/lib/db';

/** The TTP start page: organisations and accounts, never client-level data. */
export async function getBeheerStart(scope: TtpScope) {
  checkCaller(scope, 'beheer:start', 'ttp');
  const [byKind, users, lockedUsers, unsentMail, agreements, newRequests] = await Promise.all([
    db().organisation.groupBy({ by: ['kind'], where: { active: true }, _count: true }),
    db().user.count({ where: { active: true } }),
    db().user.count({ where: { lockedUntil: { gt: new Date() } } }),
    db().outboxMail.count({ where: { sentAt: null } }),
    db().processingAgreement.groupBy({ by: ['status'], _count: true }),
    db().accessRequest.count({ where: { status: 'NIEUW' } }),
  ]);
  const kinds = Object.fromEntries(byKind.map((k) => [k.kind, k._count])) as Record<string, number>;
  const agreementCounts = Object.fromEntries(agreements.map((a) => [a.status, a._count])) as Record<string, number>;
  return { kinds, users, lockedUsers, unsentMail, agreementCounts, newRequests };
}
