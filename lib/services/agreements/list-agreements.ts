import { checkCaller } from '@/lib/access/check-caller';
import type { TtpScope } from '@/lib/access/scope';
import { db } from '@/lib/db';
import { statusOn } from './agreement-lifecycle';

/** Every provider with its agreements, newest first, each with its status as of today: the TTP's overview of who may deliver. */
export async function listAgreements(scope: TtpScope, today = new Date()) {
  checkCaller(scope, 'agreements:manage', 'ttp');
  const aanbieders = await db().organisation.findMany({
    where: { kind: 'AANBIEDER' },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      agbCode: true,
      active: true,
      agreements: {
        orderBy: { createdAt: 'desc' },
        select: {
          id: true,
          version: true,
          domeinen: true,
          status: true,
          requestedAt: true,
          sentAt: true,
          signedAt: true,
          validFrom: true,
          validUntil: true,
          endedAt: true,
          signatoryName: true,
          signatoryRole: true,
          documentSha256: true,
          endChoice: true,
          deletionDueOn: true,
          dataDeletedAt: true,
        },
      },
    },
  });
  return aanbieders.map((a) => ({ ...a, agreements: a.agreements.map((g) => ({ ...g, status: statusOn(g, today) })) }));
}
