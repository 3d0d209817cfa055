import { checkCaller } from '@/lib/access/check-caller';
import type { Scope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { retentionCutoff } from './retention';

/** What the provider's page "Uw gegevens" shows: the terms, and the end of its agreements if any. */
export async function getProviderPrivacy(scope: Scope) {
  const s = checkCaller(scope, 'privacy:view', 'aanbieder');
  const ended = await db().processingAgreement.findMany({
    where: { aanbiederId: s.aanbiederId, endChoice: { not: null } },
    orderBy: { endedAt: 'desc' },
    select: {
      id: true,
      version: true,
      endedAt: true,
      endChoice: true,
      deletionDueOn: true,
      returnedAt: true,
      dataDeletedAt: true,
    },
  });
  return {
    retentionYears: env().TRAJECTORY_RETENTION_YEARS,
    cutoff: retentionCutoff(),
    uploadRetentionDays: env().UPLOAD_RETENTION_DAYS,
    noticeDays: env().AGREEMENT_DELETION_NOTICE_DAYS,
    ended,
  };
}
