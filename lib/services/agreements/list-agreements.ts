import { db } from '@/lib/db';
import type { TtpScope } from '@/lib/access/scope';
import { expireAgreements } from './expire-agreements';

/** Every provider with its agreements, newest first: the TTP's overview of who may deliver. */
export async function listAgreements(_scope: TtpScope) {
  await expireAgreements();
  return db().organisation.findMany({
    where: { kind: 'AANBIEDER' },
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, agbCode: true, active: true,
      agreements: {
        orderBy: { createdAt: 'desc' },
        select: {
          id: true, version: true, status: true, requestedAt: true, sentAt: true, signedAt: true, validFrom: true, validUntil: true, endedAt: true,
          signatoryName: true, signatoryRole: true, documentSha256: true,
        },
      },
    },
  });
}
